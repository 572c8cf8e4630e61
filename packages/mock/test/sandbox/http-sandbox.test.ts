// The behaviour suite against the node:http adapter, a real server on 127.0.0.1, and what only a socket can
// send: raw request targets, a foreign Host, pages on other origins, bodies that never end.
import { request as httpRequest } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/start-sandbox.js";
import { rawRequest } from "../raw-request.js";
import { describeSandboxBehaviour } from "./behaviour.js";
import { validateAgainst } from "./spec-validators.js";

let shared: RunningSandbox;
const ownSandboxes: RunningSandbox[] = [];
beforeAll(async () => {
  shared = await startSandbox();
});
afterEach(async () => {
  await Promise.all(ownSandboxes.splice(0).map((sandbox) => sandbox.stop()));
});
afterAll(async () => {
  await shared?.stop();
  expect(shared?.violations).toEqual([]);
});

const overHttp = (sandbox: RunningSandbox) => ({ ...sandbox, fetch: globalThis.fetch, violations: sandbox.violations });

describeSandboxBehaviour({
  name: "node:http",
  shared: () => overHttp(shared),
  start: async (options) => {
    const sandbox = await startSandbox(options);
    ownSandboxes.push(sandbox);
    return overHttp(sandbox);
  },
});

describe("requests only a socket sends", () => {
  test.each(["//", "//@", "//%zz/", "//v1/calls", "/v1/calls/%ZZ", "/v1/calls/%E0%A4%A", "*"])(
    "%s as the request target: an answer, never a stopped process",
    async (target) => {
      const answer = await rawRequest(shared.url, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: k`);
      expect([400, 404]).toContain(answer.status);
      expect(validateAgainst("ErrorResponse", JSON.parse(answer.body)).valid).toBe(true);
    },
  );

  test("a malformed percent-encoding in a call id is the API's 400", async () => {
    const answer = await fetch(`${shared.url}/v1/calls/%ZZ`, { headers: { "x-api-key": "k" } });
    expect(answer.status).toBe(400);
    expect(validateAgainst("ErrorResponse", await answer.json()).valid).toBe(true);
  });

  test("a Host that is not a loopback name is refused (DNS rebinding), on the API's routes and the control routes", async () => {
    for (const target of ["/v1/calls", "/__sandbox/reset"]) {
      const method = target.startsWith("/__") ? "POST" : "GET";
      const answer = await rawRequest(
        shared.url,
        `${method} ${target} HTTP/1.1\r\nHost: attacker.example\r\nX-API-Key: k`,
      );
      expect(answer.status, target).toBe(403);
    }
    for (const host of ["localhost", "127.0.0.1", "[::1]", "sandbox.localhost"]) {
      const answer = await rawRequest(shared.url, `GET /v1/calls HTTP/1.1\r\nHost: ${host}:4010\r\nX-API-Key: k`);
      expect(answer.status, host).toBe(200);
    }
  });

  test("a Host with a path, query, fragment or userinfo in it is a 400, not a way to another route", async () => {
    const count = async () =>
      (await (await fetch(`${shared.url}/v1/calls`, { headers: { "x-api-key": "host-trick" } })).json()).totalCounts;
    const before = await count();
    for (const host of ["127.0.0.1/__sandbox/reset?", "127.0.0.1/__sandbox/clock?", "127.0.0.1#", "k@127.0.0.1"]) {
      const head = `POST /v1/calls HTTP/1.1\r\nHost: ${host}\r\nX-API-Key: host-trick\r\nContent-Length: 0`;
      expect((await rawRequest(shared.url, head)).status, host).toBe(400);
    }
    expect(await count()).toBe(before);
  });

  test("a host named in allowedHosts is answered", async () => {
    const sandbox = await startSandbox({ allowedHosts: ["sandbox.test"] });
    ownSandboxes.push(sandbox);
    const answer = await rawRequest(sandbox.url, "GET /v1/calls HTTP/1.1\r\nHost: sandbox.test\r\nX-API-Key: k");
    expect(answer.status).toBe(200);
  });

  test("a body that says it is over the limit is refused before it is read; one that grows past it, as it passes", async () => {
    const declared = await rawRequest(
      shared.url,
      "POST /v1/calls HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: k\r\nContent-Type: application/json\r\nContent-Length: 900000000",
    );
    expect(declared.status).toBe(413);
    const streamed = await new Promise<number>((resolve, reject) => {
      const url = new URL(`${shared.url}/v1/calls`);
      const sending = httpRequest(url, {
        method: "POST",
        headers: { "x-api-key": "k", "transfer-encoding": "chunked" },
      });
      sending.on("response", (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      sending.on("error", reject);
      // Two megabytes in chunks, never ended: the sandbox answers once the limit is passed.
      const chunk = "x".repeat(64 * 1024);
      for (let index = 0; index < 32; index++) sending.write(chunk);
    });
    expect(streamed).toBe(413);
    expect((await fetch(`${shared.url}/v1/calls`, { headers: { "x-api-key": "k" } })).status).toBe(200);
  });
});

describe("pages on other origins", () => {
  const evil = "https://evil.example";

  test("may use the API's routes, as the docs site's try it does, and read Retry-After", async () => {
    const preflight = await fetch(`${shared.url}/v1/calls`, {
      method: "OPTIONS",
      headers: {
        origin: evil,
        "access-control-request-method": "GET",
        "access-control-request-headers": "x-api-key,prefer,x-sandbox-fault",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-headers")).toMatch(/prefer.*x-sandbox-fault/);
    const limited = await fetch(`${shared.url}/v1/calls`, {
      headers: { origin: evil, "x-api-key": "k", prefer: "code=429" },
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("access-control-expose-headers")).toMatch(/Retry-After/);
  });

  test("may not drive the control routes: the preflight is refused, and so is a request that skips it", async () => {
    const preflight = await fetch(`${shared.url}/__sandbox/reset`, {
      method: "OPTIONS",
      headers: { origin: evil, "access-control-request-method": "POST", "access-control-request-headers": "x-api-key" },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    const reset = await fetch(`${shared.url}/__sandbox/reset`, {
      method: "POST",
      headers: { origin: evil, "x-api-key": "k" },
    });
    expect(reset.status).toBe(403);
    // A form post, which needs no preflight, carries no key.
    const form = await fetch(`${shared.url}/__sandbox/reset`, {
      method: "POST",
      headers: { origin: evil, "content-type": "application/x-www-form-urlencoded" },
    });
    expect([401, 403]).toContain(form.status);
  });

  test("an origin in allowedOrigins may drive them", async () => {
    const sandbox = await startSandbox({ allowedOrigins: ["http://127.0.0.1:4000"] });
    ownSandboxes.push(sandbox);
    const origin = "http://127.0.0.1:4000";
    const preflight = await fetch(`${sandbox.url}/__sandbox/advance?ms=1`, {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "x-api-key" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(origin);
    const advanced = await fetch(`${sandbox.url}/__sandbox/advance?ms=1000`, {
      method: "POST",
      headers: { origin, "x-api-key": "k" },
    });
    expect(advanced.status).toBe(200);
  });
});

test("listens on 127.0.0.1 on a port the system chose, and starts in well under a second", async () => {
  const started = performance.now();
  const sandbox = await startSandbox();
  ownSandboxes.push(sandbox);
  expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  // Not a speed budget (pnpm bench holds that): a sandbox that starts a process again would take seconds.
  expect(performance.now() - started).toBeLessThan(1000);
});

test("its in-process fetch answers from the same worlds as the socket", async () => {
  const created = await shared.fetch(`${shared.url}/v1/calls`, {
    method: "POST",
    headers: { "x-api-key": "both-ways", "content-type": "application/json" },
    body: JSON.stringify({ fromPhoneNumber: "+14155552671", toPhoneNumber: "+14155550123", agentId: "a" }),
  });
  const { callId } = await created.json();
  expect((await fetch(`${shared.url}/v1/calls/${callId}`, { headers: { "x-api-key": "both-ways" } })).status).toBe(200);
});

test("stop() ends a delayed answer's wait too, so the process can exit", async () => {
  const own = await startSandbox();
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

test("a port in use is refused in words", async () => {
  const port = Number(new URL(shared.url).port);
  await expect(startSandbox({ port })).rejects.toThrow(new RegExp(`^startSandbox: port ${port} .*in use`));
});
