// What a consumer's tests can count on from the sandbox, whichever adapter carries it: the node:http server, the
// MSW handlers and the in-process fetch function each run this same suite.
import { beforeEach, describe, expect, test } from "vitest";
import { OPERATIONS } from "../../src/generated/operations.js";
import type { Fault } from "../../src/sandbox/faults.js";
import { documentedStatuses } from "../../src/sandbox/prefer.js";
import { DOCUMENTED_CALL_ID, type SandboxOptions } from "../../src/sandbox/sandbox.js";
import { validateAgainst } from "./spec-validators.js";

/** A sandbox as the suite drives it. */
export interface SandboxUnderTest {
  url: string;
  /** How the suite reaches it: the platform's fetch (over a socket, or intercepted by MSW), or the sandbox's own. */
  fetch: typeof fetch;
  advance(milliseconds: number): void;
  reset(): void;
  failNext(fault: Fault): void;
  violations: readonly unknown[];
}

const DOCUMENTED_STATUSES = Object.fromEntries(
  OPERATIONS.map((operation) => [operation.id, documentedStatuses(operation)]),
) as Record<string, number[]>;

export interface Transport {
  name: string;
  /** The sandbox every test shares, reset before each one. */
  shared(): SandboxUnderTest;
  /** A sandbox of its own, for the tests that need other options; stopped after the test. */
  start(options: SandboxOptions): Promise<SandboxUnderTest>;
}

const KEY = { "x-api-key": "sandbox-key" };
const createBody = { fromPhoneNumber: "+14155552671", toPhoneNumber: "+14155550123", agentId: "agent-1" };

async function call(sandbox: SandboxUnderTest, path: string, init: RequestInit = {}) {
  const response = await sandbox.fetch(`${sandbox.url}${path}`, { ...init, headers: { ...KEY, ...init.headers } });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}
