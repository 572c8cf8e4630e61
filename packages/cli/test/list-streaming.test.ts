// --all against a server that really pages: every call of every page, in order, written as pages arrive.
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type FakeApi, fakeCall, pagedCalls, startFakeApi } from "./support/fake-api.js";
import { listWhileGated } from "./support/gated-listing.js";
import { parseCsv } from "./support/parse-csv.js";
import { linesOf, outputOf, runCli, spawnCli } from "./support/run-cli.js";

const PAGES = 30;
const SIZE = 100;
const expectedIds = Array.from(
  { length: PAGES * SIZE },
  (_, index) => `call-${Math.floor(index / SIZE)}-${index % SIZE}`,
);

let api: FakeApi;
beforeAll(async () => {
  api = await startFakeApi(pagedCalls(PAGES, SIZE));
});
afterAll(() => api.close());

const listAll = (format: string) =>
  runCli(["calls", "list", "--all", "--size", String(SIZE), "--format", format, "--base-url", api.url]);

describe("calls list --all over 30 pages", () => {
  test("ndjson: 3000 calls in order, and stderr stays empty when it is not a terminal", async () => {
    const { code, stdout, stderr } = await listAll("ndjson");
    expect([code, stderr]).toEqual([0, ""]);
    expect(linesOf(stdout).map((line) => JSON.parse(line).callId)).toEqual(expectedIds);
  });

  test("json: one valid array of 3000 calls", async () => {
    const { code, stdout } = await listAll("json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout).map((call: { callId: string }) => call.callId)).toEqual(expectedIds);
  });

  test("csv: a header and 3000 rows", async () => {
    const { code, stdout } = await listAll("csv");
    expect(code).toBe(0);
    const [header, ...rows] = parseCsv(stdout);
    expect(header?.[0]).toBe("callId");
    expect(rows.map((row) => row[0])).toEqual(expectedIds);
  });

  test("table into a pipe: 3000 tab-separated rows, and the count on stderr", async () => {
    const { code, stdout, stderr } = await listAll("table");
    expect(code).toBe(0);
    const lines = linesOf(stdout);
    expect(lines).toHaveLength(PAGES * SIZE);
    expect(lines.map((line) => line.split("\t")[0])).toEqual(expectedIds);
    expect(stderr).toBe("3000 calls\n");
  });

  test("the first calls are written before the last pages are served", async () => {
    const { code, stdout, releasedByOutput } = await listWhileGated(
      ["calls", "list", "--all", "--size", "10", "--format", "ndjson"],
      { pages: 10, size: 10, heldFrom: 5 },
    );
    expect(code).toBe(0);
    expect(linesOf(stdout)).toHaveLength(100);
    expect(releasedByOutput).toEqual([true, true, true, true, true]);
  });

  test("csv quotes a field holding commas, quotes or line breaks (RFC 4180)", async () => {
    const name = 'Ana, "the" agent\nline two';
    const quoting = await startFakeApi(() => ({
      status: 200,
      body: {
        data: [fakeCall("call-q", { agent: { agentId: "agent-q", name } })],
        page: 0,
        size: 1,
        totalCounts: 1,
        totalPages: 1,
        hasNext: false,
        hasPrevious: false,
      },
    }));
    try {
      const { stdout } = await runCli(["calls", "list", "--format", "csv", "--base-url", quoting.url]);
      expect(stdout).toContain('"Ana, ""the"" agent\nline two"');
      expect(parseCsv(stdout)[1]?.[9]).toBe(name);
      const table = await runCli(["calls", "list", "--base-url", quoting.url]);
      // In a table, the line break would tear the row apart: it is blanked, and the name kept whole.
      expect(linesOf(table.stdout)).toHaveLength(1);
      expect(linesOf(table.stdout)[0]?.split("\t")[5]).toBe('Ana, "the" agent line two');
    } finally {
      await quoting.close();
    }
  });
});

describe("where the output goes", () => {
  test("a reader that stops early (| head -1) ends the run quietly, with exit 0", async () => {
    const child = spawnCli([
      "calls",
      "list",
      "--all",
      "--size",
      String(SIZE),
      "--format",
      "ndjson",
      "--base-url",
      api.url,
    ]);
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });

  test("the same through a shell pipeline", async () => {
    // sh has no pipefail: the CLI's own exit status is reported on stderr instead.
    const cli = `"${process.execPath}" dist/main.js calls list --all --size ${SIZE} --format ndjson --base-url ${api.url}`;
    const child = spawn("sh", ["-c", `{ ${cli}; echo "exit status $?" >&2; } | head -1`], {
      cwd: new URL("..", import.meta.url),
      env: { PATH: process.env.PATH, SIGMAMIND_API_KEY: "any-key" },
    });
    const { stdout, stderr } = await outputOf(child);
    expect(JSON.parse(stdout).callId).toBe("call-0-0");
    expect(stderr).toBe("exit status 0\n");
  });
});

describe("calls list --all against a list that grows with every page it sends", () => {
  let growing: FakeApi;
  beforeAll(async () => {
    // totalPages always two ahead of the page asked for, two new calls a page, hasNext: true, forever.
    growing = await startFakeApi(async (request) => {
      const page = Number(request.url.searchParams.get("page") ?? 0);
      return {
        status: 200,
        body: {
          data: [fakeCall(`call-${page}-a`), fakeCall(`call-${page}-b`)],
          page,
          size: 2,
          totalCounts: (page + 2) * 2,
          totalPages: page + 2,
          hasNext: true,
          hasPrevious: page > 0,
        },
      };
    });
  });
  afterAll(() => growing.close());

  test("stops at what the first page promised plus the margin, writes valid output, and says why on stderr", async () => {
    const { code, stdout, stderr } = await runCli([
      "calls",
      "list",
      "--all",
      "--size",
      "2",
      "--format",
      "json",
      "--base-url",
      growing.url,
    ]);
    // Four pages: the first page's 2, and the margin of 2.
    expect(JSON.parse(stdout)).toHaveLength(8);
    expect(growing.requests).toHaveLength(4);
    expect(stderr).toMatch(/grew past what its first page promised/);
    // Every call it got is written, and the run says the listing is incomplete by its status.
    expect(code).toBe(1);
  });
});
