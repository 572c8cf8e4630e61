// Unit tests of the report's own logic, in-process through MSW: the sums over calls chosen field by field with
// the factories, and what the report does when the API rate-limits it or drops the connection, with the
// sandbox's handlers. No server, no Prism, no waiting: the client's retry waits are recorded instead of slept.
import { APIConnectionError, type ClientOptions, SigmaMind } from "@sigmamind/client";
import { buildCall, buildCallListResponse } from "@sigmamind/mock/factories";
import { sandboxHandlers } from "@sigmamind/mock/msw";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { buildCallReport, CallReportError } from "../src/call-report.js";

// A host that can never resolve (.test is reserved): a request MSW does not answer fails instead of reaching the
// real API, and `onUnhandledRequest: "error"` says which one it was.
const baseUrl = "https://api.sigmamind.test";
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** A client on the MSW handlers whose retry waits are recorded in `waits` and return at once. */
function testClient(options: ClientOptions = {}) {
  const waits: number[] = [];
  const client = new SigmaMind({
    apiKey: "test-key",
    baseUrl,
    sleep: async (milliseconds) => {
      waits.push(milliseconds);
    },
    ...options,
  });
  return { client, waits };
}

describe("buildCallReport's sums", () => {
  test("totals and averages the durations it has, and ranks the termination reasons", async () => {
    const ended = (callId: string, callType: string, duration: number, terminationReason: string) =>
      buildCall({ callId, callType, status: "ended", duration, terminationReason });
    // Distinct ids: the client drops a call it has already seen during one listing.
    const calls = [
      ended("call-1", "outbound", 60, "voicemail"),
      ended("call-2", "outbound", 120, "agent_ended_call"),
      ended("call-3", "web", 30, "agent_ended_call"),
      buildCall({ callId: "call-4", callType: "inbound", status: "in-progress" }),
    ];
    server.use(http.get(`${baseUrl}/v1/calls`, () => HttpResponse.json(buildCallListResponse({ data: calls }))));

    const report = await buildCallReport(testClient().client);

    expect(report).toEqual({
      calls: 4,
      byStatus: { ended: 3, "in-progress": 1 },
      byType: { outbound: 2, web: 1, inbound: 1 },
      totalDurationSeconds: 210,
      // The call still in progress has no duration yet, and does not lower the average.
      averageDurationSeconds: 70,
      terminationReasons: [
        { reason: "agent_ended_call", calls: 2 },
        { reason: "voicemail", calls: 1 },
      ],
    });
  });
});

describe("buildCallReport when the API fails", () => {
  test("waits as long as a 429's Retry-After asks, then reports every call", async () => {
    const sandbox = sandboxHandlers({ baseUrl, calls: 12 });
    server.use(...sandbox.handlers);
    sandbox.failNext({ kind: "rate-limit", retryAfterSeconds: 2 });
    const { client, waits } = testClient();

    const report = await buildCallReport(client);

    expect(waits).toEqual([2_000]);
    expect(report.calls).toBe(12);
  });

  test("a connection reset on every attempt becomes a CallReportError that keeps the client's error", async () => {
    const sandbox = sandboxHandlers({ baseUrl });
    server.use(...sandbox.handlers);
    const { client, waits } = testClient({ maxRetries: 1 });
    sandbox.failNext({ kind: "reset" });
    sandbox.failNext({ kind: "reset" });

    const error = await buildCallReport(client).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(CallReportError);
    expect((error as CallReportError).cause).toBeInstanceOf(APIConnectionError);
    expect(waits).toHaveLength(1);
  });
});
