import type {} from "@sigmamind/mock/vitest";
import { describe, expect, inject, test } from "vitest";
import { errorBody, startFakeApi } from "./support/fake-api.js";
import { runInProcess } from "./support/run-in-process.js";

const mockUrl = inject("sigmamindMockUrl");

describe("calls delete", () => {
  test("deletes the call and says so", async () => {
    const { code, stdout, stderr } = await runInProcess([
      "calls",
      "delete",
      "call-AuUKK371Spr5nHJS",
      "--yes",
      "--base-url",
      mockUrl,
    ]);
    expect([code, stderr]).toEqual([0, ""]);
    expect(stdout).toBe("Deleted call call-AuUKK371Spr5nHJS.\n");
  });

  test("sends DELETE for the id, URL-encoded; an unknown id exits 1", async () => {
    const api = await startFakeApi(() => ({ status: 404, body: errorBody(404, "Not Found", "Call not found") }));
    try {
      const { code, stdout, stderr } = await runInProcess([
        "calls",
        "delete",
        "call/1",
        "--yes",
        "--base-url",
        api.url,
      ]);
      expect(code).toBe(1);
      expect(stdout).toBe("");
      expect(stderr).toMatch(/^sigmamind: 404 Not Found from the SigmaMind API: Call not found\. Check the identifier/);
      expect(api.requests.map((request) => [request.method, request.url.pathname])).toEqual([
        ["DELETE", "/v1/calls/call%2F1"],
      ]);
    } finally {
      await api.close();
    }
  });
});
