import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["test/unit/**/*.test.ts"] } },
      {
        test: {
          name: "contract",
          include: ["test/contract/**/*.test.ts"],
          // One Prism mock of the spec for the whole run; tests read its URL with inject("sigmamindMockUrl").
          globalSetup: ["@sigmamind/mock/vitest"],
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
