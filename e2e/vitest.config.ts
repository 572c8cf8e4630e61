import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // First the release (Verdaccio, changesets, two outside installs), then one SigmaMind mock for the matrix.
    globalSetup: ["./test/support/global-setup.ts", "@sigmamind/mock/vitest"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
