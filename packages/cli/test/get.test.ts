import type {} from "@sigmamind/mock/vitest";
import { describe, expect, inject, test } from "vitest";
import { errorBody, startFakeApi } from "./support/fake-api.js";
import { API_KEY, linesOf } from "./support/run-cli.js";
import { runInProcess } from "./support/run-in-process.js";

const mockUrl = inject("sigmamindMockUrl");

describe("calls get", () => {
  test("table: one call, a field a line", async () => {
    const { code, stdout, stderr } = await runInProcess([
      "calls",
      "get",
      "call-AuUKK371Spr5nHJS",
      "--base-url",
      mockUrl,
    ]);
    expect([code, stderr]).toEqual([0, ""]);
    const fields = Object.fromEntries(linesOf(stdout).map((line) => [line.slice(0, 15).trim(), line.slice(15)]));
    expect(fields).toMatchObject({
      "Call ID": "call-AuUKK371Spr5nHJS",
      Type: "inbound",
      Status: "ended",
      Duration: "120 s",
      Agent: "New AI Agent (D5D0p7TUs66TTAEAx)",
      Variables: "customer_name=Michael",
    });
  });

  test("json: the call as the API sent it", async () => {
    const { code, stdout, stderr } = await runInProcess([
      "calls",
      "get",
      "call-AuUKK371Spr5nHJS",
      "--format",
      "json",
      "--base-url",
      mockUrl,
    ]);
    expect([code, stderr]).toEqual([0, ""]);
    expect(JSON.parse(stdout)).toMatchObject({ callId: "call-AuUKK371Spr5nHJS", status: "ended", duration: 120 });
  });

  test("an unknown id: exit 1, the API's message and what to check", async () => {
    const api = await startFakeApi(() => ({ status: 404, body: errorBody(404, "Not Found", "Call not found") }));
    try {
      const { code, stdout, stderr } = await runInProcess(["calls", "get", "call-gone", "--base-url", api.url]);
      expect(code).toBe(1);
      expect(stdout).toBe("");
      expect(stderr).toBe(
        "sigmamind: 404 Not Found from the SigmaMind API: Call not found. Check the identifier; the resource may have been deleted.\n",
      );
      expect(api.requests.map((request) => [request.method, request.url.pathname])).toEqual([
        ["GET", "/v1/calls/call-gone"],
      ]);
      expect(api.requests[0]?.headers["x-api-key"]).toBe(API_KEY);
    } finally {
      await api.close();
    }
  });
});
