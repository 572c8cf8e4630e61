// The factories consumers build their own unit tests' data with: valid against the spec, seeded, consistent.
import { describe, expect, test } from "vitest";
import { buildCall, buildCallListResponse, buildCalls } from "../../src/factories.js";
import { KNOWN_STATUSES } from "../../src/sandbox/seeded-calls.js";
import { validateAgainst } from "./spec-validators.js";

function expectValid(schema: string, value: unknown) {
  const { valid, errors } = validateAgainst(schema, value);
  expect(valid, errors).toBe(true);
}

describe("buildCall", () => {
  test("is valid against the spec's Call schema, the same for the same seed, another for another", () => {
    expectValid("Call", buildCall());
    expect(JSON.stringify(buildCall())).toBe(JSON.stringify(buildCall()));
    expect(buildCall({}, { seed: 2 }).callId).not.toBe(buildCall().callId);
  });

  test.each(KNOWN_STATUSES)("a %s call has the fields that status carries, and is valid", (status) => {
    const call = buildCall({ status });
    expectValid("Call", call);
    expect(call.status).toBe(status);
    const ended = ["ended", "completed", "not-connected", "error", "failed"].includes(status);
    expect(call.endTime === null || call.endTime === undefined).toBe(!ended);
    expect(call.terminationReason === null || call.terminationReason === undefined).toBe(!ended);
  });

  test("overrides win, and the value returned is a copy the caller may change", () => {
    const call = buildCall({ callId: "call-mine", callType: "web" });
    expect(call).toMatchObject({ callId: "call-mine", callType: "web" });
    call.status = "failed";
    expect(buildCall({ callId: "call-mine", callType: "web" }).status).not.toBe("failed");
  });

  test("a seed that is not a whole number is refused in words", () => {
    expect(() => buildCall({}, { seed: 1.5 })).toThrow("buildCall: seed must be a whole number, got 1.5");
  });
});

describe("buildCalls", () => {
  test.each(KNOWN_STATUSES)("gives 100 different %s calls, each valid, the same for the same seed", (status) => {
    const calls = buildCalls(100, { status, callType: "outbound" });
    expect(new Set(calls.map((call) => call.callId)).size).toBe(100);
    for (const call of calls) {
      expectValid("Call", call);
      expect(call).toMatchObject({ status, callType: "outbound" });
    }
    expect(JSON.stringify(buildCalls(100, { status, callType: "outbound" }))).toBe(JSON.stringify(calls));
  });

  test("a status the seeded calls never have is still given, on valid calls otherwise", () => {
    const calls = buildCalls(3, { status: "ringing" as never });
    expect(calls.map((call) => call.status)).toEqual(["ringing", "ringing", "ringing"]);
  });

  test("refuses a count that is not a whole number, and one callId for many calls", () => {
    expect(() => buildCalls(-1)).toThrow("buildCalls: count must be a whole number of 0 or more, got -1");
    expect(() => buildCalls(2, { callId: "call-1" })).toThrow("would give every call the same id");
    expect(buildCalls(0)).toEqual([]);
  });
});

describe("buildCallListResponse", () => {
  test("by default one full page, valid against the spec", () => {
    const page = buildCallListResponse();
    expectValid("CallListResponse", page);
    expect(page).toMatchObject({
      page: 0,
      size: 10,
      totalCounts: 10,
      totalPages: 1,
      hasNext: false,
      hasPrevious: false,
    });
    expect(page.data).toHaveLength(10);
  });

  test("a middle page and the last, partial page, with the numbers the API documents", () => {
    const middle = buildCallListResponse({ page: 1, size: 5, totalCounts: 12 });
    const last = buildCallListResponse({ page: 2, size: 5, totalCounts: 12 });
    expectValid("CallListResponse", middle);
    expectValid("CallListResponse", last);
    expect(middle).toMatchObject({ totalPages: 3, hasNext: true, hasPrevious: true });
    expect(middle.data).toHaveLength(5);
    expect(last).toMatchObject({ totalPages: 3, hasNext: false, hasPrevious: true });
    expect(last.data).toHaveLength(2);
    const ids = [...middle.data, ...last.data].map((call) => call.callId);
    expect(new Set(ids).size).toBe(7);
  });

  test("an empty listing, and a page past the end", () => {
    expect(buildCallListResponse({ totalCounts: 0 })).toMatchObject({ data: [], totalPages: 0, hasNext: false });
    expect(buildCallListResponse({ page: 9, size: 5, totalCounts: 12 })).toMatchObject({ data: [], hasNext: false });
  });

  test("takes the caller's calls, and refuses numbers that cannot hold them", () => {
    const data = [buildCall({ status: "ended" }), buildCall({ status: "scheduled" })];
    expect(buildCallListResponse({ data, size: 2, totalCounts: 5 })).toMatchObject({ data, hasNext: true });
    expect(() => buildCallListResponse({ data, size: 1 })).toThrow(
      "buildCallListResponse: page 0 of size 1 with totalCounts 2 holds 1 calls, but data has 2",
    );
    expect(() => buildCallListResponse({ size: 0 })).toThrow("size must be a whole number of 1 or more, got 0");
    expect(() => buildCallListResponse({ page: 2_147_483_647, size: 10, totalCounts: 2 ** 40 })).toThrow(
      /needs 21474836480 seeded calls generated, more than 100000; pass data/,
    );
  });
});
