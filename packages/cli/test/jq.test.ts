// --jq: the JSON the command would print, through the embedded jq, as gh does: strings raw, other values as JSON;
// an expression jq cannot compile is refused before any request, and jq's own message says where it is wrong.
import { readdirSync, readFileSync } from "node:fs";
import type {} from "@sigmamind/mock/vitest";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { type FakeApi, fakeCall, pagedCalls, startFakeApi } from "./support/fake-api.js";
import { linesOf, runCli } from "./support/run-cli.js";
import { runInProcess } from "./support/run-in-process.js";

const mockUrl = inject("sigmamindMockUrl");
const list = (...args: string[]) => runInProcess(["calls", "list", "--base-url", mockUrl, ...args]);
const get = (...args: string[]) =>
  runInProcess(["calls", "get", "call-AuUKK371Spr5nHJS", "--base-url", mockUrl, ...args]);

let paged: FakeApi;
// Fails the test if it hears from the CLI: what is refused is refused before sending.
let silent: FakeApi;
beforeAll(async () => {
  paged = await startFakeApi(pagedCalls(3, 2));
  silent = await startFakeApi(() => ({ status: 500 }));
});
afterAll(async () => {
  await paged.close();
  await silent.close();
});
const listPaged = (...args: string[]) =>
  runInProcess(["calls", "list", "--size", "2", "--base-url", paged.url, ...args]);
const PAGED_IDS = ["call-0-0", "call-0-1", "call-1-0", "call-1-1", "call-2-0", "call-2-1"];

describe("calls list --jq: one page, the envelope --format json prints", () => {
  test("a string is printed raw, a line each", async () => {
    const { code, stdout, stderr } = await list("--jq", ".data[].callId");
    expect([code, stderr]).toEqual([0, ""]);
    expect(stdout).toBe("call-AuUKK371Spr5nHJS\n");
  });

  test("numbers, booleans and null as jq prints them", async () => {
    const { stdout } = await list("--jq", ".totalCounts, .hasNext, .data[0].duration / 60, .data[0].nothing");
    expect(stdout).toBe("123\ntrue\n2\nnull\n");
  });

  test("objects and arrays as indented JSON, as jq prints them", async () => {
    const { code, stdout } = await list("--jq", ".data | map({id: .callId, seconds: .duration})");
    expect(code).toBe(0);
    expect(stdout).toBe('[\n  {\n    "id": "call-AuUKK371Spr5nHJS",\n    "seconds": 120\n  }\n]\n');
  });

  test("select, and jq's formats such as @tsv", async () => {
    const { stdout } = await list("--jq", '.data[] | select(.status == "ended") | [.callId, .agent.name] | @tsv');
    expect(stdout).toBe("call-AuUKK371Spr5nHJS\tNew AI Agent\n");
    expect((await list("--jq", '.data[] | select(.status == "failed") | .callId')).stdout).toBe("");
  });

  test("with --format json, the same", async () => {
    const { code, stdout } = await list("--format", "json", "--jq", ".page");
    expect([code, stdout]).toEqual([0, "123\n"]);
  });

  test("after --fields: the calls in `data` have only those keys", async () => {
    const { code, stdout } = await list("--fields", "status,callId", "--jq", ".data[0] | keys_unsorted");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(["status", "callId"]);
  });

  test("the filter sees none of the environment: $ENV is jq's own, without the key", async () => {
    const { stdout } = await list("--jq", '$ENV.SIGMAMIND_API_KEY, ($ENV | has("PATH"))');
    expect(stdout).not.toContain("sk-test");
    expect(linesOf(stdout)[0]).toBe("null");
  });
});

