// Where the key comes from: SIGMAMIND_API_KEY, --api-key-file (a file, or stdin with "-"), or --api-key, which
// shows in shell history and `ps` and earns a warning. However it comes, it is never printed.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { errorBody, type FakeApi, startFakeApi } from "./support/fake-api.js";
import { runCli } from "./support/run-cli.js";
import { runInProcess } from "./support/run-in-process.js";

const FILE_KEY = "sk-file-7e3a9c5d1f2b4806";
const noEnvKey = { SIGMAMIND_API_KEY: undefined };
const WARNING =
  "sigmamind: warning: --api-key shows the key in shell history and `ps`; set SIGMAMIND_API_KEY or use --api-key-file instead.\n";

let api: FakeApi;
let directory: string;
beforeAll(async () => {
  api = await startFakeApi(() => ({
    status: 200,
    body: { data: [], page: 0, size: 10, totalCounts: 0, totalPages: 0, hasNext: false, hasPrevious: false },
  }));
  directory = mkdtempSync(join(tmpdir(), "sigmamind-key-"));
});
afterAll(async () => {
  await api.close();
  rmSync(directory, { recursive: true, force: true });
});

function keyFile(name: string, content: string): string {
  const path = join(directory, name);
  writeFileSync(path, content);
  return path;
}

/** Lists calls with these flags and returns the key the server received. */
async function keySent(flags: string[], options: Parameters<typeof runInProcess>[1] = {}) {
  const before = api.requests.length;
  const result = await runInProcess(["calls", "list", "--format", "json", "--base-url", api.url, ...flags], {
    ...options,
    env: { ...noEnvKey, ...options.env },
  });
  expect(result.code).toBe(0);
  const requests = api.requests.slice(before);
  expect(requests).toHaveLength(1);
  return { key: requests[0]?.headers["x-api-key"], stderr: result.stderr, stdout: result.stdout };
}

describe("--api-key", () => {
  test("is used, with a one-line warning on stderr that says what to use instead", async () => {
    const { key, stderr } = await keySent(["--api-key", FILE_KEY]);
    expect(key).toBe(FILE_KEY);
    expect(stderr).toBe(WARNING);
  });

  test("SIGMAMIND_API_KEY gives no warning", async () => {
    const { key, stderr } = await keySent([], { env: { SIGMAMIND_API_KEY: FILE_KEY } });
    expect([key, stderr]).toEqual([FILE_KEY, ""]);
  });
});

describe("--api-key-file", () => {
  test("reads the key from a file, without its line break, and gives no warning", async () => {
    const { key, stderr } = await keySent(["--api-key-file", keyFile("key", `${FILE_KEY}\n`)]);
    expect([key, stderr]).toEqual([FILE_KEY, ""]);
  });

  test('"-" reads the key from stdin', async () => {
    const { key, stderr } = await keySent(["--api-key-file", "-"], { stdin: `${FILE_KEY}\r\n` });
    expect([key, stderr]).toEqual([FILE_KEY, ""]);
  });

  test("wins over SIGMAMIND_API_KEY", async () => {
    const { key } = await keySent(["--api-key-file", keyFile("key", FILE_KEY)], {
      env: { SIGMAMIND_API_KEY: "sk-env-0000000000000000" },
    });
    expect(key).toBe(FILE_KEY);
  });

  test('"-" from a real pipe, in a real process', async () => {
    const before = api.requests.length;
    const { code, stderr } = await runCli(
      ["calls", "list", "--format", "json", "--api-key-file", "-", "--base-url", api.url],
      { ...noEnvKey },
      `${FILE_KEY}\n`,
    );
    expect([code, stderr]).toEqual([0, ""]);
    expect(api.requests.slice(before).map((request) => request.headers["x-api-key"])).toEqual([FILE_KEY]);
  });

  test("a key read from a file is redacted from what is printed, even with --debug", async () => {
    const echoing = await startFakeApi((request) => ({
      status: 401,
      headers: { "x-echo-key": String(request.headers["x-api-key"]) },
      body: errorBody(401, "Unauthorized", `API key ${String(request.headers["x-api-key"])} is not valid`),
    }));
    try {
      const { code, stdout, stderr } = await runInProcess(
        ["calls", "get", "call-1", "--debug", "--api-key-file", "-", "--base-url", echoing.url],
        { env: noEnvKey, stdin: FILE_KEY },
      );
      expect(code).toBe(1);
      expect(stderr).toContain("[redacted]");
      expect(stdout + stderr).not.toContain(FILE_KEY);
    } finally {
      await echoing.close();
    }
  });
});

describe("a key that cannot be read is a usage error naming the flag, and nothing is sent", () => {
  test.each([
    ["an empty file", () => ["--api-key-file", keyFile("empty", "\n")], {}, /--api-key-file .*empty.* is empty/],
    ["empty stdin", () => ["--api-key-file", "-"], { stdin: "" }, /--api-key-file -: stdin is empty/],
    [
      "a missing file",
      () => ["--api-key-file", join(directory, "missing")],
      {},
      /--api-key-file cannot read .*missing.*: no such file/,
    ],
    ["a directory", () => ["--api-key-file", directory], {}, /--api-key-file cannot read .*: it is a directory/],
    [
      "a file larger than any key",
      () => ["--api-key-file", keyFile("large", `${FILE_KEY}\n`.repeat(100_000))],
      {},
      /--api-key-file .*large.* holds more than 4096 bytes, more than any API key: point it at a file that holds only the key/,
    ],
    [
      "a file that never ends",
      () => ["--api-key-file", "/dev/zero"],
      {},
      /--api-key-file "\/dev\/zero" holds more than 4096 bytes/,
    ],
    [
      "stdin larger than any key",
      () => ["--api-key-file", "-"],
      { stdin: "k".repeat(5000) },
      /--api-key-file -: stdin holds more than 4096 bytes, more than any API key: pipe in only the key/,
    ],
    [
      "stdin that is a terminal",
      () => ["--api-key-file", "-"],
      { terminal: true },
      /--api-key-file - reads the key from a pipe, and stdin is a terminal/,
    ],
    [
      "--api-key with it",
      () => ["--api-key", FILE_KEY, "--api-key-file", keyFile("key", FILE_KEY)],
      {},
      /--api-key and --api-key-file cannot be used together/,
    ],
  ])("%s", async (_, flags, options, message) => {
    const before = api.requests.length;
    const { code, stdout, stderr } = await runInProcess(
      ["calls", "list", "--format", "json", "--base-url", api.url, ...flags()],
      { env: noEnvKey, ...options },
    );
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(/^sigmamind: [^\n]+\n$/);
    expect(stderr).not.toContain(FILE_KEY);
    expect(api.requests.length).toBe(before);
  });
});

describe("--api-key-file - in a real process", () => {
  test("reads no more than the limit of a pipe that holds megabytes, and says so", async () => {
    const before = api.requests.length;
    const { code, stdout, stderr } = await runCli(
      ["calls", "list", "--format", "json", "--base-url", api.url, "--api-key-file", "-"],
      noEnvKey,
      "k".repeat(8 * 1024 * 1024),
    );
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/--api-key-file -: stdin holds more than 4096 bytes/);
    expect(api.requests.length).toBe(before);
  });
});