function create(sandbox: SandboxUnderTest, body: unknown = createBody) {
  return call(sandbox, "/v1/calls", {
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
        const { status, body } = await call(sandbox, `/v1/calls?page=${page}&size=10`);
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
      const { body } = await call(sandbox, "/v1/calls?page=40&size=10");
      expect(body).toMatchObject({ data: [], page: 40, hasNext: false, hasPrevious: true, totalCounts: 57 });
    });

    test("status filters, with totals over the matching calls only", async () => {
      const { body } = await call(sandbox, "/v1/calls?status=ended&size=3");
      expect(body.data.length).toBeGreaterThan(0);
      expect(body.data.every((item: { status: string }) => item.status === "ended")).toBe(true);
      expect(body.totalCounts).toBeLessThan(57);
      expect(body.totalPages).toBe(Math.ceil(body.totalCounts / 3));
    });
  });

  describe(`the sandbox through ${transport.name}: create, get, delete, the clock`, () => {
    test("create stores the call from the body; get returns it; the list holds it first", async () => {
      const created = await create(sandbox, { ...createBody, dynamicVariables: { name: "Ada" } });
      expect(created.status).toBe(200);
      expectValid("Call", created.body);
      expect(created.body).toMatchObject({ status: "scheduled", dynamicVariables: { name: "Ada" } });
      const fetched = await call(sandbox, `/v1/calls/${created.body.callId}`);
      expect(fetched.body).toEqual(created.body);
      const first = await call(sandbox, "/v1/calls?size=1");
      expect(first.body.data[0].callId).toBe(created.body.callId);
      expect(first.body.totalCounts).toBe(58);
    });

    test("advance moves a created call on to its end; delete removes it, and get is then 404", async () => {
      const created = await create(sandbox);
      const path = `/v1/calls/${created.body.callId}`;
      sandbox.advance(3_600_000);
      const ended = await call(sandbox, path);
      expect(["ended", "not-connected"]).toContain(ended.body.status);
      expect(ended.body.endTime).not.toBeNull();
      expectValid("Call", ended.body);

      expect((await call(sandbox, path, { method: "DELETE" })).status).toBe(200);
      const gone = await call(sandbox, path);
      expect(gone.status).toBe(404);
      expectValid("ErrorResponse", gone.body);
      expect((await call(sandbox, "/v1/calls?size=100")).body.totalCounts).toBe(57);
    });

    test("the control routes move the clock and start over, for tests in another process", async () => {
      const created = await create(sandbox);
      const advanced = await call(sandbox, "/__sandbox/advance?ms=3600000", { method: "POST" });
      expect(advanced.status).toBe(200);
      expect(advanced.body.now).toBe("2026-01-01T01:00:00.000Z");
      const after = await call(sandbox, `/v1/calls/${created.body.callId}`);
      expect(["ended", "not-connected"]).toContain(after.body.status);
      expect((await call(sandbox, "/__sandbox/advance?ms=-1", { method: "POST" })).status).toBe(400);

      expect((await call(sandbox, "/__sandbox/reset", { method: "POST" })).status).toBe(200);
      expect((await call(sandbox, `/v1/calls/${created.body.callId}`)).status).toBe(404);
      expect((await call(sandbox, "/v1/calls")).body.totalCounts).toBe(57);
    });

    test("a clock moved past what a date can hold is refused, and the sandbox keeps answering", async () => {
      for (const ms of ["1e300", "", "0x10", "-1", "abc"]) {
        const refused = await call(sandbox, `/__sandbox/advance?ms=${ms}`, { method: "POST" });
        expect(refused.status, ms).toBe(400);
      }
      expect(() => sandbox.advance(1e300)).toThrow(TypeError);
      expect((await call(sandbox, "/v1/calls/call-none")).status).toBe(404);
      expect((await call(sandbox, "/v1/calls")).status).toBe(200);
    });

    test("reset, in-process, returns to the seeded calls", async () => {
      await create(sandbox);
      sandbox.reset();
      expect((await call(sandbox, "/v1/calls")).body.totalCounts).toBe(57);
    });

    test("the newest seeded call has the spec's example id on any seed, and reset brings it back after a delete", async () => {
      const path = `/v1/calls/${DOCUMENTED_CALL_ID}`;
      const found = await call(sandbox, path);
      expect(found.status).toBe(200);
      expect(found.body).toEqual((await call(sandbox, "/v1/calls?size=1")).body.data[0]);
      const other = await transport.start({ seed: 9, calls: 1 });
      expect((await call(other, path)).body.callId).toBe(DOCUMENTED_CALL_ID);

      expect((await call(sandbox, path, { method: "DELETE" })).status).toBe(200);
      expect((await call(sandbox, path)).status).toBe(404);
      sandbox.reset();
      expect((await call(sandbox, path)).status).toBe(200);
    });

    test("another seed gives other calls, and calls sets how many", async () => {
      const other = await transport.start({ seed: 2, calls: 3 });
      const { body } = await call(other, "/v1/calls");
      expect(body.totalCounts).toBe(3);
      const first = await call(sandbox, "/v1/calls?size=3");
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
      const answer = await call(sandbox, path, init as RequestInit);
      expect(answer.status).toBe(status);
      expectValid("ErrorResponse", answer.body);
      expect(answer.body.status).toBe(status);
    });

    test("a body that is not JSON, sent as JSON, is the API's 400, and nothing is stored", async () => {
      for (const body of ["{", "null"]) {
        const refused = await call(sandbox, "/v1/calls", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body,
        });
        expect(refused.status, body).toBe(400);
        expectValid("ErrorResponse", refused.body);
      }
      expect((await call(sandbox, "/v1/calls")).body.totalCounts).toBe(57);
    });

    test("create counts an agentId's length in characters, as the spec does, and ignores fields it does not know", async () => {
      const created = await create(sandbox, { ...createBody, agentId: "😀".repeat(40), note: "not a field" });
      expect(created.status).toBe(200);
      expect(created.body.agent.agentId).toBe("😀".repeat(40));
      expect(created.body).not.toHaveProperty("note");
      expect((await create(sandbox, { ...createBody, agentId: "😀".repeat(65) })).status).toBe(400);
    });

    test("a refused create stores nothing", async () => {
      const refused = await create(sandbox, { ...createBody, agentId: "" });
      expect(refused.status).toBe(400);
      expect((await call(sandbox, "/v1/calls")).body.totalCounts).toBe(57);
    });
  });

  describe(`the sandbox through ${transport.name}: Prefer: code=N, as the static mock reads it`, () => {
    const ended = `/v1/calls/${DOCUMENTED_CALL_ID}`;
    const prefer = (code: string) => ({ headers: { prefer: code } });

    test("list with code=429 is what the rate-limit fault gives, Retry-After included", async () => {
      const asked = await call(sandbox, "/v1/calls", prefer("code=429"));
      const faulted = await call(sandbox, "/v1/calls", { headers: { "x-sandbox-fault": "rate-limit" } });
      expect(asked.status).toBe(429);
      expect(asked.headers.get("retry-after")).toBe("1");
      expect(asked.body).toEqual(faulted.body);
      expectValid("ErrorResponse", asked.body);
    });

    test("code=500 is what the server-error fault gives", async () => {
      const asked = await call(sandbox, ended, prefer("code=500"));
      const faulted = await call(sandbox, ended, { headers: { "x-sandbox-fault": "server-error" } });
      expect(asked.status).toBe(500);
      expect(asked.body).toEqual(faulted.body);
    });

    test("get with code=404 is the API's 404 body, saying it was asked for, and the call is still there", async () => {
      const asked = await call(sandbox, ended, prefer("code=404"));
      expect(asked.status).toBe(404);
      expectValid("ErrorResponse", asked.body);
      expect(asked.body).toMatchObject({ status: 404, error: "Not Found", path: ended });
      expect(asked.body.message).toContain("Prefer: code=404");
      expect((await call(sandbox, ended)).status).toBe(200);
    });

    test("create with code=422 is a 422 and creates nothing; delete with code=404 deletes nothing", async () => {
      const refused = await call(sandbox, "/v1/calls", {
        method: "POST",
        headers: { "content-type": "application/json", prefer: "code=422" },
        body: JSON.stringify(createBody),
      });
      expect(refused.status).toBe(422);
      expectValid("ErrorResponse", refused.body);
      expect(refused.body.message).toContain("Prefer: code=422");
      expect((await call(sandbox, "/v1/calls")).body.totalCounts).toBe(57);
      expect((await call(sandbox, ended, { method: "DELETE", ...prefer("code=404") })).status).toBe(404);
      expect((await call(sandbox, ended)).status).toBe(200);
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
          const answer = await call(sandbox, path, { ...init, headers });
          expect(answer.status, `${operation} ${status}`).toBe(status);
          expectValid("ErrorResponse", answer.body);
          expect(answer.body.status).toBe(status);
        }
      }
      expect((await call(sandbox, "/v1/calls")).body.totalCounts).toBe(57);
      expect((await call(sandbox, ended)).status).toBe(200);
    });

    test("list with code=404, which list does not document, is a 422 naming the codes it does", async () => {
      const answer = await call(sandbox, "/v1/calls", prefer("code=404"));
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
      const answer = await call(sandbox, path, prefer(header));
      expect(answer.status).toBe(422);
      expectValid("ErrorResponse", answer.body);
      expect(answer.body.message).toContain(documented);
    });

    test("code=200 is the normal page; code is read case-insensitively, among other preferences", async () => {
      const normal = await call(sandbox, "/v1/calls?size=2", prefer("code=200"));
      expect(normal.status).toBe(200);
      expect(normal.body).toEqual((await call(sandbox, "/v1/calls?size=2")).body);
      expect((await call(sandbox, "/v1/calls", prefer("example=notFound, CODE=500"))).status).toBe(500);
      expect((await call(sandbox, "/v1/calls", prefer(" Code = 429 ; x=y, example=a"))).status).toBe(429);
      for (const others of ["example=notFound", "dynamic=maybe", "respond-async, wait=5", "dynamic"]) {
        expect((await call(sandbox, "/v1/calls", prefer(others))).status, others).toBe(200);
      }
    });

    test("X-Sandbox-Fault wins when both are present", async () => {
      const faulted = await call(sandbox, ended, {
        headers: { prefer: "code=404", "x-sandbox-fault": "rate-limit;retry-after=3" },
      });
      expect(faulted.status).toBe(429);
      expect(faulted.headers.get("retry-after")).toBe("3");
      const failed = await call(sandbox, "/v1/calls", {
        headers: { prefer: "code=429", "x-sandbox-fault": "server-error" },
      });
      expect(failed.status).toBe(500);
      sandbox.failNext({ kind: "server-error" });
      expect((await call(sandbox, "/v1/calls", prefer("code=200"))).status).toBe(500);
    });

    test("the control routes ignore Prefer", async () => {
      const reset = await call(sandbox, "/__sandbox/reset", { method: "POST", ...prefer("code=500") });
      expect(reset.status).toBe(200);
      expect(reset.body.now).toBe("2026-01-01T00:00:00.000Z");
    });
  });

  describe(`the sandbox through ${transport.name}: a world for each API key`, () => {
    const as = (key: string, init: RequestInit = {}) => ({ ...init, headers: { ...init.headers, "x-api-key": key } });

    test("a call created with one key is not seen with another, and each world counts its own", async () => {
      const created = await call(sandbox, "/v1/calls", {
        ...as("world-a", { method: "POST", body: JSON.stringify(createBody) }),
      });
      expect(created.status).toBe(200);
      expect((await call(sandbox, "/v1/calls", as("world-a"))).body.totalCounts).toBe(58);
      expect((await call(sandbox, "/v1/calls", as("world-b"))).body.totalCounts).toBe(57);
      expect((await call(sandbox, `/v1/calls/${created.body.callId}`, as("world-b"))).status).toBe(404);
    });

    test("reset, advance and faults over the control routes act on the caller's world only", async () => {
      const mine = await call(sandbox, "/v1/calls", as("mine", { method: "POST", body: JSON.stringify(createBody) }));
      await call(sandbox, "/v1/calls", as("theirs", { method: "POST", body: JSON.stringify(createBody) }));
      expect((await call(sandbox, "/__sandbox/advance?ms=3600000", as("mine", { method: "POST" }))).status).toBe(200);
      expect((await call(sandbox, "/__sandbox/clock", as("mine"))).body).toMatchObject({
        now: "2026-01-01T01:00:00.000Z",
        clock: "manual",
      });
      expect((await call(sandbox, "/__sandbox/clock", as("theirs"))).body.now).toBe("2026-01-01T00:00:00.000Z");
      expect(["ended", "not-connected"]).toContain(
        (await call(sandbox, `/v1/calls/${mine.body.callId}`, as("mine"))).body.status,
      );

      const queued = await call(
        sandbox,
        "/__sandbox/faults?fault=server-error&count=2",
        as("mine", { method: "POST" }),
      );
      expect(queued).toMatchObject({ status: 200, body: { queued: 2 } });
      expect((await call(sandbox, "/v1/calls", as("theirs"))).status).toBe(200);
      expect((await call(sandbox, "/v1/calls", as("mine"))).status).toBe(500);
      expect((await call(sandbox, "/v1/calls", as("mine"))).status).toBe(500);
      expect((await call(sandbox, "/v1/calls", as("mine"))).status).toBe(200);

      expect((await call(sandbox, "/__sandbox/reset", as("theirs", { method: "POST" }))).status).toBe(200);
      expect((await call(sandbox, "/v1/calls", as("theirs"))).body.totalCounts).toBe(57);
      expect((await call(sandbox, "/v1/calls", as("mine"))).body.totalCounts).toBe(58);
    });

    test("429 then success, queued over HTTP: a client's retry meets the success", async () => {
      await call(sandbox, "/__sandbox/faults?fault=rate-limit;retry-after=0", as("retrying", { method: "POST" }));
      const limited = await call(sandbox, "/v1/calls", as("retrying"));
      expect(limited.status).toBe(429);
      expect(limited.headers.get("retry-after")).toBe("0");
      expect((await call(sandbox, "/v1/calls", as("retrying"))).status).toBe(200);
    });

    test("ids are never given twice, across resets and across worlds", async () => {
      const ids = new Set<string>();
      for (const key of ["one", "two"]) {
        for (let round = 0; round < 2; round++) {
          const created = await call(
            sandbox,
            "/v1/calls",
            as(key, { method: "POST", body: JSON.stringify(createBody) }),
          );
          ids.add(created.body.callId);
          await call(sandbox, "/__sandbox/reset", as(key, { method: "POST" }));
        }
      }
      expect(ids.size).toBe(4);
    });

    test("the control routes need a key, and refuse a route, a clock move or a fault they do not know", async () => {
      const noKey = await sandbox.fetch(`${sandbox.url}/__sandbox/reset`, { method: "POST" });
      expect(noKey.status).toBe(401);
      expect((await call(sandbox, "/__sandbox/explode", { method: "POST" })).status).toBe(404);
      expect((await call(sandbox, "/__sandbox/faults?fault=explode", { method: "POST" })).status).toBe(400);
      expect((await call(sandbox, "/__sandbox/faults?fault=reset&count=0", { method: "POST" })).status).toBe(400);
      expect((await call(sandbox, "/__sandbox/faults?fault=reset&count=1001", { method: "POST" })).status).toBe(400);
      const late = await call(sandbox, "/__sandbox/advance?ms=9999999999999999", { method: "POST" });
      expect(late.status).toBe(400);
      expect(late.body.message).toMatch(/last time/);
    });
  });

  describe(`the sandbox through ${transport.name}: requests no API takes`, () => {
    test("HEAD is the GET's headers without a body", async () => {
      const head = await sandbox.fetch(`${sandbox.url}/v1/calls?size=2`, { method: "HEAD", headers: KEY });
      expect(head.status).toBe(200);
      expect(head.headers.get("content-type")).toBe("application/json");
      expect(await head.text()).toBe("");
      expect((await sandbox.fetch(`${sandbox.url}/v1/calls/call-none`, { method: "HEAD", headers: KEY })).status).toBe(
        404,
      );
      const clock = await sandbox.fetch(`${sandbox.url}/__sandbox/clock`, { method: "HEAD", headers: KEY });
      expect(clock.status).toBe(200);
      expect(await clock.text()).toBe("");
    });

    test("a body over the limit is the 413 in the API's error shape, and nothing is stored", async () => {
      const huge = JSON.stringify({ ...createBody, dynamicVariables: { note: "x".repeat(1_100_000) } });
      const refused = await call(sandbox, "/v1/calls", { method: "POST", body: huge });
      expect(refused.status).toBe(413);
      expectValid("ErrorResponse", refused.body);
      expect((await call(sandbox, "/v1/calls")).body.totalCounts).toBe(57);
    });

    test.each([
      ["//", 404],
      ["//@", 404],
      ["//%zz/", 400],
      ["/v1/calls/%ZZ", 400],
      ["//v1/calls", 404],
      [`/v1/calls/${"a".repeat(5000)}`, 404],
      ["/v1/calls/x/y", 404],
      ["/v2/calls", 404],
    ])("%s is the API's %i, and the sandbox keeps answering", async (path, status) => {
      const answer = await call(sandbox, path);
      expect(answer.status).toBe(status);
      expectValid("ErrorResponse", answer.body);
      expect((await call(sandbox, "/v1/calls")).status).toBe(200);
    });

    test("a method the API lacks on its path is the API's 404", async () => {
      expect((await call(sandbox, "/v1/calls", { method: "PUT", body: "{}" })).status).toBe(404);
    });

    test("every answer the suite was given held to the spec", () => {
      expect(sandbox.violations).toEqual([]);
    });
  });

  describe(`the sandbox through ${transport.name}: faults on request`, () => {
    test("X-Sandbox-Fault: rate-limit is a 429 with Retry-After, and the next request is answered", async () => {
      const limited = await call(sandbox, "/v1/calls", {
        headers: { "x-sandbox-fault": "rate-limit;retry-after=3" },
      });
      expect(limited.status).toBe(429);
      expect(limited.headers.get("retry-after")).toBe("3");
      expectValid("ErrorResponse", limited.body);
      expect((await call(sandbox, "/v1/calls")).status).toBe(200);
    });

    test("a 5xx then success, queued with the faults option, and queued again by reset", async () => {
      const failing = await transport.start({ faults: [{ kind: "server-error" }] });
      const failed = await call(failing, "/v1/calls");
      expect(failed.status).toBe(500);
      expectValid("ErrorResponse", failed.body);
      expect((await call(failing, "/v1/calls")).status).toBe(200);
      failing.reset();
      expect((await call(failing, "/v1/calls")).status).toBe(500);
      expect((await call(failing, "/v1/calls")).status).toBe(200);
    });

    test("a queued rate limit, then success", async () => {
      sandbox.failNext({ kind: "rate-limit", retryAfterSeconds: 2 });
      const limited = await call(sandbox, "/v1/calls");
      expect(limited.status).toBe(429);
      expect(limited.headers.get("retry-after")).toBe("2");
      expect((await call(sandbox, "/v1/calls")).status).toBe(200);
    });

    test("a connection reset, queued with failNext; a create that met it stored nothing", async () => {
      sandbox.failNext({ kind: "reset" });
      await expect(create(sandbox)).rejects.toThrow(TypeError);
      expect((await call(sandbox, "/v1/calls")).body.totalCounts).toBe(57);
    });

    test("a queued fault waits for an API request: a CORS preflight does not use it up", async () => {
      sandbox.failNext({ kind: "server-error" });
      await sandbox.fetch(`${sandbox.url}/v1/calls`, {
        method: "OPTIONS",
        headers: { origin: "http://127.0.0.1:9", "access-control-request-method": "GET" },
      });
      expect((await call(sandbox, "/v1/calls")).status).toBe(500);
    });

    test("a delay or a Retry-After past what a timer or a header can hold is refused", async () => {
      for (const fault of ["delay=3000000000", "rate-limit;retry-after=99999999999999999999999"]) {
        expect((await call(sandbox, "/v1/calls", { headers: { "x-sandbox-fault": fault } })).status, fault).toBe(422);
      }
    });

    test("a slow answer: a caller's timeout shorter than the delay runs out", async () => {
      const slow = sandbox.fetch(`${sandbox.url}/v1/calls`, {
        headers: { ...KEY, "x-sandbox-fault": "delay=3000" },
        signal: AbortSignal.timeout(200),
      });
      await expect(slow).rejects.toMatchObject({ name: "TimeoutError" });
    });

    test("a fault the sandbox does not know is a 422 naming the ones it does", async () => {
      const answer = await call(sandbox, "/v1/calls/call-x", { headers: { "x-sandbox-fault": "explode" } });
      expect(answer.status).toBe(422);
      expectValid("ErrorResponse", answer.body);
      expect(answer.body.message).toMatch(/rate-limit.*server-error.*delay=MS.*reset/);
    });
  });
}
