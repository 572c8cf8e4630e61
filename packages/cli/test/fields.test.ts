// --fields: the same fields, in the order given, whatever the format: the columns of a table or a CSV, the keys
// of each call's JSON, the rows of `calls get`.
import type {} from "@sigmamind/mock/vitest";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { type FakeApi, pagedCalls, startFakeApi } from "./support/fake-api.js";
import { listWhileGated } from "./support/gated-listing.js";
import { parseCsv } from "./support/parse-csv.js";
import { linesOf } from "./support/run-cli.js";
import { runInProcess } from "./support/run-in-process.js";

const mockUrl = inject("sigmamindMockUrl");
const list = (...args: string[]) => runInProcess(["calls", "list", "--base-url", mockUrl, ...args]);
const get = (...args: string[]) =>
  runInProcess(["calls", "get", "call-AuUKK371Spr5nHJS", "--base-url", mockUrl, ...args]);
const onTerminal = { terminal: { stdout: true } } as const;

// Three pages of two calls, as a server that really pages serves them; fakeCall has no number and no campaign.
let paged: FakeApi;
beforeAll(async () => {
  paged = await startFakeApi(pagedCalls(3, 2));
});
afterAll(() => paged.close());
const listAll = (...args: string[]) =>
  runInProcess(["calls", "list", "--all", "--size", "2", "--base-url", paged.url, ...args]);
const PAGED_IDS = ["call-0-0", "call-0-1", "call-1-0", "call-1-1", "call-2-0", "call-2-1"];

const KNOWN =
  "callId, callType, status, startTime, endTime, duration, terminationReason, phoneNumber, agentId, agentName, campaignId, createdAt";

