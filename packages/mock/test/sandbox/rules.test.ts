// The sandbox's rules, through its one function (the in-process fetch): seeded calls, paging as the API
// documents it, create, get and delete, the lifecycle on the clock, worlds per key, and the spec's check of
// every answer.
import type { Call, CallListResponse } from "@sigmamind/types";
import { afterEach, describe, expect, test, vi } from "vitest";
import { CONNECT_AFTER_MS } from "../../src/sandbox/call-lifecycle.js";
import { CALLS_BEHAVIOUR } from "../../src/sandbox/calls-behaviour.js";
import { DEFAULT_START_TIME, LATEST_CLOCK_MS } from "../../src/sandbox/clock.js";
import { createSandbox, DOCUMENTED_CALL_ID, type Sandbox, type SandboxOptions } from "../../src/sandbox/sandbox.js";
import {
  KNOWN_CALL_TYPES,
  KNOWN_PROVIDERS,
  KNOWN_STATUSES,
  KNOWN_TERMINATION_REASONS,
  seededCalls,
} from "../../src/sandbox/seeded-calls.js";
import { validateAgainst } from "./spec-validators.js";

const createBody = {
  fromPhoneNumber: "+14155552671",
  toPhoneNumber: "+14155550123",
  agentId: "agent-1",
  dynamicVariables: { customer_name: "Ada" },
};

