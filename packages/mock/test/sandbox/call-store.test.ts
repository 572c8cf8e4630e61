// The sandbox's rules, on the store every transport uses: seeded calls, paging as the API documents it, create,
// get and delete, and a lifecycle on a clock the test moves.
import type { Call } from "@sigmamind/types";
import { describe, expect, test } from "vitest";
import { CONNECT_AFTER_MS } from "../../src/sandbox/call-lifecycle.js";
import { createCallStore, DEFAULT_START_TIME, DOCUMENTED_CALL_ID } from "../../src/sandbox/call-store.js";
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

function everyCall(store: ReturnType<typeof createCallStore>): Call[] {
  const answer = store.list({ size: 1000 });
  if (answer.status !== 200) throw new Error("list failed");
  return answer.body.data;
}

describe("the seeded store", () => {
  test("holds 57 calls by default, the same for the same seed, byte for byte", () => {
    const first = JSON.stringify(everyCall(createCallStore({ seed: 7 })));
    expect(JSON.parse(first)).toHaveLength(57);
    expect(JSON.stringify(everyCall(createCallStore({ seed: 7 })))).toBe(first);
  });

  test("a different seed gives different calls", () => {
    const one = everyCall(createCallStore({ seed: 1 }));
    const other = everyCall(createCallStore({ seed: 2 }));
    expect(one.map((call) => call.callId)).not.toEqual(other.map((call) => call.callId));
  });

  test("every call is valid against the spec's Call schema", () => {
    for (const call of everyCall(createCallStore({ seed: 3, calls: 200 }))) {
      const { valid, errors } = validateAgainst("Call", call);
      expect(valid, `${call.callId}: ${errors}`).toBe(true);
    }
  });

  test("covers every documented status, call type, termination reason, provider and id shape", () => {
    const calls = everyCall(createCallStore());
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

  test.each([1, 2, 7, -3])(
    "seed %i: the newest call has the spec's example id; every call is otherwise as drawn, byte for byte",
    (seed) => {
      const drawn = seededCalls(seed, 57, DEFAULT_START_TIME);
      const [first, ...others] = everyCall(createCallStore({ seed }));
      expect(first?.callId).toBe(DOCUMENTED_CALL_ID);
      expect(JSON.stringify(first)).toBe(JSON.stringify({ ...drawn[0], callId: DOCUMENTED_CALL_ID }));
      expect(JSON.stringify(others)).toBe(JSON.stringify(drawn.slice(1)));
    },
  );

  test("reset brings the call with the spec's example id back after a delete", () => {
    const store = createCallStore({ calls: 1 });
    expect(store.remove(DOCUMENTED_CALL_ID).status).toBe(200);
    expect(store.get(DOCUMENTED_CALL_ID).status).toBe(404);
    store.reset();
    expect(store.get(DOCUMENTED_CALL_ID).status).toBe(200);
  });

  test("lists the newest first", () => {
    const created = everyCall(createCallStore()).map((call) => Date.parse(call.createdAt ?? ""));
    expect(created).toEqual([...created].sort((a, b) => b - a));
  });
});

describe("listing", () => {
  test("pages as the API documents it, and a page past the end is empty with no next", () => {
    const store = createCallStore({ calls: 25 });
    const pages = [0, 1, 2, 3].map((page) => store.list({ page, size: 10 }).body);
    expect(pages.map((page) => "data" in page && page.data.length)).toEqual([10, 10, 5, 0]);
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
    for (const page of pages) expect(validateAgainst("CallListResponse", page).valid).toBe(true);
  });

  test("filters by status, with totals counted over the matching calls only", () => {
    const store = createCallStore();
    const ended = store.list({ status: "ended", size: 100 }).body as { data: Call[]; totalCounts: number };
    expect(ended.data.length).toBeGreaterThan(0);
    expect(ended.data.every((call) => call.status === "ended")).toBe(true);
    expect(ended.totalCounts).toBe(ended.data.length);
  });

  test.each([
    [{ page: -1 }, /page/],
    [{ size: 0 }, /size/],
    [{ page: 1.5 }, /page/],
  ])("%o is the API's 400", (query, message) => {
    const answer = createCallStore().list(query);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: "Bad Request", status: 400, path: "/v1/calls", message });
    expect(validateAgainst("ErrorResponse", answer.body).valid).toBe(true);
  });
});