describe("calls list --jq: each call, where the output is a call at a time", () => {
  test("--format ndjson: the filter runs on each call, as `| jq` would on the lines", async () => {
    const { code, stdout, stderr } = await listPaged("--format", "ndjson", "--jq", ".callId");
    expect([code, stderr]).toEqual([0, ""]);
    expect(stdout).toBe("call-0-0\ncall-0-1\n");
  });

  test("--all: on each call of every page, as they arrive", async () => {
    const { code, stdout, stderr } = await listPaged("--all", "--jq", ".callId");
    expect([code, stderr]).toEqual([0, ""]);
    expect(linesOf(stdout)).toEqual(PAGED_IDS);
  });

  test("--all --format json: on each call too, not on one array", async () => {
    const { code, stdout } = await listPaged("--all", "--format", "json", "--jq", "{callId}");
    expect(code).toBe(0);
    expect(stdout).toBe(PAGED_IDS.map((id) => `{\n  "callId": "${id}"\n}\n`).join(""));
  });

  test("--all --fields: the filter sees only those keys", async () => {
    const { stdout } = await listPaged("--all", "--fields", "duration", "--jq", 'keys_unsorted | join(",")');
    expect(linesOf(stdout)).toEqual(Array(6).fill("duration"));
  });

  test("--all over a thousand calls: the embedded jq lasts for every one of them", async () => {
    const many = await startFakeApi(pagedCalls(10, 100));
    try {
      const { code, stdout, stderr } = await runInProcess([
        ...["calls", "list", "--all", "--size", "100", "--base-url", many.url],
        ...["--jq", 'select(.status == "ended") | .callId'],
      ]);
      expect([code, stderr]).toEqual([0, ""]);
      const ids = linesOf(stdout);
      expect(ids).toHaveLength(1000);
      expect(ids[999]).toBe("call-9-99");
    } finally {
      await many.close();
    }
  });
});

describe("calls get --jq", () => {
  test("the call --format json prints", async () => {
    const { code, stdout, stderr } = await get("--jq", ".agent.name");
    expect([code, stderr]).toEqual([0, ""]);
    expect(stdout).toBe("New AI Agent\n");
  });

  test("after --fields", async () => {
    const { stdout } = await get("--fields", "callId,status", "--jq", ".");
    expect(stdout).toBe('{\n  "callId": "call-AuUKK371Spr5nHJS",\n  "status": "ended"\n}\n');
  });
});

