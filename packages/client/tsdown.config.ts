import { defineConfig } from "tsdown";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: false,
  clean: true,
  // @sigmamind/error-text is private, so users could not install it: it is a devDependency, and tsdown bundles
  // what is not a dependency or peerDependency. Said here too, so a move to dependencies cannot quietly turn
  // it into an import. The tarball test checks that no published file imports it.
  deps: { alwaysBundle: ["@sigmamind/error-text"] },
  // ajv-formats' format checks are inlined into the response-validation chunk: its license ships with them.
  copy: [{ from: "THIRD-PARTY-NOTICES.md" }],
});