/** One key's view of a sandbox, as a test of the rules drives it. */
function driver(sandbox: Sandbox, apiKey = "rules-key") {
  const send = async (path: string, init: RequestInit = {}) => {
    const response = await sandbox.fetch(`${sandbox.url}${path}`, {
      ...init,
      headers: { "x-api-key": apiKey, "content-type": "application/json", ...init.headers },
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };
  return {
    send,
    list: async (query = "size=1000") => (await send(`/v1/calls?${query}`)).body as CallListResponse,
    all: async () => ((await send("/v1/calls?size=1000")).body as CallListResponse).data,
    get: (callId: string) => send(`/v1/calls/${encodeURIComponent(callId)}`),
    create: (body: unknown = createBody) => send("/v1/calls", { method: "POST", body: JSON.stringify(body) }),
    remove: (callId: string) => send(`/v1/calls/${encodeURIComponent(callId)}`, { method: "DELETE" }),
  };
}
const sandboxWith = (options: SandboxOptions = {}) => driver(createSandbox(options));

describe("the seeded calls", () => {
  test("57 by default, the same for the same seed, byte for byte", async () => {
    const first = JSON.stringify(await sandboxWith({ seed: 7 }).all());
    expect(JSON.parse(first)).toHaveLength(57);
    expect(JSON.stringify(await sandboxWith({ seed: 7 }).all())).toBe(first);
  });

  test("a different seed gives different calls", async () => {
    const one = await sandboxWith({ seed: 1 }).all();
    const other = await sandboxWith({ seed: 2 }).all();
    expect(one.map((call) => call.callId)).not.toEqual(other.map((call) => call.callId));
  });

  test("every call is valid against the spec's Call schema", async () => {
    for (const call of await sandboxWith({ seed: 3, calls: 200 }).all()) {
      const { valid, errors } = validateAgainst("Call", call);
      expect(valid, `${call.callId}: ${errors}`).toBe(true);
    }
  });

  test("cover every status, call type, termination reason and provider the spec lists, and every id shape", async () => {
    const calls = await sandboxWith().all();
    const seen = (pick: (call: Call) => unknown) => new Set(calls.map(pick));
    expect([...seen((call) => call.status)]).toEqual(expect.arrayContaining([...KNOWN_STATUSES]));
    expect([...seen((call) => call.callType)]).toEqual(expect.arrayContaining([...KNOWN_CALL_TYPES]));
    expect([...seen((call) => call.terminationReason)]).toEqual(
      expect.arrayContaining([...KNOWN_TERMINATION_REASONS, null]),
    );
    expect([...seen((call) => call.phoneNumber?.provider)]).toEqual(expect.arrayContaining([...KNOWN_PROVIDERS]));
    expect([...seen((call) => typeof call.phoneNumber?.sipPhoneNumber)]).toEqual(
      expect.arrayContaining(["number", "string"]),
    );
    expect([...seen((call) => /^(call-|call_|)/.exec(call.callId)?.[1])]).toEqual(
      expect.arrayContaining(["call-", "call_", ""]),
    );
    expect(calls.some((call) => call.campaign)).toBe(true);
    expect(calls.some((call) => !call.campaign)).toBe(true);
  });

  test.each([1, 2, 7, -3])("seed %i: the newest has the spec's example id; the others are as drawn", async (seed) => {
    const drawn = seededCalls(seed, 57, DEFAULT_START_TIME);
    const [first, ...others] = await sandboxWith({ seed }).all();
    expect(first).toEqual({ ...drawn[0], callId: DOCUMENTED_CALL_ID });
    expect(others.map((call) => call.callId)).toEqual(drawn.slice(1).map((call) => call.callId));
  });

  test("newest first", async () => {
    const created = (await sandboxWith().all()).map((call) => Date.parse(call.createdAt ?? ""));
    expect(created).toEqual([...created].sort((a, b) => b - a));
  });

  test("the scheduled and in-progress ones move along the lifecycle as the clock passes, and then stay", async () => {
    const sandbox = createSandbox();
    const drive = driver(sandbox);
    const moving = (await drive.all()).filter((call) => ["scheduled", "in-progress"].includes(call.status));
    expect(moving.length).toBeGreaterThan(2);
    sandbox.advance(60 * 60 * 1000);
    for (const before of moving) {
      const after = (await drive.get(before.callId)).body as Call;
      expect(after.status, before.callId).toBe("ended");
      expect(after.endTime).not.toBeNull();
      expect(Date.parse(after.endTime ?? "") - Date.parse(after.startTime ?? "")).toBe((after.duration ?? 0) * 1000);
      expect(validateAgainst("Call", after).valid).toBe(true);
      expect({ ...after, ...pickLifecycle(before) }).toEqual(before);
    }
    const ended = await drive.all();
    sandbox.advance(24 * 60 * 60 * 1000);
    expect(await drive.all()).toEqual(ended);
  });
});

/** The fields of a call that its lifecycle changes. */
function pickLifecycle(call: Call) {
  const { status, startTime, endTime, duration, terminationReason, updatedAt } = call;
  return { status, startTime, endTime, duration, terminationReason, updatedAt };
}

describe("listing", () => {
  test("pages as the API documents it, and a page past the end is empty with no next", async () => {
    const drive = sandboxWith({ calls: 25 });
    const pages = await Promise.all([0, 1, 2, 3].map((page) => drive.list(`page=${page}&size=10`)));
    expect(pages.map((page) => page.data.length)).toEqual([10, 10, 5, 0]);
    expect(pages[0]).toMatchObject({
      page: 0,
      size: 10,
      totalCounts: 25,
      totalPages: 3,
      hasNext: true,
      hasPrevious: false,
    });
    expect(pages[2]).toMatchObject({ page: 2, hasNext: false, hasPrevious: true });
    expect(pages[3]).toMatchObject({ page: 3, data: [], hasNext: false });
  });

  test("the spec's defaults: page 0 of 10", async () => {
    expect(await sandboxWith().list("")).toMatchObject({ page: 0, size: 10, totalPages: 6 });
  });

  test("filters by status, with totals over the matching calls only; an unknown status is no error", async () => {
    const drive = sandboxWith();
    const ended = await drive.list("status=ended&size=100");
    expect(ended.data.length).toBeGreaterThan(0);
    expect(ended.data.every((call) => call.status === "ended")).toBe(true);
    expect(ended.totalCounts).toBe(ended.data.length);
    expect(await drive.list("status=ringing")).toMatchObject({ data: [], totalCounts: 0 });
  });

  test.each([
    ["page=-1", /page must be >= 0/],
    ["size=0", /size must be >= 1/],
    ["page=1.5", /page must be integer/],
    ["size=2147483648", /size must be <= 2147483647/],
    ["page=abc", /page must be integer/],
    ["page=1&page=2", /page is given 2 times/],
  ])("%s is the API's 400, naming the parameter", async (query, message) => {
    const answer = await sandboxWith().send(`/v1/calls?${query}`);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: "Bad Request", status: 400, path: "/v1/calls", message });
  });

  test("the last page there can be, at the spec's bounds, is empty rather than a failure", async () => {
    const answer = await sandboxWith().send("/v1/calls?page=2147483647&size=2147483647");
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ data: [], hasNext: false });
  });
});

