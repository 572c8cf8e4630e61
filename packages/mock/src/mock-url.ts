// The mock's URL in a test, from the Vitest global setup. `inject` alone gives undefined when the setup is
// missing, and a client given an undefined baseUrl quietly calls the production API: this fails instead.
//   const client = new SigmaMind({ apiKey: "test-key", baseUrl: mockUrl() });
import { inject } from "vitest";
// For the type of inject("sigmamindMockUrl") only.
import type {} from "./global-setup.js";

/** The URL of the mock `@sigmamind/mock/vitest` started for this run; throws when no mock was set up. */
export function mockUrl(): string {
  const url: unknown = inject("sigmamindMockUrl");
  if (typeof url === "string" && url !== "") return url;
  throw new Error(
    'No SigmaMind mock was set up for this test run. Add "@sigmamind/mock/vitest" to test.globalSetup in your Vitest config, or set SIGMAMIND_MOCK_URL to a mock you started yourself.',
  );
}
