// What a test reads of the fakes the Vitest global setups started. `inject` alone gives undefined when a setup
// is missing, and a client given an undefined baseUrl quietly calls the production API: these fail instead.
//   const client = new SigmaMind({ apiKey: "test-key", baseUrl: mockUrl() });
//   const client = new SigmaMind({ apiKey: sandboxApiKey(), baseUrl: sandboxUrl() });
import { inject } from "vitest";
// For the types of inject("sigmamindMockUrl") and inject("sigmamindSandboxUrl") only.
import type {} from "./global-setup.js";
import { workerApiKey } from "./sandbox/worker-api-key.js";
import type {} from "./vitest-sandbox.js";

/** The URL of the mock `@sigmamind/mock/vitest` started for this run; throws when no mock was set up. */
export function mockUrl(): string {
  const url: unknown = inject("sigmamindMockUrl");
  if (typeof url === "string" && url !== "") return url;
  throw new Error(
    'No SigmaMind mock was set up for this test run. Add "@sigmamind/mock/vitest" to test.globalSetup in your Vitest config, or set SIGMAMIND_MOCK_URL to a mock you started yourself.',
  );
}

/** The URL of the sandbox `@sigmamind/mock/vitest/sandbox` started for this run; throws when none was set up. */
export function sandboxUrl(): string {
  const url: unknown = inject("sigmamindSandboxUrl");
  if (typeof url === "string" && url !== "") return url;
  throw new Error(
    'No SigmaMind sandbox was set up for this test run. Add "@sigmamind/mock/vitest/sandbox" to test.globalSetup in your Vitest config, or set SIGMAMIND_SANDBOX_URL to a sandbox you started yourself.',
  );
}

/**
 * The API key of this test worker's world in the run's sandbox: different for every worker of every run, so
 * files in parallel never see each other's calls. Files that run one after another in a worker share it: reset
 * it in `beforeEach` (`controlSandbox(sandboxUrl(), sandboxApiKey()).reset()`).
 */
export function sandboxApiKey(): string {
  sandboxUrl();
  return workerApiKey(String(inject("sigmamindSandboxRun")));
}
