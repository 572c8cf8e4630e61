import { defineConfig } from "vitest/config";

export default defineConfig({
  // Comparing two specs takes about half a second alone, several under the full pipeline's load.
  test: { include: ["test/**/*.test.ts"], testTimeout: 60_000 },
});