describe("create, get, delete", () => {
  test("create stores a call built from the body, newest first; get returns it", () => {
    const store = createCallStore();
    const created = store.create(createBody);
    expect(created.status).toBe(200);
    const call = created.body as Call;
    expect(validateAgainst("Call", call).valid).toBe(true);
    expect(call).toMatchObject({
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
    expect(store.get(call.callId)).toEqual({ status: 200, body: call });
    expect(everyCall(store)[0]?.callId).toBe(call.callId);
    expect(everyCall(store)).toHaveLength(58);
  });

  test.each([
    [{ ...createBody, toPhoneNumber: "12345" }, /toPhoneNumber/],
    [{ ...createBody, agentId: "" }, /agentId/],
    [{ ...createBody, agentId: "a".repeat(65) }, /agentId/],
    [{ ...createBody, dynamicVariables: { nested: { a: 1 } } }, /dynamicVariables/],
    [null, /object/],
  ])("a bad body %# is the API's 400, and nothing is stored", (body, message) => {
    const store = createCallStore();
    const answer = store.create(body);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: "Bad Request", status: 400, message });
    expect(everyCall(store)).toHaveLength(57);
  });

  test("delete removes a call: get is then 404 and the list no longer holds it", () => {
    const store = createCallStore();
    const victim = everyCall(store)[3] as Call;
    expect(store.remove(victim.callId).status).toBe(200);
    const gone = store.get(victim.callId);
    expect(gone.status).toBe(404);
    expect(validateAgainst("ErrorResponse", gone.body).valid).toBe(true);
    expect(everyCall(store).map((call) => call.callId)).not.toContain(victim.callId);
    expect(store.remove(victim.callId).status).toBe(404);
  });
});

describe("the lifecycle, on the sandbox's clock", () => {
  /** Places calls to different numbers until one answers and one does not: the seed decides which. */
  function placeBoth(store: ReturnType<typeof createCallStore>) {
    const calls = Array.from({ length: 20 }, (_, index) => {
      const answer = store.create({ ...createBody, toPhoneNumber: `+1415555${String(1000 + index)}` });
      return (answer.body as Call).callId;
    });
    store.advance(24 * 3_600_000);
    const final = calls.map((callId) => store.get(callId).body as Call);
    return {
      answered: final.find((call) => call.status === "ended") as Call,
      unanswered: final.find((call) => call.status === "not-connected") as Call,
    };
  }

  test("a created call moves from scheduled to in-progress to ended as the clock advances", () => {
    const store = createCallStore();
    const callIds = Array.from({ length: 10 }, (_, index) => {
      const answer = store.create({ ...createBody, toPhoneNumber: `+1415555${String(2000 + index)}` });
      return (answer.body as Call).callId;
    });
    const statusesAt = () => callIds.map((callId) => (store.get(callId).body as Call).status);
    expect(new Set(statusesAt())).toEqual(new Set(["scheduled"]));

    store.advance(CONNECT_AFTER_MS);
    const connected = callIds
      .map((callId) => store.get(callId).body as Call)
      .filter((call) => call.status === "in-progress");
    expect(connected.length).toBeGreaterThan(0);
    for (const call of connected) {
      expect(call.startTime).toBe(store.now().toISOString());
      expect([call.endTime, call.duration, call.terminationReason]).toEqual([null, null, null]);
    }
    // The others are numbers that do not answer: still scheduled until they give up.
    expect(
      statusesAt()
        .filter((status) => status !== "in-progress")
        .every((status) => status === "scheduled"),
    ).toBe(true);

    store.advance(3_600_000);
    for (const { callId } of connected) {
      const ended = store.get(callId).body as Call;
      expect(ended.status).toBe("ended");
      expect(Date.parse(ended.endTime ?? "") - Date.parse(ended.startTime ?? "")).toBe((ended.duration ?? 0) * 1000);
      expect(["customer_ended_call", "agent_ended_call"]).toContain(ended.terminationReason);
      expect(validateAgainst("Call", ended).valid).toBe(true);
    }
  });

  test("a call that ends is consistent whichever way it ended, and a number that does not answer ends not-connected", () => {
    const { answered, unanswered } = placeBoth(createCallStore());
    expect(answered).toMatchObject({ status: "ended" });
    expect((answered.duration ?? 0) > 0).toBe(true);
    expect(unanswered).toMatchObject({ status: "not-connected", startTime: null, duration: 0 });
    expect(["no-answer", "busy"]).toContain(unanswered.terminationReason);
    expect(validateAgainst("Call", unanswered).valid).toBe(true);
  });

  test("the same seed and numbers give the same calls, and reset returns to the seeded state", () => {
    const one = createCallStore({ seed: 9 });
    const other = createCallStore({ seed: 9 });
    expect(one.create(createBody)).toEqual(other.create(createBody));
    one.advance(60_000);
    one.remove((everyCall(one)[5] as Call).callId);
    one.reset();
    expect(one.now()).toEqual(createCallStore({ seed: 9 }).now());
    expect(everyCall(one)).toEqual(everyCall(createCallStore({ seed: 9 })));
  });

  test("advance refuses a negative or non-finite time", () => {
    const store = createCallStore();
    expect(() => store.advance(-1)).toThrow(/advance/);
    expect(() => store.advance(Number.NaN)).toThrow(/advance/);
  });
});