describe("calls list --fields: one page", () => {
  test("table on a terminal: those columns, in that order, under their titles", async () => {
    const { code, stdout, stderr } = await runInProcess(
      ["calls", "list", "--base-url", mockUrl, "--fields", "status,callId,duration"],
      onTerminal,
    );
    expect([code, stderr]).toEqual([0, ""]);
    const [header, row] = linesOf(stdout);
    expect(header).toMatch(/^STATUS\s+CALL ID\s+SECONDS$/);
    expect(row).toMatch(/^ended\s+call-AuUKK371Spr5nHJS\s+120$/);
    expect(row?.indexOf("call-AuUKK371Spr5nHJS")).toBe(header?.indexOf("CALL ID"));
    expect(row?.indexOf("120")).toBe(header?.indexOf("SECONDS"));
  });

  test("table on a terminal: every field has a title, the nested ones too", async () => {
    const { stdout } = await runInProcess(
      [
        "calls",
        "list",
        "--base-url",
        mockUrl,
        "--fields",
        "agentId,agentName,campaignId,phoneNumber,terminationReason,startTime,endTime,callType,createdAt",
      ],
      onTerminal,
    );
    const [header, row] = linesOf(stdout);
    expect(header).toMatch(/^AGENT ID\s+AGENT\s+CAMPAIGN\s+NUMBER\s+ENDED BECAUSE\s+STARTED\s+ENDED\s+TYPE\s+CREATED$/);
    expect(row).toMatch(
      /^D5D0p7TUs66TTAEAx\s+New AI Agent\s+camp-XiQEBcj9cc5TFRB4\s+14155552671\s+inactivity\s+2021-04-20T10:00:00.000Z\s+2021-04-20T10:00:00.000Z\s+inbound\s+2021-04-20T10:00:00.000Z$/,
    );
  });

  test("table into a pipe: those fields, tab-separated, in that order; the page note still on stderr", async () => {
    const { code, stdout, stderr } = await list("--fields", "status,callId");
    expect(code).toBe(0);
    expect(stdout).toBe("ended\tcall-AuUKK371Spr5nHJS\n");
    expect(stderr).toMatch(/^page 0 of 123/);
  });

  test("csv: the field names as the header, in that order", async () => {
    const { code, stdout, stderr } = await list("--format", "csv", "--fields", "callId,phoneNumber,agentName");
    expect([code, stderr]).toEqual([0, ""]);
    expect(parseCsv(stdout)).toEqual([
      ["callId", "phoneNumber", "agentName"],
      ["call-AuUKK371Spr5nHJS", "14155552671", "New AI Agent"],
    ]);
  });

  test("json: the page's envelope as sent, each call in `data` with only those keys, in that order", async () => {
    const { code, stdout, stderr } = await list("--format", "json", "--fields", "status,callId,duration");
    expect([code, stderr]).toEqual([0, ""]);
    const page = JSON.parse(stdout);
    expect(Object.keys(page)).toEqual(["data", "page", "size", "totalCounts", "totalPages", "hasNext", "hasPrevious"]);
    expect(page.totalCounts).toBe(123);
    expect(page.data).toEqual([{ status: "ended", callId: "call-AuUKK371Spr5nHJS", duration: 120 }]);
    expect(Object.keys(page.data[0])).toEqual(["status", "callId", "duration"]);
  });

  test("json: a nested field is the value the API sent at its place (phoneNumber is phoneNumber.sipPhoneNumber)", async () => {
    const { stdout } = await list("--format", "json", "--fields", "agentId,agentName,phoneNumber,campaignId");
    expect(JSON.parse(stdout).data).toEqual([
      {
        agentId: "D5D0p7TUs66TTAEAx",
        agentName: "New AI Agent",
        // The mock's example sends the number as a JSON number: it stays one.
        phoneNumber: 14155552671,
        campaignId: "camp-XiQEBcj9cc5TFRB4",
      },
    ]);
  });

  test("ndjson: a call a line, with only those keys", async () => {
    const { code, stdout, stderr } = await list("--format", "ndjson", "--fields", "callId,createdAt");
    expect([code, stderr]).toEqual([0, ""]);
    expect(stdout).toBe('{"callId":"call-AuUKK371Spr5nHJS","createdAt":"2021-04-20T10:00:00.000Z"}\n');
  });

  test("json: a field the call does not have is null, so every call has every key", async () => {
    const { stdout } = await runInProcess([
      "calls",
      "list",
      "--base-url",
      paged.url,
      "--format",
      "ndjson",
      "--fields",
      "callId,campaignId,phoneNumber,endTime",
    ]);
    expect(linesOf(stdout).map((line) => JSON.parse(line))).toEqual([
      { callId: "call-0-0", campaignId: null, phoneNumber: null, endTime: null },
      { callId: "call-0-1", campaignId: null, phoneNumber: null, endTime: null },
    ]);
  });

  test("spaces around the names are allowed", async () => {
    const { code, stdout } = await list("--format", "ndjson", "--fields", " callId , status ");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ callId: "call-AuUKK371Spr5nHJS", status: "ended" });
  });
});

describe("calls list --all --fields", () => {
  test("ndjson: every call of every page, with only those keys", async () => {
    const { code, stdout, stderr } = await listAll("--format", "ndjson", "--fields", "callId,agentName");
    expect([code, stderr]).toEqual([0, ""]);
    expect(linesOf(stdout).map((line) => JSON.parse(line))).toEqual(
      PAGED_IDS.map((callId) => ({ callId, agentName: "Agent One" })),
    );
  });

  test("json: one array of the selected calls", async () => {
    const { code, stdout } = await listAll("--format", "json", "--fields", "duration,callId");
    expect(code).toBe(0);
    const calls = JSON.parse(stdout);
    expect(calls).toEqual(PAGED_IDS.map((callId) => ({ duration: 7, callId })));
    expect(Object.keys(calls[0])).toEqual(["duration", "callId"]);
  });

  test("csv: the header once, then a row a call", async () => {
    const { code, stdout } = await listAll("--format", "csv", "--fields", "callId,status");
    expect(code).toBe(0);
    expect(parseCsv(stdout)).toEqual([["callId", "status"], ...PAGED_IDS.map((id) => [id, "ended"])]);
  });

  test("table into a pipe: a row a call, then the count on stderr", async () => {
    const { code, stdout, stderr } = await listAll("--fields", "callId,duration");
    expect(code).toBe(0);
    expect(stdout).toBe(PAGED_IDS.map((id) => `${id}\t7\n`).join(""));
    expect(stderr).toBe("6 calls\n");
  });

  test("still streams: the first calls are written before the last pages are served", async () => {
    const { code, stdout, releasedByOutput } = await listWhileGated(
      ["calls", "list", "--all", "--size", "5", "--format", "ndjson", "--fields", "callId"],
      { pages: 6, size: 5, heldFrom: 3 },
    );
    expect(code).toBe(0);
    expect(linesOf(stdout).map((line) => Object.keys(JSON.parse(line)))).toEqual(Array(30).fill(["callId"]));
    expect(releasedByOutput).toEqual([true, true, true]);
  });
});

