import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // One SigmaMind mock of the spec's examples for the run; contract tests get its URL with mockUrl().
    globalSetup: ["@sigmamind/mock/vitest"],
  },
});
