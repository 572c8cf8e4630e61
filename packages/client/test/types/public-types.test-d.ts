import { describe, expectTypeOf, test } from "vitest";
import {
  type Call,
  type CallListResponse,
  type CallStatus,
  type CallsPage,
  type CallsPagePromise,
  type CreateCallParams,
  type ListCallsParams,
  type RateLimitError,
  SigmaMind,
} from "../../src/index.js";

const client = new SigmaMind({ apiKey: "k" });

describe("public types", () => {
  test("awaiting list gives a page with the envelope and the page helpers", () => {
    expectTypeOf(client.calls.list()).toEqualTypeOf<CallsPagePromise>();
    expectTypeOf<Awaited<CallsPagePromise>>().toEqualTypeOf<CallsPage>();
    expectTypeOf<CallsPage>().toExtend<CallListResponse>();
    expectTypeOf<CallsPage["hasNextPage"]>().returns.toEqualTypeOf<boolean>();
    expectTypeOf<CallsPage["getNextPage"]>().returns.resolves.toEqualTypeOf<CallsPage>();
  });

  test("iterating list yields calls", () => {
    expectTypeOf<CallsPagePromise>().toExtend<AsyncIterable<Call>>();
  });

  test("known enum values autocomplete and unknown strings still type-check", () => {
    expectTypeOf<"ended">().toExtend<CallStatus>();
    expectTypeOf<"archived-by-new-server">().toExtend<CallStatus>();
    expectTypeOf<CallStatus>().not.toEqualTypeOf<string>();
    expectTypeOf<ListCallsParams["status"]>().toEqualTypeOf<CallStatus | undefined>();
  });

  test("list parameters are all optional numbers and a status", () => {
    expectTypeOf<ListCallsParams>().toEqualTypeOf<{ status?: CallStatus; page?: number; size?: number }>();
    // @ts-expect-error page is a number, not a string
    client.calls.list({ page: "1" });
  });

  test("create requires the two numbers and the agent", () => {
    expectTypeOf<CreateCallParams>().toHaveProperty("fromPhoneNumber").toEqualTypeOf<string>();
    // @ts-expect-error agentId is required
    client.calls.create({ fromPhoneNumber: "+14155552671", toPhoneNumber: "+14155550123" });
    expectTypeOf(client.calls.create).returns.resolves.toEqualTypeOf<Call>();
  });

  test("get and delete take a call id and per-call options", () => {
    expectTypeOf(client.calls.get).parameter(0).toEqualTypeOf<string>();
    expectTypeOf(client.calls.delete).returns.resolves.toEqualTypeOf<void>();
    client.calls.get("call-1", { timeoutMs: 1_000, maxRetries: 0, signal: AbortSignal.timeout(5_000), headers: {} });
    // @ts-expect-error an unknown option is a type error too
    client.calls.get("call-1", { timeout: 1_000 });
  });

  test("errors carry what callers branch on", () => {
    expectTypeOf<RateLimitError["retryAfterMs"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<RateLimitError["status"]>().toEqualTypeOf<number>();
  });

  test("the raw client is typed by the spec", async () => {
    const { data } = await client.raw.GET("/v1/calls", { params: { query: { size: 5 } } });
    // openapi-fetch's Readable<> widens open enums to string there, so only this direction holds.
    expectTypeOf<CallListResponse>().toExtend<NonNullable<typeof data>>();
    expectTypeOf<NonNullable<typeof data>["data"][number]["callId"]>().toEqualTypeOf<string>();
  });
});