describe("calls get --fields", () => {
  test("table: the one-call view limited to those fields, in that order", async () => {
    const { code, stdout, stderr } = await get("--fields", "status,duration,agentId,callId");
    expect([code, stderr]).toEqual([0, ""]);
    expect(stdout).toBe(
      ["Status    ended", "Duration  120 s", "Agent ID  D5D0p7TUs66TTAEAx", "Call ID   call-AuUKK371Spr5nHJS", ""].join(
        "\n",
      ),
    );
  });

  test("json: the call with only those keys", async () => {
    const { code, stdout, stderr } = await get("--format", "json", "--fields", "callId,status,agentName,phoneNumber");
    expect([code, stderr]).toEqual([0, ""]);
    expect(JSON.parse(stdout)).toEqual({
      callId: "call-AuUKK371Spr5nHJS",
      status: "ended",
      agentName: "New AI Agent",
      phoneNumber: 14155552671,
    });
  });
});

describe("--fields that cannot be read: usage errors, before anything is sent", () => {
  // This server fails the test if it hears from the CLI.
  let silent: FakeApi;
  beforeAll(async () => {
    silent = await startFakeApi(() => ({ status: 500 }));
  });
  afterAll(() => silent.close());

  test.each([
    [["calls", "list", "--fields", "callId,bogus"], `--fields has an unknown field "bogus"; the fields are ${KNOWN}`],
    [
      ["calls", "list", "--fields", "nope,callId,bad"],
      `--fields has unknown fields "nope", "bad"; the fields are ${KNOWN}`,
    ],
    [["calls", "list", "--fields", "callid"], `--fields has an unknown field "callid" (did you mean "callId"?)`],
    [["calls", "list", "--fields", "callId,status,callId"], '--fields names "callId" twice'],
    [["calls", "list", "--fields", ""], `--fields needs at least one field: ${KNOWN}`],
    [["calls", "list", "--fields", " , "], `--fields has an empty name in " , "; the fields are ${KNOWN}`],
    [["calls", "list", "--fields", "callId,,status"], '--fields has an empty name in "callId,,status"'],
    [["calls", "list", "--all", "--format", "csv", "--fields", "callId,"], '--fields has an empty name in "callId,"'],
    [
      ["calls", "get", "call-1", "--fields", "recordingUrl"],
      `--fields has an unknown field "recordingUrl"; the fields are ${KNOWN}`,
    ],
    [["calls", "get", "call-1", "--format", "json", "--fields", "status,status"], '--fields names "status" twice'],
  ])("sigmamind %j", async (args, message) => {
    const { code, stdout, stderr } = await runInProcess([...args, "--base-url", silent.url]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^sigmamind: [^\n]+ Run 'sigmamind calls (list|get) --help' for usage\.\n$/);
    expect(stderr).toContain(message);
    expect(silent.requests).toEqual([]);
  });
});

describe("--help", () => {
  test.each([["list"], ["get"]])("calls %s --help lists --fields, with an example", async (command) => {
    const { stdout } = await runInProcess(["calls", command, "--help"]);
    expect(stdout).toMatch(/--fields LIST\s+.*callId/);
    expect(stdout).toMatch(/^ {2}sigmamind calls \S+ .*--fields \S+/m);
  });
});
