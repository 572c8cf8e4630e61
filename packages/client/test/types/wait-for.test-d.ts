import { describe, expectTypeOf, test } from "vitest";
import {
  type APIPromise,
  type Call,
  type CallStatus,
  SigmaMind,
  type WaitForCallOptions,
  type WaitTimeoutError,
} from "../../src/index.js";

const client = new SigmaMind({ apiKey: "k" });

describe("calls.waitFor types", () => {
  test("resolves with a call, and gives the response like every method", () => {
    expectTypeOf(client.calls.waitFor("call-1")).toEqualTypeOf<APIPromise<Call>>();
    expectTypeOf(client.calls.waitFor).parameter(0).toEqualTypeOf<string>();
  });

  test("until takes call statuses, known or not, in a read-only array too", () => {
    expectTypeOf<NonNullable<WaitForCallOptions["until"]>>().toEqualTypeOf<readonly CallStatus[]>();
    const statuses = ["in-progress", "voicemail-left"] as const;
    client.calls.waitFor("call-1", { until: statuses, timeoutMs: 60_000, pollIntervalMs: 500 });
    // @ts-expect-error until is an array of statuses, not one status
    client.calls.waitFor("call-1", { until: "ended" });
    // @ts-expect-error the per-attempt options of get are not waitFor's
    client.calls.waitFor("call-1", { maxRetries: 0 });
  });

  test("the timeout error carries the last call seen, if a poll was answered, and its status", () => {
    expectTypeOf<WaitTimeoutError["call"]>().toEqualTypeOf<Call | undefined>();
    expectTypeOf<WaitTimeoutError["status"]>().toEqualTypeOf<CallStatus | undefined>();
  });
});
