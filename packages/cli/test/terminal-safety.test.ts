// Text from the server never drives the terminal: escape sequences and control characters in a call, a page's
// numbers or an error message are removed before they are shown to a person.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { errorBody, type FakeApi, fakeCall, startFakeApi } from "./support/fake-api.js";
import { parseCsv } from "./support/parse-csv.js";
import { runInProcess } from "./support/run-in-process.js";

const CLEAR_SCREEN = "\u001b[2J";
const RED = "\u001b[31m";
const SET_TITLE = "\u001b]0;owned\u0007";
const EIGHT_BIT_CSI = "\u009b2J";
// Anything that would reach a terminal as a control: C0, DEL and C1, the Unicode separators and bidi controls.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

// Reorders what a terminal shows, as in "Trojan source": the agent's name could read as another.
const RIGHT_TO_LEFT_OVERRIDE = "\u202e";
const LINE_SEPARATOR = "\u2028";
const hostileCall = fakeCall("call-1", {
  status: `${CLEAR_SCREEN}ended`,
  agent: {
    agentId: "agent-1",
    name: `${RED}Ana${SET_TITLE}${EIGHT_BIT_CSI}${RIGHT_TO_LEFT_OVERRIDE}${LINE_SEPARATOR}`,
  },
  terminationReason: "hang\u0007up\u001bc",
});

let api: FakeApi;
beforeAll(async () => {
  api = await startFakeApi((request) => {
    if (request.url.pathname === "/v1/calls/call-1") return { status: 200, body: hostileCall };
    if (request.url.pathname === "/v1/calls/call-bad") {
      return {
        status: 400,
        // A header is sent as Latin-1, so the 8-bit CSI (byte 0x9b) gets through where ESC would not.
        headers: { "x-request-id": `req-${EIGHT_BIT_CSI}` },
        body: errorBody(400, "Bad Request", `no${CLEAR_SCREEN} such${SET_TITLE} call`),
      };
    }
    const numbersAreText = request.url.searchParams.get("status") === "numbers-as-text";
    return {
      status: 200,
      body: {
        data: [hostileCall],
        page: 0,
        size: 1,
        totalCounts: numbersAreText ? `${SET_TITLE}7` : 7,
        totalPages: numbersAreText ? CLEAR_SCREEN : 3,
        hasNext: true,
        hasPrevious: false,
      },
    };
  });
});
afterAll(() => api.close());

const run = (args: string[], terminal = true) => runInProcess([...args, "--base-url", api.url], { terminal });

describe("on a terminal", () => {
  test("a table row shows the text around escape sequences, and no control character", async () => {
    const { code, stdout } = await run(["calls", "list"]);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(CONTROL);
    const row = stdout.split("\n")[1] ?? "";
    expect(row).toMatch(/^call-1\s+outbound\s+ended\s+7\s+Ana\s/);
    expect(row).not.toContain("[2J");
    expect(row).not.toContain("owned");
    expect(row).not.toMatch(/[\u202e\u2028]/);
  });

  test("the page footer is made of the server's numbers", async () => {
    const { stdout } = await run(["calls", "list"]);
    const footer = stdout.trimEnd().split("\n").at(-1);
    expect(footer).toBe("page 0 of 3 (counting from 0), 7 calls in all. Next: --page 1; every call: --all");
  });

  test("page numbers sent as text with escape sequences are refused, and none reaches the terminal", async () => {
    const { code, stdout, stderr } = await run(["calls", "list", "--status", "numbers-as-text"]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/breaks the API contract at totalCounts: must be a number/);
    expect(stderr.trimEnd()).not.toMatch(CONTROL);
  });

  test("one call's details", async () => {
    const { code, stdout } = await run(["calls", "get", "call-1"]);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(CONTROL);
    expect(stdout).toMatch(/^Status +ended$/m);
    expect(stdout).toMatch(/^Agent +Ana {3}\(agent-1\)$/m);
    expect(stdout).toMatch(/^Ended because +hang up$/m);
  });

  test("csv", async () => {
    const { stdout } = await run(["calls", "list", "--format", "csv"]);
    expect(stdout.replaceAll("\r\n", "")).not.toMatch(CONTROL);
    expect(parseCsv(stdout)[1]?.[9]).toBe("Ana  ");
  });

  test("an error message and request id from the server, with or without --debug", async () => {
    for (const debug of [[], ["--debug"]]) {
      const { code, stderr } = await run(["calls", "get", "call-bad", "--max-retries", "0", ...debug]);
      expect(code).toBe(1);
      expect(stderr.replaceAll("\n", "")).not.toMatch(CONTROL);
      expect(stderr).toMatch(
        /^sigmamind: 400 Bad Request from the SigmaMind API: no such call\. .* Request id: req-\.$/m,
      );
    }
  });
});

describe("into a file or a pipe", () => {
  test("csv keeps the server's text as it was sent", async () => {
    const { stdout } = await run(["calls", "list", "--format", "csv"], false);
    expect(parseCsv(stdout)[1]?.[9]).toBe(hostileCall.agent.name);
  });

  test.each([
    [["calls", "get", "call-1", "--format", "json"], (out: string) => JSON.parse(out)],
    [["calls", "list", "--format", "json"], (out: string) => JSON.parse(out).data[0]],
    [["calls", "list", "--all", "--format", "json"], (out: string) => JSON.parse(out)[0]],
    [["calls", "list", "--format", "ndjson"], (out: string) => JSON.parse(out)],
  ])(
    "%j escapes C1 controls as well (JSON.stringify leaves them raw), and reads back the same",
    async (args, callIn) => {
      const { stdout } = await run(args, false);
      expect(stdout).not.toMatch(CONTROL);
      expect(callIn(stdout).agent.name).toBe(hostileCall.agent.name);
    },
  );
});
