// A call whose values nest 100,000 levels deep (a server's bug, or an attack): no output format may crash half-way
// and leave broken output. The command fails before writing the call, and what it already wrote stays valid.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type FakeApi, fakeCall, startFakeApi } from "./support/fake-api.js";
import { runInProcess } from "./support/run-in-process.js";

const DEPTH = 100_000;
/** A call's JSON with `dynamicVariables.deep` nested DEPTH arrays deep. */
function deepCallText(id: string): string {
  const call = JSON.stringify(fakeCall(id, { dynamicVariables: { deep: "HOLE" } }));
  return call.replace('"HOLE"', `${"[".repeat(DEPTH)}${"]".repeat(DEPTH)}`);
}
const page = (calls: string[], hasNext = false, number = 0) =>
  `{"data":[${calls.join(",")}],"page":${number},"size":2,"totalCounts":3,"totalPages":2,"hasNext":${hasNext},"hasPrevious":${number > 0}}`;

let api: FakeApi;
beforeAll(async () => {
  api = await startFakeApi((request) => {
    const json = { "content-type": "application/json" };
    if (request.url.pathname === "/v1/calls/call-deep")
      return { status: 200, text: deepCallText("call-deep"), headers: json };
    // Page 0: a plain call; page 1: a plain call, then the deep one.
    const number = Number(request.url.searchParams.get("page") ?? 0);
    const calls =
      number === 0
        ? [JSON.stringify(fakeCall("call-1"))]
        : [JSON.stringify(fakeCall("call-2")), deepCallText("call-deep")];
    return { status: 200, text: page(calls, number === 0, number), headers: json };
  });
});
afterAll(() => api.close());

const env = { SIGMAMIND_API_KEY: "sk-test-deep-values-01" };
const MESSAGE =
  /^sigmamind: call call-deep nests its values more than 1000 levels deep, which no output of the CLI shows: it was not written\./;

describe("a call nested 100,000 levels deep", () => {
  test.each(["json", "table"])("calls get --format %s fails before writing", async (format) => {
    const { code, stdout, stderr } = await runInProcess(
      ["calls", "get", "call-deep", "--base-url", api.url, "--format", format],
      { env },
    );
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(MESSAGE);
  });

  test.each(["json", "ndjson", "table", "csv"])(
    "calls list --page 1 --format %s fails before writing",
    async (format) => {
      const { code, stdout, stderr } = await runInProcess(
        ["calls", "list", "--page", "1", "--base-url", api.url, "--format", format],
        { env },
      );
      expect(code).toBe(1);
      expect(stdout).toBe("");
      expect(stderr).toMatch(MESSAGE);
    },
  );

  test("calls list --all --format json stops at it with the array closed: what was written parses", async () => {
    const { code, stdout, stderr } = await runInProcess(
      ["calls", "list", "--all", "--base-url", api.url, "--format", "json"],
      { env },
    );
    expect(code).toBe(1);
    expect(JSON.parse(stdout).map((call: { callId: string }) => call.callId)).toEqual(["call-1", "call-2"]);
    expect(stderr).toMatch(MESSAGE);
  });

  test("calls list --all --format ndjson ends with whole lines", async () => {
    const { code, stdout } = await runInProcess(
      ["calls", "list", "--all", "--base-url", api.url, "--format", "ndjson"],
      { env },
    );
    expect(code).toBe(1);
    expect(
      stdout
        .trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line).callId),
    ).toEqual(["call-1", "call-2"]);
  });
});
