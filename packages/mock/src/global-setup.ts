// A Vitest globalSetup: one mock for the whole test run, its URL given to tests as `inject("sigmamindMockUrl")`.
//   // vitest.config.ts
//   export default defineConfig({ test: { globalSetup: ["@sigmamind/mock/vitest"] } });
// Set SIGMAMIND_MOCK_URL to use a mock you started yourself instead. Tests read the URL with `mockUrl()` from
// "@sigmamind/mock/vitest/mock-url", which fails when this setup is missing instead of letting a client fall
// back to the production API.

// The augmented module must be part of the program for `declare module "vitest"` to merge into it.
import type {} from "vitest";
import type { TestProject } from "vitest/node";
import { MockStartError } from "./errors.js";
import { startMock } from "./start-mock.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the mock started for this test run. */
    sigmamindMockUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const existing = process.env.SIGMAMIND_MOCK_URL;
  if (existing) {
    project.provide("sigmamindMockUrl", existing);
    return;
  }
  const mock = await startMock();
  project.provide("sigmamindMockUrl", mock.url);
  return async () => {
    await mock.stop();
    const exit = await mock.exited;
    // Tests that failed with connection errors make sense only with this said.
    if (!exit.stopped) {
      throw new MockStartError(
        `The SigmaMind mock exited during the test run (${exit.signal ?? `exit code ${exit.code}`}).\n${exit.output}`,
      );
    }
  };
}
