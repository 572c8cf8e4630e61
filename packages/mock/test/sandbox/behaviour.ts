// What a consumer's tests can count on from the sandbox, whichever way it is reached: the HTTP sandbox (behind
// Prism) and the MSW handlers each run this same suite, through the platform's fetch.
import { beforeEach, describe, expect, test } from "vitest";
import { DOCUMENTED_CALL_ID } from "../../src/sandbox/call-store.js";
import type { Fault } from "../../src/sandbox/faults.js";
import { DOCUMENTED_STATUSES } from "../../src/sandbox/prefer.js";
import type { SandboxStateOptions } from "../../src/sandbox/sandbox.js";
import { validateAgainst } from "./spec-validators.js";

/** A sandbox as the suite drives it. */
export interface SandboxUnderTest {
  url: string;
  advance(milliseconds: number): void;
  reset(): void;
  failNext(fault: Fault): void;
}

export interface Transport {
  name: string;
  /** The sandbox every test shares, reset before each one. */
  shared(): SandboxUnderTest;
  /** A sandbox of its own, for the tests that need other options; stopped after the test. */
  start(options: SandboxStateOptions): Promise<SandboxUnderTest>;
}

const KEY = { "x-api-key": "sandbox-key" };
const createBody = { fromPhoneNumber: "+14155552671", toPhoneNumber: "+14155550123", agentId: "agent-1" };

async function call(base: string, path: string, init: RequestInit = {}) {
  const response = await fetch(`${base}${path}`, { ...init, headers: { ...KEY, ...init.headers } });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}
