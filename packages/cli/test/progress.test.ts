// Progress is for a person at a terminal; stdout carries the data alone.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type FakeApi, fakeCall, startFakeApi } from "./support/fake-api.js";
import { linesOf, runCli } from "./support/run-cli.js";
import { cliCommand, hasScript } from "./support/terminal.js";

// Three pages of two calls that end as the API's do, with hasNext false on the last.
let api: FakeApi;
beforeAll(async () => {
  api = await startFakeApi((request) => {
    const page = Number(request.url.searchParams.get("page") ?? 0);
    const data = [fakeCall(`call-${page * 2}`), fakeCall(`call-${page * 2 + 1}`)];
    const body = { data, page, size: 2, totalCounts: 6, totalPages: 3, hasNext: page < 2, hasPrevious: page > 0 };
    return { status: 200, body };
  });
});
afterAll(() => api.close());
const callIds = ["call-0", "call-1", "call-2", "call-3", "call-4", "call-5"];

describe("progress", () => {
  test("none when stderr is not a terminal: stdout holds the data and nothing else", async () => {
    const { code, stdout, stderr } = await runCli([
      "calls",
      "list",
      "--all",
      "--format",
      "ndjson",
      "--base-url",
      api.url,
    ]);
    expect([code, stderr]).toEqual([0, ""]);
    expect(stdout).not.toContain("\r");
    expect(linesOf(stdout).map((line) => JSON.parse(line).callId)).toEqual(callIds);
  });

  test.skipIf(!hasScript)("on a terminal's stderr while stdout goes to a file, and never into the file", async () => {
    const directory = mkdtempSync(join(tmpdir(), "sigmamind-cli-"));
    try {
      const file = join(directory, "calls.ndjson");
      const command = `${cliCommand(["calls", "list", "--all", "--format", "ndjson", "--base-url", api.url])} > "${file}"`;
      // Asynchronously: the API answering the CLI runs in this process.
      const { stdout: terminal } = await promisify(execFile)("script", ["-qec", command, "/dev/null"], {
        env: { PATH: process.env.PATH, SIGMAMIND_API_KEY: "any-key" },
        encoding: "utf8",
      });
      expect(terminal).toContain("6 calls");
      expect(readFileSync(file, "utf8")).not.toContain("call\r");
      expect(linesOf(readFileSync(file, "utf8")).map((line) => JSON.parse(line).callId)).toEqual(callIds);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
