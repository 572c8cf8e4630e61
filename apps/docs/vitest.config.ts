import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // One SigmaMind mock for the run: the guide samples and "try it" call it.
    globalSetup: ["@sigmamind/mock/vitest"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