function create(base: string, body: unknown = createBody) {
  return call(base, "/v1/calls", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}
function expectValid(schema: string, body: unknown) {
  const { valid, errors } = validateAgainst(schema, body);
  expect(valid, errors).toBe(true);
}

export function describeSandboxBehaviour(transport: Transport) {
  let sandbox: SandboxUnderTest;
  beforeEach(() => {
    sandbox = transport.shared();
    sandbox.reset();
  });

  describe(`the sandbox through ${transport.name}: listing`, () => {
    test("pages through every call exactly once, newest first, with the totals the API documents", async () => {
      const seen: string[] = [];
      let pages = 0;
      for (let page = 0; ; page++) {
        const { status, body } = await call(sandbox.url, `/v1/calls?page=${page}&size=10`);
        expect(status).toBe(200);
        expectValid("CallListResponse", body);
        expect(body).toMatchObject({ page, size: 10, totalCounts: 57, totalPages: 6, hasPrevious: page > 0 });
        seen.push(...body.data.map((item: { callId: string }) => item.callId));
        pages++;
        if (!body.hasNext) break;
      }
      expect(pages).toBe(6);
      expect(new Set(seen).size).toBe(57);
    });

    test("a page past the end is empty, with no next page", async () => {
      const { body } = await call(sandbox.url, "/v1/calls?page=40&size=10");
      expect(body).toMatchObject({ data: [], page: 40, hasNext: false, hasPrevious: true, totalCounts: 57 });
    });

    test("status filters, with totals over the matching calls only", async () => {
      const { body } = await call(sandbox.url, "/v1/calls?status=ended&size=3");
      expect(body.data.length).toBeGreaterThan(0);
      expect(body.data.every((item: { status: string }) => item.status === "ended")).toBe(true);
      expect(body.totalCounts).toBeLessThan(57);
      expect(body.totalPages).toBe(Math.ceil(body.totalCounts / 3));
    });
  });

  describe(`the sandbox through ${transport.name}: create, get, delete, the clock`, () => {
    test("create stores the call from the body; get returns it; the list holds it first", async () => {
      const created = await create(sandbox.url, { ...createBody, dynamicVariables: { name: "Ada" } });
      expect(created.status).toBe(200);
      expectValid("Call", created.body);
      expect(created.body).toMatchObject({ status: "scheduled", dynamicVariables: { name: "Ada" } });
      const fetched = await call(sandbox.url, `/v1/calls/${created.body.callId}`);
      expect(fetched.body).toEqual(created.body);
      const first = await call(sandbox.url, "/v1/calls?size=1");
      expect(first.body.data[0].callId).toBe(created.body.callId);
      expect(first.body.totalCounts).toBe(58);
    });

    test("advance moves a created call on to its end; delete removes it, and get is then 404", async () => {
      const created = await create(sandbox.url);
      const path = `/v1/calls/${created.body.callId}`;
      sandbox.advance(3_600_000);
      const ended = await call(sandbox.url, path);
      expect(["ended", "not-connected"]).toContain(ended.body.status);
      expect(ended.body.endTime).not.toBeNull();
      expectValid("Call", ended.body);

      expect((await call(sandbox.url, path, { method: "DELETE" })).status).toBe(200);
      const gone = await call(sandbox.url, path);
      expect(gone.status).toBe(404);
      expectValid("ErrorResponse", gone.body);
      expect((await call(sandbox.url, "/v1/calls?size=100")).body.totalCounts).toBe(57);
    });

    test("the control routes move the clock and start over, for tests in another process", async () => {
      const created = await create(sandbox.url);
      const advanced = await call(sandbox.url, "/__sandbox/advance?ms=3600000", { method: "POST" });
      expect(advanced.status).toBe(200);
      expect(advanced.body.now).toBe("2026-01-01T01:00:00.000Z");
      const after = await call(sandbox.url, `/v1/calls/${created.body.callId}`);
      expect(["ended", "not-connected"]).toContain(after.body.status);
      expect((await call(sandbox.url, "/__sandbox/advance?ms=-1", { method: "POST" })).status).toBe(400);

      expect((await call(sandbox.url, "/__sandbox/reset", { method: "POST" })).status).toBe(200);
      expect((await call(sandbox.url, `/v1/calls/${created.body.callId}`)).status).toBe(404);
      expect((await call(sandbox.url, "/v1/calls")).body.totalCounts).toBe(57);
    });

    test("a clock moved past what a date can hold is refused, and the sandbox keeps answering", async () => {
      for (const ms of ["1e300", "", "0x10", "-1", "abc"]) {
        const refused = await call(sandbox.url, `/__sandbox/advance?ms=${ms}`, { method: "POST" });
        expect(refused.status, ms).toBe(400);
      }
      expect(() => sandbox.advance(1e300)).toThrow(TypeError);
      expect((await call(sandbox.url, "/v1/calls/call-none")).status).toBe(404);
      expect((await call(sandbox.url, "/v1/calls")).status).toBe(200);
    });

    test("reset, in-process, returns to the seeded calls", async () => {
      await create(sandbox.url);
      sandbox.reset();
      expect((await call(sandbox.url, "/v1/calls")).body.totalCounts).toBe(57);
    });

    test("the newest seeded call has the spec's example id on any seed, and reset brings it back after a delete", async () => {
      const path = `/v1/calls/${DOCUMENTED_CALL_ID}`;
      const found = await call(sandbox.url, path);
      expect(found.status).toBe(200);
      expect(found.body).toEqual((await call(sandbox.url, "/v1/calls?size=1")).body.data[0]);
      const other = await transport.start({ seed: 9, calls: 1 });
      expect((await call(other.url, path)).body.callId).toBe(DOCUMENTED_CALL_ID);

      expect((await call(sandbox.url, path, { method: "DELETE" })).status).toBe(200);
      expect((await call(sandbox.url, path)).status).toBe(404);
      sandbox.reset();
      expect((await call(sandbox.url, path)).status).toBe(200);
    });

    test("another seed gives other calls, and calls sets how many", async () => {
      const other = await transport.start({ seed: 2, calls: 3 });
      const { body } = await call(other.url, "/v1/calls");
      expect(body.totalCounts).toBe(3);
      const first = await call(sandbox.url, "/v1/calls?size=3");
      expect(body.data.map((item: { callId: string }) => item.callId)).not.toEqual(
        first.body.data.map((item: { callId: string }) => item.callId),
      );
    });
  });

  describe(`the sandbox through ${transport.name}: the API's errors`, () => {
    test.each([
      ["no key", "/v1/calls", { headers: { "x-api-key": "" } }, 401],
      ["a page that is not a number", "/v1/calls?page=abc", {}, 400],
      ["a size of 0", "/v1/calls?size=0", {}, 400],
      ["a body that is not JSON", "/v1/calls", { method: "POST", body: "{" }, 400],
      [
        "a bad phone number",
        "/v1/calls",
        { method: "POST", body: JSON.stringify({ ...createBody, toPhoneNumber: "1" }) },
        400,
      ],
      ["an unknown call", "/v1/calls/call-nothing", {}, 404],
    ])("%s: the API's error body", async (_name, path, init, status) => {
      const answer = await call(sandbox.url, path, init as RequestInit);
      expect(answer.status).toBe(status);
      expectValid("ErrorResponse", answer.body);
      expect(answer.body.status).toBe(status);
    });

    test("a body that is not JSON, sent as JSON, is the API's 400, and nothing is stored", async () => {
      for (const body of ["{", "null"]) {
        const refused = await call(sandbox.url, "/v1/calls", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body,
        });
        expect(refused.status, body).toBe(400);
        expectValid("ErrorResponse", refused.body);
      }
      expect((await call(sandbox.url, "/v1/calls")).body.totalCounts).toBe(57);
    });

    test("create counts an agentId's length in characters, as the spec does, and ignores fields it does not know", async () => {
      const created = await create(sandbox.url, { ...createBody, agentId: "😀".repeat(40), note: "not a field" });
      expect(created.status).toBe(200);
      expect(created.body.agent.agentId).toBe("😀".repeat(40));
      expect(created.body).not.toHaveProperty("note");
      expect((await create(sandbox.url, { ...createBody, agentId: "😀".repeat(65) })).status).toBe(400);
    });

    test("a refused create stores nothing", async () => {
      const refused = await create(sandbox.url, { ...createBody, agentId: "" });
      expect(refused.status).toBe(400);
      expect((await call(sandbox.url, "/v1/calls")).body.totalCounts).toBe(57);
    });
  });

  describe(`the sandbox through ${transport.name}: Prefer: code=N, as the static mock reads it`, () => {
    const ended = `/v1/calls/${DOCUMENTED_CALL_ID}`;
    const prefer = (code: string) => ({ headers: { prefer: code } });

    test("list with code=429 is what the rate-limit fault gives, Retry-After included", async () => {
      const asked = await call(sandbox.url, "/v1/calls", prefer("code=429"));
      const faulted = await call(sandbox.url, "/v1/calls", { headers: { "x-sandbox-fault": "rate-limit" } });
      expect(asked.status).toBe(429);
      expect(asked.headers.get("retry-after")).toBe("1");
      expect(asked.body).toEqual(faulted.body);
      expectValid("ErrorResponse", asked.body);
    });

    test("code=500 is what the server-error fault gives", async () => {
      const asked = await call(sandbox.url, ended, prefer("code=500"));
      const faulted = await call(sandbox.url, ended, { headers: { "x-sandbox-fault": "server-error" } });
      expect(asked.status).toBe(500);
      expect(asked.body).toEqual(faulted.body);
    });

    test("get with code=404 is the API's 404 body, saying it was asked for, and the call is still there", async () => {
      const asked = await call(sandbox.url, ended, prefer("code=404"));
      expect(asked.status).toBe(404);
      expectValid("ErrorResponse", asked.body);
      expect(asked.body).toMatchObject({ status: 404, error: "Not Found", path: ended });
      expect(asked.body.message).toContain("Prefer: code=404");
      expect((await call(sandbox.url, ended)).status).toBe(200);
    });

    test("create with code=422 is a 422 and creates nothing; delete with code=404 deletes nothing", async () => {
      const refused = await call(sandbox.url, "/v1/calls", {
        method: "POST",
        headers: { "content-type": "application/json", prefer: "code=422" },
        body: JSON.stringify(createBody),
      });
      expect(refused.status).toBe(422);
      expectValid("ErrorResponse", refused.body);
      expect(refused.body.message).toContain("Prefer: code=422");
      expect((await call(sandbox.url, "/v1/calls")).body.totalCounts).toBe(57);
      expect((await call(sandbox.url, ended, { method: "DELETE", ...prefer("code=404") })).status).toBe(404);
      expect((await call(sandbox.url, ended)).status).toBe(200);
    });

    test("every error status an operation documents can be asked for, with the API's error body", async () => {
      const requests = {
        listCalls: ["/v1/calls", {}],
        createCall: ["/v1/calls", { method: "POST", body: JSON.stringify(createBody) }],
        getCall: [ended, {}],
        deleteCall: [ended, { method: "DELETE" }],
      } as const;
      for (const [operation, statuses] of Object.entries(DOCUMENTED_STATUSES)) {
        const [path, init] = requests[operation as keyof typeof requests];
        for (const status of statuses.filter((code) => code >= 400)) {
          const headers = { "content-type": "application/json", prefer: `code=${status}` };
          const answer = await call(sandbox.url, path, { ...init, headers });
          expect(answer.status, `${operation} ${status}`).toBe(status);
          expectValid("ErrorResponse", answer.body);
          expect(answer.body.status).toBe(status);
        }
      }
      expect((await call(sandbox.url, "/v1/calls")).body.totalCounts).toBe(57);
      expect((await call(sandbox.url, ended)).status).toBe(200);
    });

    test("list with code=404, which list does not document, is a 422 naming the codes it does", async () => {
      const answer = await call(sandbox.url, "/v1/calls", prefer("code=404"));
      expect(answer.status).toBe(422);
      expectValid("ErrorResponse", answer.body);
      expect(answer.body.message).toContain("code=404");
      expect(answer.body.message).toContain("200, 400, 401, 422, 429, 500");
    });

    test.each([
      ["a teapot on get", ended, "code=418", "200, 401, 404, 422, 429, 500"],
      ["a code that is not a number", "/v1/calls", "code=abc", "200, 400, 401, 422, 429, 500"],
      ["a code of four digits", ended, "code=4040", "200, 401, 404, 422, 429, 500"],
      ["a code without a value", "/v1/calls", "code", "200, 400, 401, 422, 429, 500"],
    ])("%s is a 422 naming what to ask for", async (_name, path, header, documented) => {
      const answer = await call(sandbox.url, path, prefer(header));
      expect(answer.status).toBe(422);
      expectValid("ErrorResponse", answer.body);
      expect(answer.body.message).toContain(documented);
    });

    test("code=200 is the normal page; code is read case-insensitively, among other preferences", async () => {
      const normal = await call(sandbox.url, "/v1/calls?size=2", prefer("code=200"));
      expect(normal.status).toBe(200);
      expect(normal.body).toEqual((await call(sandbox.url, "/v1/calls?size=2")).body);
      expect((await call(sandbox.url, "/v1/calls", prefer("example=notFound, CODE=500"))).status).toBe(500);
      expect((await call(sandbox.url, "/v1/calls", prefer(" Code = 429 ; x=y, example=a"))).status).toBe(429);
      for (const others of ["example=notFound", "dynamic=maybe", "respond-async, wait=5", "dynamic"]) {
        expect((await call(sandbox.url, "/v1/calls", prefer(others))).status, others).toBe(200);
      }
    });

    test("X-Sandbox-Fault wins when both are present", async () => {
      const faulted = await call(sandbox.url, ended, {
        headers: { prefer: "code=404", "x-sandbox-fault": "rate-limit;retry-after=3" },
      });
      expect(faulted.status).toBe(429);
      expect(faulted.headers.get("retry-after")).toBe("3");
      const failed = await call(sandbox.url, "/v1/calls", {
        headers: { prefer: "code=429", "x-sandbox-fault": "server-error" },
      });
      expect(failed.status).toBe(500);
      sandbox.failNext({ kind: "server-error" });
      expect((await call(sandbox.url, "/v1/calls", prefer("code=200"))).status).toBe(500);
    });

    test("the control routes ignore Prefer", async () => {
      const reset = await call(sandbox.url, "/__sandbox/reset", { method: "POST", ...prefer("code=500") });
      expect(reset.status).toBe(200);
      expect(reset.body.now).toBe("2026-01-01T00:00:00.000Z");
    });
  });

  describe(`the sandbox through ${transport.name}: faults on request`, () => {
    test("X-Sandbox-Fault: rate-limit is a 429 with Retry-After, and the next request is answered", async () => {
      const limited = await call(sandbox.url, "/v1/calls", {
        headers: { "x-sandbox-fault": "rate-limit;retry-after=3" },
      });
      expect(limited.status).toBe(429);
      expect(limited.headers.get("retry-after")).toBe("3");
      expectValid("ErrorResponse", limited.body);
      expect((await call(sandbox.url, "/v1/calls")).status).toBe(200);
    });

    test("a 5xx then success, queued with the faults option, and queued again by reset", async () => {
      const failing = await transport.start({ faults: [{ kind: "server-error" }] });
      const failed = await call(failing.url, "/v1/calls");
      expect(failed.status).toBe(500);
      expectValid("ErrorResponse", failed.body);
      expect((await call(failing.url, "/v1/calls")).status).toBe(200);
      failing.reset();
      expect((await call(failing.url, "/v1/calls")).status).toBe(500);
      expect((await call(failing.url, "/v1/calls")).status).toBe(200);
    });

    test("a queued rate limit, then success", async () => {
      sandbox.failNext({ kind: "rate-limit", retryAfterSeconds: 2 });
      const limited = await call(sandbox.url, "/v1/calls");
      expect(limited.status).toBe(429);
      expect(limited.headers.get("retry-after")).toBe("2");
      expect((await call(sandbox.url, "/v1/calls")).status).toBe(200);
    });

    test("a connection reset, queued with failNext; a create that met it stored nothing", async () => {
      sandbox.failNext({ kind: "reset" });
      await expect(create(sandbox.url)).rejects.toThrow(TypeError);
      expect((await call(sandbox.url, "/v1/calls")).body.totalCounts).toBe(57);
    });

    test("a queued fault waits for an API request: a CORS preflight does not use it up", async () => {
      sandbox.failNext({ kind: "server-error" });
      await fetch(`${sandbox.url}/v1/calls`, {
        method: "OPTIONS",
        headers: { origin: "http://127.0.0.1:9", "access-control-request-method": "GET" },
      });
      expect((await call(sandbox.url, "/v1/calls")).status).toBe(500);
    });

    test("a delay or a Retry-After past what a timer or a header can hold is refused", async () => {
      for (const fault of ["delay=3000000000", "rate-limit;retry-after=99999999999999999999999"]) {
        expect((await call(sandbox.url, "/v1/calls", { headers: { "x-sandbox-fault": fault } })).status, fault).toBe(
          422,
        );
      }
    });

    test("a slow answer: a caller's timeout shorter than the delay runs out", async () => {
      const slow = fetch(`${sandbox.url}/v1/calls`, {
        headers: { ...KEY, "x-sandbox-fault": "delay=3000" },
        signal: AbortSignal.timeout(200),
      });
      await expect(slow).rejects.toMatchObject({ name: "TimeoutError" });
    });

    test("a fault the sandbox does not know is a 422 naming the ones it does", async () => {
      const answer = await call(sandbox.url, "/v1/calls/call-x", { headers: { "x-sandbox-fault": "explode" } });
      expect(answer.status).toBe(422);
      expectValid("ErrorResponse", answer.body);
      expect(answer.body.message).toMatch(/rate-limit.*server-error.*delay=MS.*reset/);
    });
  });
}
