// The behaviour suite against the MSW handlers, in-process: the platform's fetch, intercepted, no network.
import { setupServer } from "msw/node";
import { afterAll, beforeAll } from "vitest";
import { type SandboxHandlers, sandboxHandlers } from "../../src/msw.js";
import { describeSandboxBehaviour } from "./behaviour.js";

// A host under .invalid, which never resolves: were interception to fail, nothing would leave the machine.
const shared = sandboxHandlers({ baseUrl: "http://shared.sandbox.invalid" });
const server = setupServer(...shared.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

let started = 0;
describeSandboxBehaviour({
  name: "MSW handlers",
  shared: () => ({ ...shared, url: "http://shared.sandbox.invalid" }),
  start: async (options) => {
    const url = `http://own-${++started}.sandbox.invalid`;
    const own: SandboxHandlers = sandboxHandlers({ ...options, baseUrl: url });
    server.use(...own.handlers);
    return { ...own, url };
  },
});
