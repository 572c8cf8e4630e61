import { defineConfig } from "tsdown";

// @sigmamind/error-text is private, so users could not install it: it is a devDependency, and tsdown bundles
// what is not a dependency or peerDependency. Said here too, so a move to dependencies cannot quietly turn it
// into an import. The tarball test checks that no published file imports it.
const deps = { alwaysBundle: ["@sigmamind/error-text"] };

export default defineConfig([
  {
    entry: ["src/index.ts", "src/global-setup.ts", "src/vitest-sandbox.ts", "src/mock-url.ts"],
    format: ["esm", "cjs"],
    dts: true,
    // startMock finds the bundled spec beside itself through import.meta.url, in the CommonJS build too.
    shims: true,
    clean: true,
    deps,
    // The mock serves the spec it was published with, so a consumer's mock matches their client version.
    copy: [
      { from: "../../spec/openapi.yaml" },
      { from: "src/exit-with-parent.cjs" },
      { from: "THIRD-PARTY-NOTICES.md" },
    ],
  },
  {
    // What runs in a browser too (the MSW handlers under setupWorker, the factories), built on its own: chunks
    // shared with the Node entries would carry their imports of node: modules, which a browser bundle cannot
    // resolve.
    entry: ["src/msw.ts", "src/factories.ts"],
    format: ["esm", "cjs"],
    dts: true,
    // Only the first build empties dist, so this one's output stays.
    clean: false,
    deps,
  },
  {
    // The bin runs as an ES module only.
    entry: ["src/cli.ts", "src/drift-cli.ts"],
    format: ["esm"],
    dts: false,
    clean: false,
    deps,
  },
]);
