import { defineConfig } from "tsdown";

export default defineConfig({
  // The bin, and the commands as data for the docs' request samples (`@sigmamind/cli/commands`).
  entry: ["src/main.ts", "src/command-description.ts"],
  format: ["esm"],
  platform: "node",
  // The bin is dist/main.js, in a package of type module.
  fixedExtension: false,
  dts: { entry: ["src/command-description.ts"] },
  clean: true,
  // @sigmamind/error-text is private, so users could not install it: tsdown bundles it, as it bundles what is not
  // a dependency or peerDependency. The tarball test checks that no published file imports it.
  // jq-wasm (jq, with its WebAssembly inside a 1.3 MB module) stays a dependency, imported only when --jq is given.
  deps: { alwaysBundle: ["@sigmamind/error-text"], neverBundle: [/^jq-wasm(\/|$)/] },
  // What of other packages dist inlines, with their licenses: none today, and a test keeps it so or noticed.
  copy: [{ from: "THIRD-PARTY-NOTICES.md" }],
});
