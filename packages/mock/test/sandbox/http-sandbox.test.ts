// The behaviour suite against the HTTP sandbox: a real server on 127.0.0.1, with Prism checking every answer.
import { specPath } from "@sigmamind/spec";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { type RunningSandbox, type SandboxOptions, startSandbox } from "../../src/sandbox/sandbox-server.js";
import { describeSandboxBehaviour } from "./behaviour.js";

let shared: RunningSandbox;
const ownSandboxes: RunningSandbox[] = [];
beforeAll(async () => {
  shared = await startSandbox({ specPath });
});
afterEach(async () => {
  await Promise.all(ownSandboxes.splice(0).map((sandbox) => sandbox.stop()));
});
afterAll(async () => {
  await shared?.stop();
  // Prism found nothing wrong with any answer the suite was given.
  expect(shared?.violations).toEqual([]);
});

describeSandboxBehaviour({
  name: "HTTP, behind Prism",
  shared: () => shared,
  start: async (options) => {
    const sandbox = await startSandbox({ ...options, specPath } satisfies SandboxOptions);
    ownSandboxes.push(sandbox);
    return sandbox;
  },
});

test("listens on 127.0.0.1 on a port the system chose", () => {
  expect(shared.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
});

test("the control routes answer a page on another origin, as Prism answers the API's routes", async () => {
  const origin = { origin: "http://127.0.0.1:9" };
  const preflight = await fetch(`${shared.url}/__sandbox/advance?ms=1`, {
    method: "OPTIONS",
    headers: { ...origin, "access-control-request-method": "POST" },
  });
  expect(preflight.status).toBe(204);
  expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
  expect(preflight.headers.get("access-control-allow-methods")).toContain("POST");
  const advanced = await fetch(`${shared.url}/__sandbox/reset`, { method: "POST", headers: origin });
  expect(advanced.headers.get("access-control-allow-origin")).toBe("*");
  const listed = await fetch(`${shared.url}/v1/calls`, { headers: { ...origin, "x-api-key": "k" } });
  expect(listed.headers.get("access-control-allow-origin")).toBeTruthy();
});