describe("an expression jq cannot compile: exit 2 with jq's message, and no request", () => {
  test.each([
    [
      ".data[] |",
      'sigmamind: --jq: syntax error, unexpected end of file (Unix shell quoting issues?) at <top-level>, line 1: ".data[] |". ',
    ],
    [".data[] | bogus", 'sigmamind: --jq: bogus/0 is not defined at <top-level>, line 1: ".data[] | bogus". '],
    [
      "$nothing | .a | nope(1)",
      'sigmamind: --jq: $nothing is not defined at <top-level>, line 1: "$nothing | .a | nope(1)"; nope/1 is not defined at <top-level>, line 1: "$nothing | .a | nope(1)". ',
    ],
    ["", 'sigmamind: --jq: Top-level program not given (try "."). '],
  ])("--jq %j", async (expression, message) => {
    const { code, stdout, stderr } = await runInProcess([
      ...["calls", "list", "--base-url", silent.url, "--jq", expression],
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(`${message}Run 'sigmamind calls list --help' for usage.\n`);
    expect(silent.requests).toEqual([]);
  });

  test("on a later line of a longer expression, that line is quoted", async () => {
    const { code, stderr } = await runInProcess([
      ...["calls", "get", "call-1", "--base-url", silent.url, "--jq", ".agent\n| .name |\n  ascii_downcase("],
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^sigmamind: --jq: syntax error, .* at <top-level>, line 3: "ascii_downcase\(". Run/);
    expect(silent.requests).toEqual([]);
  });

  test("with --all, before the first page is asked for", async () => {
    const { code } = await runInProcess(["calls", "list", "--all", "--base-url", silent.url, "--jq", ".callId |"]);
    expect(code).toBe(2);
    expect(silent.requests).toEqual([]);
  });
});

describe("an error while the filter runs: exit 2 with jq's message", () => {
  test("on the page", async () => {
    const { code, stdout, stderr } = await list("--jq", ".data.foo");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      "sigmamind: --jq: Cannot index array with string \"foo\". Run 'sigmamind calls list --help' for usage.\n",
    );
  });

  test("after some output: what came before it is written, and the error still ends the run", async () => {
    const { code, stdout, stderr } = await list("--jq", ".data[] | .callId, .agent.name.first");
    expect(code).toBe(2);
    expect(stdout).toBe("call-AuUKK371Spr5nHJS\n");
    expect(stderr).toMatch(/^sigmamind: --jq: Cannot index string with string "first"\. Run/);
  });

  test("error() with a value that is not a string", async () => {
    const { code, stderr } = await list("--jq", 'error({reason: "no"})');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^sigmamind: --jq: \{"reason":"no"\} \(not a string\)\. Run/);
  });

  test("with --all, on a later page: the calls before it are written", async () => {
    const { code, stdout, stderr } = await listPaged(
      "--all",
      "--jq",
      'if .callId == "call-1-0" then error("stopped at \\(.callId)") else .callId end',
    );
    expect(code).toBe(2);
    expect(stdout).toBe("call-0-0\ncall-0-1\n");
    expect(stderr).toMatch(/^sigmamind: --jq: stopped at call-1-0\. Run 'sigmamind calls list --help'/);
  });

  test("the embedded jq leaves the process's exit code alone", async () => {
    const before = process.exitCode;
    await list("--jq", ".data.foo");
    await list("--jq", ".page");
    expect(process.exitCode).toBe(before);
  });
});

describe("--jq reads JSON: with --format table or csv it is refused, before anything is sent", () => {
  test.each([
    [
      ["calls", "list", "--format", "table"],
      "--jq filters JSON, so it cannot go with --format table: use json or ndjson, or leave --format out",
    ],
    [
      ["calls", "list", "--all", "--format", "csv"],
      "--jq filters JSON, so it cannot go with --format csv: use json or ndjson, or leave --format out",
    ],
    [
      ["calls", "get", "call-1", "--format", "table"],
      "--jq filters JSON, so it cannot go with --format table: use json, or leave --format out",
    ],
  ])("sigmamind %j --jq .", async (args, message) => {
    const { code, stdout, stderr } = await runInProcess([...args, "--jq", ".", "--base-url", silent.url]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      `sigmamind: ${message}. Run '${["sigmamind", ...args.slice(0, 2)].join(" ")} --help' for usage.\n`,
    );
    expect(silent.requests).toEqual([]);
  });
});

describe("text from the server", () => {
  const name = "\u001b]0;pwned\u0007Evil\u0085\tName\nTwo";
  let hostile: FakeApi;
  beforeAll(async () => {
    hostile = await startFakeApi(() => ({
      status: 200,
      body: {
        data: [fakeCall("call-h", { agent: { agentId: "agent-h", name } })],
        ...{ page: 0, size: 1, totalCounts: 1, totalPages: 1, hasNext: false, hasPrevious: false },
      },
    }));
  });
  afterAll(() => hostile.close());
  const run = (jq: string, terminal: boolean) =>
    runInProcess(["calls", "list", "--base-url", hostile.url, "--jq", jq], { terminal: { stdout: terminal } });

  test("a raw string on a terminal drives nothing; its tabs and line breaks are kept", async () => {
    const { stdout } = await run(".data[0].agent.name", true);
    expect(stdout).toBe("Evil \tName\nTwo\n");
  });

  test("a raw string into a pipe is kept as sent, as jq -r would write it", async () => {
    const { stdout } = await run(".data[0].agent.name", false);
    expect(stdout).toBe(`${name}\n`);
  });

  test("JSON escapes every control character, on a terminal or not", async () => {
    const { stdout } = await run(".data[0].agent", true);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
    expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(JSON.parse(stdout).name).toBe(name);
  });
});

describe("the built bin", () => {
  test("loads the embedded jq from its dependency, and writes only the filter's output", async () => {
    const { code, stdout, stderr } = await runCli(["calls", "list", "--base-url", paged.url, "--jq", ".data[].callId"]);
    expect([code, stderr]).toEqual([0, ""]);
    expect(stdout).toBe("call-0-0\ncall-0-1\n");
    const failed = await runCli(["calls", "list", "--base-url", silent.url, "--jq", ".data[] | bogus"]);
    expect(failed.code).toBe(2);
    expect(failed.stdout).toBe("");
    expect(failed.stderr).toMatch(/^sigmamind: --jq: bogus\/0 is not defined at <top-level>, line 1: /);
  });

  test("dist imports jq-wasm when --jq is used, and does not carry it", () => {
    const dist = new URL("../dist/", import.meta.url);
    const code = readdirSync(dist)
      .filter((file) => file.endsWith(".js"))
      .map((file) => readFileSync(new URL(file, dist), "utf8"))
      .join("\n");
    expect(code).toMatch(/import\(["']jq-wasm\//);
    expect(code).not.toMatch(/^import .*["']jq-wasm/m);
  });
});

describe("--help", () => {
  test.each([["list"], ["get"]])("calls %s --help lists --jq, with an example", async (command) => {
    const { stdout } = await runInProcess(["calls", command, "--help"]);
    expect(stdout).toMatch(/--jq EXPR\s+/);
    expect(stdout).toMatch(/^ {2}sigmamind calls \S+ .*--jq '/m);
  });
});
