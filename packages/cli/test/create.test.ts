import type {} from "@sigmamind/mock/vitest";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { type FakeApi, fakeCall, startFakeApi } from "./support/fake-api.js";
import { linesOf } from "./support/run-cli.js";
import { runInProcess } from "./support/run-in-process.js";

const mockUrl = inject("sigmamindMockUrl");
// --yes: without a terminal to confirm on, a call is placed only when the command line says so.
const CALL = ["--from", "+14155552671", "--to", "+14155550123", "--agent", "D5D0p7TUs66TTAEAx", "--yes"];

let api: FakeApi;
beforeAll(async () => {
  api = await startFakeApi(() => ({ status: 200, body: fakeCall("call-new", { status: "scheduled" }) }));
});
afterAll(() => api.close());

/** Runs create against the recording server and returns the body it received. */
async function sentBody(...flags: string[]) {
  const before = api.requests.length;
  const { code, stderr } = await runInProcess(["calls", "create", ...CALL, ...flags, "--base-url", api.url]);
  expect([code, stderr]).toEqual([0, ""]);
  const requests = api.requests.slice(before);
  expect(requests.map((request) => [request.method, request.url.pathname])).toEqual([["POST", "/v1/calls"]]);
  return JSON.parse(requests[0]?.body ?? "");
}

describe("calls create", () => {
  test("sends the numbers, the agent and every --var as a string in dynamicVariables", async () => {
    const body = await sentBody(
      "--var",
      "customer_name=Michael",
      "--var",
      "visits=3",
      "--var",
      "note=a=b",
      "--var",
      "empty=",
    );
    expect(body).toEqual({
      fromPhoneNumber: "+14155552671",
      toPhoneNumber: "+14155550123",
      agentId: "D5D0p7TUs66TTAEAx",
      dynamicVariables: { customer_name: "Michael", visits: "3", note: "a=b", empty: "" },
    });
  });

  test("without --var, sends no dynamicVariables at all", async () => {
    expect(await sentBody()).toEqual({
      fromPhoneNumber: "+14155552671",
      toPhoneNumber: "+14155550123",
      agentId: "D5D0p7TUs66TTAEAx",
    });
  });

  test("table: the created call", async () => {
    const { code, stdout, stderr } = await runInProcess(["calls", "create", ...CALL, "--base-url", mockUrl]);
    expect([code, stderr]).toEqual([0, ""]);
    expect(linesOf(stdout)[0]).toMatch(/^Call ID\s+call_AuUKK371Spr5nHJS$/);
    expect(stdout).toMatch(/^Status\s+scheduled$/m);
  });

  test("json: the created call as the API sent it", async () => {
    const { code, stdout } = await runInProcess([
      "calls",
      "create",
      ...CALL,
      "--format",
      "json",
      "--base-url",
      mockUrl,
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ callId: "call_AuUKK371Spr5nHJS", status: "scheduled" });
  });
});
