import { defineConfig } from "tsdown";

export default defineConfig({
  // The bin, and the server as a function (createSigmaMindServer) for those who host it themselves.
  entry: ["src/main.ts", "src/index.ts"],
  format: ["esm"],
  platform: "node",
  fixedExtension: false,
  dts: { entry: ["src/index.ts"] },
  clean: true,
  // @sigmamind/error-text is private, so users could not install it: bundled, as the CLI bundles it.
  deps: { alwaysBundle: ["@sigmamind/error-text"] },
});
