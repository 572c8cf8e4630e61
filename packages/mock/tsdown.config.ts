import { defineConfig } from "tsdown";

// @sigmamind/error-text is private, so users could not install it: it is a devDependency, and tsdown bundles
// what is not a dependency or peerDependency. Said here too, so a move to dependencies cannot quietly turn it
// into an import. The tarball test checks that no published file imports it.
// ajv-formats gives the generated validators their date-time and uri checks: a few regular expressions, bundled
// (with its license in dist/THIRD-PARTY-NOTICES.md) rather than installed with the rest of Ajv.
const deps = { alwaysBundle: ["@sigmamind/error-text", "ajv-formats"] };

export default defineConfig([
  {
    entry: [
      "src/index.ts",
      "src/global-setup.ts",
      "src/vitest-sandbox.ts",
      "src/mock-url.ts",
      "src/msw.ts",
      "src/factories.ts",
    ],
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
    // The bin runs as an ES module only.
    entry: ["src/cli.ts", "src/drift-cli.ts"],
    format: ["esm"],
    dts: false,
    // Only the first build empties dist, so this one's output stays.
    clean: false,
    deps,
  },
]);
