// Contract tests of this app against the SigmaMind mock, which serves the spec's examples: the same spec the real
// API is held to, no key, no network.
import { AuthenticationError, InternalServerError, SigmaMind } from "@sigmamind/client";
import { mockUrl } from "@sigmamind/mock/vitest/mock-url";
import { describe, expect, test } from "vitest";
import { buildCallReport, CallReportError } from "../src/call-report.js";

// Fails here, rather than sending the tests to the production API, if the config's global setup is missing.
const baseUrl = mockUrl();

/** A client on the mock; `prefer` steers the mock's answer for every request it makes. */
function mockClient(prefer?: string) {
  return new SigmaMind({
    apiKey: "any-key-works-on-the-mock",
    baseUrl,
    maxRetries: 0,
    ...(prefer && { headers: { Prefer: prefer } }),
  });
}

describe("buildCallReport against the mock", () => {
  test("sums up the calls the API documents", async () => {
    const report = await buildCallReport(mockClient(), { maxCalls: 1 });
    expect(report).toEqual({
      calls: 1,
      byStatus: { ended: 1 },
      byType: { inbound: 1 },
      totalDurationSeconds: 120,
      averageDurationSeconds: 120,
      terminationReasons: [{ reason: "inactivity", calls: 1 }],
    });
  });

  test("handles any response the contract allows (generated, seeded)", async () => {
    for (const seed of ["a", "b", "c", "d", "e"]) {
      const report = await buildCallReport(mockClient(`dynamic=true, seed=report-${seed}`), { maxCalls: 500 });
      expect(report.calls).toBeGreaterThanOrEqual(0);
      const counted = Object.values(report.byStatus).reduce((sum, calls) => sum + calls, 0);
      expect(counted, `seed report-${seed}`).toBe(report.calls);
    }
  });

  test("a rejected key becomes a CallReportError that keeps the API's error", async () => {
    const error = await buildCallReport(mockClient("code=401")).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CallReportError);
    expect((error as CallReportError).cause).toBeInstanceOf(AuthenticationError);
  });

  test("a server failure is reported the same way", async () => {
    const error = await buildCallReport(mockClient("code=500")).catch((caught: unknown) => caught);
    expect((error as CallReportError).cause).toBeInstanceOf(InternalServerError);
  });
});