describe("create, get, delete", () => {
  test("create stores a call built from the body, newest first; get returns it", async () => {
    const drive = sandboxWith();
    const created = await drive.create();
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      status: "scheduled",
      callType: "outbound",
      phoneNumber: { sipPhoneNumber: "+14155552671" },
      agent: { agentId: "agent-1" },
      dynamicVariables: { customer_name: "Ada" },
      startTime: null,
      endTime: null,
      duration: null,
      terminationReason: null,
    });
    expect((await drive.get(created.body.callId)).body).toEqual(created.body);
    const all = await drive.all();
    expect(all[0]?.callId).toBe(created.body.callId);
    expect(all).toHaveLength(58);
  });

  test.each([
    [{ ...createBody, toPhoneNumber: "12345" }, /toPhoneNumber must match pattern/],
    [{ ...createBody, agentId: "" }, /agentId must NOT have fewer than 1 characters/],
    [{ ...createBody, agentId: "a".repeat(65) }, /agentId must NOT have more than 64 characters/],
    [
      { ...createBody, dynamicVariables: { nested: { a: 1 } } },
      /dynamicVariables\.nested must be string,number,boolean/,
    ],
    [{ fromPhoneNumber: "+14155552671", toPhoneNumber: "+14155550123" }, /must have required property 'agentId'/],
    [null, /body must be object/],
    [[createBody], /body must be object/],
  ])("a bad body %# is the API's 400 naming the field, and nothing is stored", async (body, message) => {
    const drive = sandboxWith();
    const answer = await drive.create(body);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: "Bad Request", status: 400, message });
    expect(await drive.all()).toHaveLength(57);
  });

  test("a create without a body is the API's 400", async () => {
    const answer = await sandboxWith().send("/v1/calls", { method: "POST" });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(/body is missing/);
  });

  test("delete removes a call: get is then 404, the list no longer holds it, and a second delete is 404", async () => {
    const drive = sandboxWith();
    const victim = (await drive.all())[3] as Call;
    expect((await drive.remove(victim.callId)).status).toBe(200);
    const gone = await drive.get(victim.callId);
    expect(gone.status).toBe(404);
    expect(validateAgainst("ErrorResponse", gone.body).valid).toBe(true);
    expect((await drive.all()).map((call) => call.callId)).not.toContain(victim.callId);
    expect((await drive.remove(victim.callId)).status).toBe(404);
  });
});

