// The sandbox over HTTP, as a consumer's tests meet it: real pages, create then get, delete then 404, a clock
// moved through the control routes, and the API's error bodies.
import { afterEach, describe, expect, test } from "vitest";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/sandbox-server.js";
import { validateAgainst } from "./spec-validators.js";

const KEY = { "x-api-key": "sandbox-key" };
const createBody = { fromPhoneNumber: "+14155552671", toPhoneNumber: "+14155550123", agentId: "agent-1" };

const sandboxes: RunningSandbox[] = [];
afterEach(async () => {
  await Promise.all(sandboxes.splice(0).map((sandbox) => sandbox.stop()));
});
async function sandbox(options: Parameters<typeof startSandbox>[0] = {}) {
  const started = await startSandbox(options);
  sandboxes.push(started);
  return started;
}
async function call(base: string, path: string, init: RequestInit = {}) {
  const response = await fetch(`${base}${path}`, { ...init, headers: { ...KEY, ...init.headers } });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

describe("the HTTP sandbox", () => {
  test("listens on 127.0.0.1 on a port of its own, and pages through every call exactly once", async () => {
    const { url } = await sandbox({ calls: 23 });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const seen: string[] = [];
    for (let page = 0; ; page++) {
      const { status, body } = await call(url, `/v1/calls?page=${page}&size=5`);
      expect(status).toBe(200);
      expect(validateAgainst("CallListResponse", body).valid).toBe(true);
      seen.push(...body.data.map((item: { callId: string }) => item.callId));
      if (!body.hasNext) break;
    }
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
  });

  test("create, get, advance the clock through the control route, delete, then 404", async () => {
    const { url } = await sandbox();
    const created = await call(url, "/v1/calls", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(createBody),
    });
    expect(created.status).toBe(200);
    expect(created.body.status).toBe("scheduled");
    const path = `/v1/calls/${created.body.callId}`;
    expect((await call(url, path)).body).toEqual(created.body);

    const advanced = await call(url, "/__sandbox/advance?ms=3600000", { method: "POST" });
    expect(advanced.status).toBe(200);
    expect(["ended", "not-connected"]).toContain((await call(url, path)).body.status);

    expect((await call(url, path, { method: "DELETE" })).status).toBe(200);
    const gone = await call(url, path);
    expect(gone.status).toBe(404);
    expect(validateAgainst("ErrorResponse", gone.body).valid).toBe(true);
  });

  test("reset, in-process or through the control route, returns to the seeded calls", async () => {
    const running = await sandbox({ calls: 3 });
    await call(running.url, "/v1/calls", { method: "POST", body: JSON.stringify(createBody) });
    expect((await call(running.url, "/v1/calls")).body.totalCounts).toBe(4);
    running.reset();
    expect((await call(running.url, "/v1/calls")).body.totalCounts).toBe(3);
    await call(running.url, "/v1/calls", { method: "POST", body: JSON.stringify(createBody) });
    await call(running.url, "/__sandbox/reset", { method: "POST" });
    expect((await call(running.url, "/v1/calls")).body.totalCounts).toBe(3);
  });

  test.each([
    ["no key", "/v1/calls", { headers: { "x-api-key": "" } }, 401],
    ["a page that is not a number", "/v1/calls?page=abc", {}, 400],
    ["a body that is not JSON", "/v1/calls", { method: "POST", body: "{" }, 400],
    [
      "a bad phone number",
      "/v1/calls",
      { method: "POST", body: JSON.stringify({ ...createBody, toPhoneNumber: "1" }) },
      400,
    ],
    ["an unknown route", "/v2/calls", {}, 404],
  ])("%s: the API's error body", async (_name, path, init, status) => {
    const { url } = await sandbox();
    const answer = await call(url, path, init as RequestInit);
    expect(answer.status).toBe(status);
    expect(validateAgainst("ErrorResponse", answer.body).valid).toBe(true);
  });
});

describe("faults on request", () => {
  test("X-Sandbox-Fault: rate-limit is a 429 with Retry-After, and the next request is answered", async () => {
    const { url } = await sandbox();
    const limited = await fetch(`${url}/v1/calls`, {
      headers: { ...KEY, "x-sandbox-fault": "rate-limit;retry-after=3" },
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("3");
    expect(validateAgainst("ErrorResponse", await limited.json()).valid).toBe(true);
    expect((await call(url, "/v1/calls")).status).toBe(200);
  });

  test("a 5xx then success, queued with the faults option", async () => {
    const { url } = await sandbox({ faults: [{ kind: "server-error" }] });
    const failed = await call(url, "/v1/calls");
    expect(failed.status).toBe(500);
    expect(validateAgainst("ErrorResponse", failed.body).valid).toBe(true);
    expect((await call(url, "/v1/calls")).status).toBe(200);
  });

  test("a connection reset after the request was read, queued with failNext", async () => {
    const running = await sandbox();
    running.failNext({ kind: "reset" });
    await expect(fetch(`${running.url}/v1/calls`, { headers: KEY })).rejects.toThrow(TypeError);
    expect((await call(running.url, "/v1/calls")).status).toBe(200);
  });

  test("a slow answer: a caller's timeout shorter than the delay runs out", async () => {
    const { url } = await sandbox();
    const slow = fetch(`${url}/v1/calls`, {
      headers: { ...KEY, "x-sandbox-fault": "delay=3000" },
      signal: AbortSignal.timeout(200),
    });
    await expect(slow).rejects.toMatchObject({ name: "TimeoutError" });
  });

  test("a fault the sandbox does not know is the API's 400, naming the ones it does", async () => {
    const { url } = await sandbox();
    const answer = await call(url, "/v1/calls", { headers: { "x-sandbox-fault": "explode" } });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(/rate-limit.*server-error.*delay=MS.*reset/);
  });
});
