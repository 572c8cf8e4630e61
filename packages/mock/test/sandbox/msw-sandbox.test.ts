// The behaviour suite against the MSW handlers, in-process: the platform's fetch, intercepted, no network.
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type SandboxHandlers, sandboxHandlers } from "../../src/msw.js";
import { describeSandboxBehaviour } from "./behaviour.js";

const shared = sandboxHandlers();
const server = setupServer(...shared.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

let started = 0;
describeSandboxBehaviour({
  name: "MSW handlers",
  shared: () => ({
    ...shared,
    fetch: (input, init) => globalThis.fetch(input, init),
    url: shared.url,
    violations: shared.violations,
  }),
  start: async (options) => {
    // Hosts under .invalid never resolve: were interception to fail, nothing would leave the machine.
    const own: SandboxHandlers = sandboxHandlers({ ...options, baseUrl: `http://own-${++started}.sandbox.invalid` });
    server.use(...own.handlers);
    return { ...own, fetch: (input, init) => globalThis.fetch(input, init), url: own.url, violations: own.violations };
  },
});

describe("the handlers' address", () => {
  test("by default a host that never resolves, not the API's own", () => {
    expect(shared.url).toBe("https://sandbox.sigmamind.invalid");
  });

  test("a base URL with a path: the sandbox's paths start after it", async () => {
    const nested = sandboxHandlers({ baseUrl: "http://nested.sandbox.invalid/api/" });
    server.use(...nested.handlers);
    expect(nested.url).toBe("http://nested.sandbox.invalid/api");
    const answer = await fetch(`${nested.url}/v1/calls?size=1`, { headers: { "x-api-key": "k" } });
    expect((await answer.json()).totalCounts).toBe(57);
  });

  test("a base URL that is not a URL is refused in words", () => {
    expect(() => sandboxHandlers({ baseUrl: "sandbox" })).toThrow(
      'sandboxHandlers: baseUrl must be a URL such as https://sandbox.sigmamind.invalid, got "sandbox"',
    );
  });
});
