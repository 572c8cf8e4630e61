// The behaviour suite against the HTTP sandbox: a real server on 127.0.0.1, with Prism checking every answer.
import { specPath } from "@sigmamind/spec";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { type RunningSandbox, type SandboxOptions, startSandbox } from "../../src/sandbox/sandbox-server.js";
import { describeSandboxBehaviour } from "./behaviour.js";
import { validateAgainst } from "./spec-validators.js";

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

test("stop() ends a delayed answer's wait too, so the process can exit", async () => {
  const own = await startSandbox({ specPath });
  const pending = fetch(`${own.url}/v1/calls`, { headers: { "x-api-key": "k", "x-sandbox-fault": "delay=600000" } });
  pending.catch(() => {});
  await new Promise((resolve) => setTimeout(resolve, 100));
  const before = process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;
  await own.stop();
  await pending.catch(() => {});
  await new Promise((resolve) => setImmediate(resolve));
  const after = process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;
  expect(after).toBeLessThan(before);
});

// Over HTTP only: MSW's own URL matching throws on such a path before any handler runs.
test("a path with a malformed percent-encoding is the API's 400, and Prism keeps answering", async () => {
  for (const path of ["/v1/calls/%ZZ", "/v1/calls/%E0%A4%A"]) {
    const answer = await fetch(`${shared.url}${path}`, { headers: { "x-api-key": "k" } });
    expect(answer.status, path).toBe(400);
    expect(validateAgainst("ErrorResponse", await answer.json()).valid).toBe(true);
  }
  expect((await fetch(`${shared.url}/v1/calls`, { headers: { "x-api-key": "k" } })).status).toBe(200);
  expect(shared.violations).toEqual([]);
});

test("a page on another origin may send Prefer and X-Sandbox-Fault, and read Retry-After", async () => {
  const origin = "http://127.0.0.1:9";
  const names = (headers: Headers, name: string) =>
    (headers.get(name) ?? "").split(",").map((one) => one.trim().toLowerCase());
  const exposed = (headers: Headers) => names(headers, "access-control-expose-headers");
  const preflight = await fetch(`${shared.url}/v1/calls`, {
    method: "OPTIONS",
    headers: {
      origin,
      "access-control-request-method": "GET",
      "access-control-request-headers": "x-api-key,prefer,x-sandbox-fault",
    },
  });
  expect(preflight.status).toBe(204);
  expect(preflight.headers.get("access-control-allow-origin")).toMatch(/^(\*|http:\/\/127\.0\.0\.1:9)$/);
  expect(names(preflight.headers, "access-control-allow-headers")).toEqual(
    expect.arrayContaining(["prefer", "x-sandbox-fault"]),
  );
  // Named, not only `*`: a `*` exposes nothing to a request sent with credentials, which Prism allows.
  expect(exposed(preflight.headers)).toContain("retry-after");

  const limited = await fetch(`${shared.url}/v1/calls`, {
    headers: { origin, "x-api-key": "k", prefer: "code=429" },
  });
  expect(limited.status).toBe(429);
  expect(exposed(limited.headers)).toContain("retry-after");
  // An answer the front writes itself, without Prism: a body that is not JSON.
  const unread = await fetch(`${shared.url}/v1/calls`, {
    method: "POST",
    headers: { origin, "x-api-key": "k", "content-type": "application/json", "x-sandbox-fault": "rate-limit" },
    body: "{",
  });
  expect(unread.status).toBe(429);
  expect(exposed(unread.headers)).toContain("retry-after");
});

test("a Prefer value Prism's static mock cannot read reaches the store, which answers it as the API would", async () => {
  for (const prefer of ["code=abc", "code", "dynamic=maybe, code=404"]) {
    const answer = await fetch(`${shared.url}/v1/calls`, { headers: { "x-api-key": "k", prefer } });
    expect(answer.status, prefer).toBe(422);
    expect(answer.headers.get("content-type"), prefer).toBe("application/json");
    expect(validateAgainst("ErrorResponse", await answer.json()).valid).toBe(true);
  }
  const ignored = await fetch(`${shared.url}/v1/calls`, { headers: { "x-api-key": "k", prefer: "dynamic=maybe" } });
  expect(ignored.status).toBe(200);
  expect(shared.violations).toEqual([]);
});
