import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Most of the slow files wait on child processes (Prism, the bins, Vitest runs), not on this process's CPU:
    // more files at once than cores.
    maxWorkers: 3,
  },
});
