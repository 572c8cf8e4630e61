import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // One SigmaMind mock for the run (tests get its URL with inject("sigmamindMockUrl")), after checking that
    // the CLI under test has been built.
    globalSetup: ["test/support/require-build.ts", "@sigmamind/mock/vitest"],
    testTimeout: 20_000,
  },
});
