import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
          // These tests answer from a fake fetch standing in for the production API, at its address: they opt in
          // to writes as a team that means it would. The guard's own tests (live-write-guard.test.ts) clear this.
          env: { SIGMAMIND_ALLOW_LIVE_WRITES: "1" },
        },
      },
      // Checks of the built package as users get it; turbo builds it first.
      { test: { name: "package", include: ["test/package/**/*.test.ts"], testTimeout: 60_000 } },
      {
        test: {
          name: "types",
          include: [],
          typecheck: { enabled: true, only: true, include: ["test/types/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
        },
      },
      {
        test: {
          name: "contract",
          include: ["test/contract/**/*.test.ts"],
          // One Prism mock of the spec for the whole run; tests read its URL with inject("sigmamindMockUrl").
          globalSetup: ["@sigmamind/mock/vitest"],
          hookTimeout: 60_000,
          // Each request goes through Prism, in a process of its own: on a loaded machine (the whole workspace's
          // tests at once), a test of some fifty of them outlasts the default 5 s while taking 0.5 s alone.
          testTimeout: 30_000,
        },
      },
    ],
  },
});
