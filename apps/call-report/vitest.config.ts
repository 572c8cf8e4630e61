import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // One SigmaMind mock for the run; tests get its URL with inject("sigmamindMockUrl").
    globalSetup: ["@sigmamind/mock/vitest"],
  },
});