describe("the lifecycle, on the sandbox's clock", () => {
  test("a created call moves from scheduled to in-progress to ended as the clock advances", async () => {
    const sandbox = createSandbox();
    const drive = driver(sandbox);
    const callIds: string[] = [];
    for (let index = 0; index < 10; index++) {
      callIds.push((await drive.create({ ...createBody, toPhoneNumber: `+1415555${2000 + index}` })).body.callId);
    }
    const calls = async () => Promise.all(callIds.map(async (callId) => (await drive.get(callId)).body as Call));
    expect(new Set((await calls()).map((call) => call.status))).toEqual(new Set(["scheduled"]));

    sandbox.advance(CONNECT_AFTER_MS);
    const connected = (await calls()).filter((call) => call.status === "in-progress");
    expect(connected.length).toBeGreaterThan(0);
    for (const call of connected) {
      expect(call.startTime).toBe(sandbox.now().toISOString());
      expect([call.endTime, call.duration, call.terminationReason]).toEqual([null, null, null]);
    }

    sandbox.advance(3_600_000);
    for (const { callId } of connected) {
      const ended = (await drive.get(callId)).body as Call;
      expect(ended.status).toBe("ended");
      expect(Date.parse(ended.endTime ?? "") - Date.parse(ended.startTime ?? "")).toBe((ended.duration ?? 0) * 1000);
      expect(["customer_ended_call", "agent_ended_call"]).toContain(ended.terminationReason);
    }
    const unanswered = (await calls()).filter((call) => call.status === "not-connected");
    expect(unanswered.length).toBeGreaterThan(0);
    for (const call of unanswered) {
      expect(call).toMatchObject({ startTime: null, duration: 0 });
      expect(["no-answer", "busy"]).toContain(call.terminationReason);
    }
  });

  test("the same seed and numbers give the same fate, with ids never given twice", async () => {
    const one = createSandbox({ seed: 9 });
    const other = createSandbox({ seed: 9 });
    const fates = async (sandbox: Sandbox) => {
      const drive = driver(sandbox);
      const ids = [];
      for (let index = 0; index < 6; index++)
        ids.push((await drive.create({ ...createBody, toPhoneNumber: `+1415555${3000 + index}` })).body.callId);
      sandbox.advance(3_600_000);
      return Promise.all(ids.map(async (id) => pickLifecycle((await drive.get(id)).body)));
    };
    expect(await fates(one)).toEqual(await fates(other));
  });

  test("a real clock moves on its own, at the speed asked for", async () => {
    vi.useFakeTimers({ toFake: ["performance"] });
    try {
      const sandbox = createSandbox({ clock: "real", speed: 60 });
      const drive = driver(sandbox);
      const created = (await drive.create()).body as Call;
      vi.advanceTimersByTime(1000);
      expect(sandbox.now().toISOString()).toBe("2026-01-01T00:01:00.000Z");
      expect(((await drive.get(created.callId)).body as Call).status).not.toBe("scheduled");
      const clock = await drive.send("/__sandbox/clock");
      expect(clock.body).toMatchObject({ clock: "real", speed: 60 });
    } finally {
      vi.useRealTimers();
    }
  });

  test("a real clock stops at the last time the sandbox can show, and the sandbox keeps answering", async () => {
    vi.useFakeTimers({ toFake: ["performance"] });
    try {
      const sandbox = createSandbox({ clock: "real", speed: 1_000_000, startTime: new Date(LATEST_CLOCK_MS - 60_000) });
      const drive = driver(sandbox);
      vi.advanceTimersByTime(100_000);
      expect(sandbox.now().getTime()).toBe(LATEST_CLOCK_MS);
      expect((await drive.send("/__sandbox/clock")).body.now).toBe(new Date(LATEST_CLOCK_MS).toISOString());
      expect((await drive.create()).status).toBe(200);
      expect((await drive.send("/v1/calls")).status).toBe(200);
      expect(sandbox.violations).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  test("the clock cannot pass the last time a date-time can hold; a call made just before it is still valid", async () => {
    const sandbox = createSandbox();
    const drive = driver(sandbox);
    const world = sandbox.world("rules-key");
    expect(() => world.advance(LATEST_CLOCK_MS)).toThrow(/past 9999-12-30/);
    world.advance(LATEST_CLOCK_MS - DEFAULT_START_TIME.getTime());
    const created = await drive.create();
    expect(created.status).toBe(200);
    world.advance(0);
    expect((await drive.send("/v1/calls")).status).toBe(200);
    expect(() => world.advance(1)).toThrow(/advance/);
    expect(() => world.advance(-1)).toThrow(/advance/);
    expect(() => world.advance(Number.NaN)).toThrow(/advance/);
    expect(sandbox.violations).toEqual([]);
  });
});

describe("worlds", () => {
  test("a world made after the sandbox's clock moved starts at the sandbox's time, with the seeded calls moved too", async () => {
    const sandbox = createSandbox();
    sandbox.advance(3_600_000);
    const late = driver(sandbox, "late");
    expect((await late.send("/__sandbox/clock")).body.now).toBe("2026-01-01T01:00:00.000Z");
    expect((await late.all()).filter((call) => ["scheduled", "in-progress"].includes(call.status))).toEqual([]);
    expect((await late.send("/__sandbox/reset", { method: "POST" })).body.now).toBe("2026-01-01T00:00:00.000Z");
  });

  test("beyond maxWorlds, the least recently used world is dropped and starts afresh", async () => {
    const sandbox = createSandbox({ maxWorlds: 2 });
    const [a, b, c] = ["a", "b", "c"].map((key) => driver(sandbox, key)) as ReturnType<typeof driver>[];
    await a?.create();
    await b?.create();
    await a?.list();
    await c?.create();
    expect((await a?.list())?.totalCounts).toBe(58);
    expect((await b?.list())?.totalCounts).toBe(57);
  });

  test("sandbox-wide: failNext fails the next request of any world; reset drops every world", async () => {
    const sandbox = createSandbox({ faults: [{ kind: "rate-limit", retryAfterSeconds: 4 }] });
    const one = driver(sandbox, "one");
    expect((await one.send("/v1/calls")).status).toBe(429);
    await one.create();
    sandbox.failNext({ kind: "server-error" });
    // The sandbox's queue comes before the new world's own `faults`, which the world after it meets.
    expect((await driver(sandbox, "two").send("/v1/calls")).status).toBe(500);
    expect((await driver(sandbox, "two").send("/v1/calls")).status).toBe(429);
    expect((await driver(sandbox, "three").send("/v1/calls")).status).toBe(429);
    sandbox.reset();
    expect((await one.send("/v1/calls")).status).toBe(429);
    expect((await one.list()).totalCounts).toBe(57);
  });

  test("a key in-process is the same world as over the wire", async () => {
    const sandbox = createSandbox();
    const world = sandbox.world("in-process");
    world.failNext({ kind: "server-error" });
    expect((await driver(sandbox, "in-process").send("/v1/calls")).status).toBe(500);
    world.advance(60_000);
    expect((await driver(sandbox, "in-process").send("/__sandbox/clock")).body.now).toBe("2026-01-01T00:01:00.000Z");
    expect(world.now().toISOString()).toBe("2026-01-01T00:01:00.000Z");
    expect(() => sandbox.world("")).toThrow(/apiKey/);
  });
});

describe("an answer that breaks the spec", () => {
  const original = CALLS_BEHAVIOUR.getCall;
  afterEach(() => {
    CALLS_BEHAVIOUR.getCall = original;
  });

  test("is a 500 naming the violation, printed, kept in violations and named in a header, on every adapter's path", async () => {
    const printed = vi.spyOn(console, "error").mockImplementation(() => {});
    CALLS_BEHAVIOUR.getCall = () => ({ status: 200, body: { callId: 42, status: "ended" } });
    const sandbox = createSandbox();
    const answer = await driver(sandbox).get(DOCUMENTED_CALL_ID);
    expect(answer.status).toBe(500);
    expect(validateAgainst("ErrorResponse", answer.body).valid).toBe(true);
    expect(answer.body.message).toContain("getCall 200: body callId must be string");
    expect(answer.headers.get("x-sandbox-violation")).toBe("getCall 200: body callId must be string");
    expect(sandbox.violations).toEqual([{ inResponse: true, description: "getCall 200: body callId must be string" }]);
    expect(printed).toHaveBeenCalledWith(expect.stringContaining("This is a bug in @sigmamind/mock"));
    printed.mockRestore();
  });

  test("a status the operation does not document is one too", async () => {
    const printed = vi.spyOn(console, "error").mockImplementation(() => {});
    CALLS_BEHAVIOUR.getCall = () => ({ status: 404, message: "x" }) as never;
    CALLS_BEHAVIOUR.getCall = () => ({ status: 201, body: {} }) as never;
    const sandbox = createSandbox();
    expect((await driver(sandbox).get(DOCUMENTED_CALL_ID)).status).toBe(500);
    expect(sandbox.violations[0]?.description).toMatch(
      /status 201 is not one getCall documents \(200, 401, 404, 422, 429, 500\)/,
    );
    printed.mockRestore();
  });
});

describe("what a world remembers", () => {
  test("a few answers to reads, the most recent, and none once the world changes", async () => {
    const { createWorlds } = await import("../../src/sandbox/worlds.js");
    const { createClock } = await import("../../src/sandbox/clock.js");
    const world = createWorlds({ seed: 1, clock: createClock({}), seeded: () => [], faults: [], maxWorlds: 2 }).of("k");
    const answer = { status: 200, headers: {}, body: "{}" };
    for (let index = 0; index < 10; index++) world.answers.set(`read ${index}`, answer);
    const kept = Array.from({ length: 10 }, (_, index) => world.answers.get(`read ${index}`) !== undefined);
    expect(kept).toEqual([false, false, false, false, false, false, true, true, true, true]);
    world.place({ fromPhoneNumber: "+14155552671", toPhoneNumber: "+14155550123", agentId: "a" });
    expect(world.answers.get("read 9")).toBeUndefined();
  });
});
