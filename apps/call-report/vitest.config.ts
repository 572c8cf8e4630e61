import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // One SigmaMind mock of the spec's examples for the run; contract tests get its URL with mockUrl().
    globalSetup: ["@sigmamind/mock/vitest"],
    // The sandbox tests start their own sandbox, which waits up to 30 s for Prism on a busy machine.
    hookTimeout: 30_000,
  },
});
