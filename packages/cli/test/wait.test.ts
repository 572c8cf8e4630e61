// Following a call from the shell: `calls wait ID` and `calls create --wait`, against a sandbox on 127.0.0.1 whose
// clock runs 600 times as fast as life (a call ends within half a second), polled every 100 ms.

import { randomUUID } from "node:crypto";
import { SigmaMind } from "@sigmamind/client";
import { type RunningSandbox, startSandbox } from "@sigmamind/mock";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { startFakeApi } from "./support/fake-api.js";
import { API_KEY, outputOf, runCli, spawnCli } from "./support/run-cli.js";
import { runInProcess } from "./support/run-in-process.js";

// With the sandbox's default seed, the first call a world places to this number is answered and ends; to the
// other, it is never answered. Each test has a world (an API key) of its own, so each call is its world's first.
const ANSWERED = "+14155550123";
const NEVER_ANSWERED = "+14155550121";
const FAST = ["--interval", "100"];

let sandbox: RunningSandbox;
let client: SigmaMind;
let key: string;
beforeEach(() => {
  key = `cli-wait-${randomUUID()}`;
  client = new SigmaMind({ apiKey: key, baseUrl: sandbox.url });
});
beforeAll(async () => {
  sandbox = await startSandbox({ clock: "real", speed: 600 });
});
afterAll(async () => {
  await sandbox?.stop();
  expect(sandbox?.violations).toEqual([]);
});

const place = (toPhoneNumber: string) =>
  client.calls.create({ fromPhoneNumber: "+14155552671", toPhoneNumber, agentId: "agent-1" });
const onSandbox = (...args: string[]) => ["--base-url", sandbox.url, ...args];
/** The CLI on the sandbox, in this test's world. */
const cli = (args: string[]) => runCli(args, { SIGMAMIND_API_KEY: key });
const STATUS_LINE = /^\d\d:\d\d:\d\d {2}(\S+) {2}(\S+)/;

describe("calls wait ID", () => {
  test("prints a line each time the status changes, ends at ended, and exits 0", async () => {
    const { callId } = await place(ANSWERED);
    const { code, stdout, stderr } = await cli(onSandbox("calls", "wait", callId, ...FAST));
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    const statuses = lines.map((line) => STATUS_LINE.exec(line)?.[2]);
    expect(lines.every((line) => STATUS_LINE.exec(line)?.[1] === callId)).toBe(true);
    expect(statuses.at(-1)).toBe("ended");
    // Each line is a change: no status twice in a row.
    expect(statuses.filter((status, index) => status === statuses[index - 1])).toEqual([]);
    // The last line says how long it lasted and why it ended.
    expect(lines.at(-1)).toMatch(/ended {2}\d+ s {2}\S+$/);
  });

  test("--format ndjson: the call as JSON, a line per status, the last one final", async () => {
    const { callId } = await place(ANSWERED);
    const { code, stdout } = await cli(onSandbox("calls", "wait", callId, ...FAST, "--format", "ndjson"));
    expect(code).toBe(0);
    const calls = stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(calls.every((call) => call.callId === callId)).toBe(true);
    expect(calls.at(-1)).toMatchObject({ status: "ended", duration: expect.any(Number) });
    expect(new Set(calls.map((call) => call.status)).size).toBe(calls.length);
  });

  test("--format json: the final call alone, as calls get --format json would print it", async () => {
    const { callId } = await place(ANSWERED);
    const { code, stdout } = await cli(onSandbox("calls", "wait", callId, ...FAST, "--format", "json"));
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(await client.calls.get(callId));
  });

  test("a call that is never answered ends not-connected: exit 4, said on stderr", async () => {
    const { callId } = await place(NEVER_ANSWERED);
    const { code, stdout, stderr } = await cli(onSandbox("calls", "wait", callId, ...FAST));
    expect(code).toBe(4);
    expect(stdout.trimEnd().split("\n").at(-1)).toMatch(/ {2}not-connected/);
    expect(stderr).toBe(`sigmamind: call ${callId} ended without connecting (not-connected).\n`);
  });

  test("a wait that runs out: exit 5, saying where the call is and how to follow it again", async () => {
    // A sandbox whose clock stands still: the call stays scheduled.
    const still = await startSandbox();
    try {
      const { callId } = await new SigmaMind({ apiKey: API_KEY, baseUrl: still.url }).calls.create({
        fromPhoneNumber: "+14155552671",
        toPhoneNumber: ANSWERED,
        agentId: "agent-1",
      });
      const { code, stdout, stderr } = await runCli([
        "--base-url",
        still.url,
        "calls",
        "wait",
        callId,
        ...FAST,
        "--wait-timeout",
        "300",
      ]);
      expect(code).toBe(5);
      expect(stdout).toMatch(/ {2}scheduled\n$/);
      expect(stderr).toBe(
        `sigmamind: call ${callId} is still scheduled when the wait ran out; follow it again with: sigmamind calls wait ${callId}.\n`,
      );
    } finally {
      await still.stop();
    }
  });

  test("Ctrl-C stops waiting, not the call: exit 130, and the call is untouched", async () => {
    const still = await startSandbox();
    try {
      const stillClient = new SigmaMind({ apiKey: API_KEY, baseUrl: still.url });
      const { callId } = await stillClient.calls.create({
        fromPhoneNumber: "+14155552671",
        toPhoneNumber: ANSWERED,
        agentId: "agent-1",
      });
      const child = spawnCli(["--base-url", still.url, "calls", "wait", callId, ...FAST]);
      const result = outputOf(child);
      // Once the first status is out, the person presses Ctrl-C.
      await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
      child.kill("SIGINT");
      const { code, stdout, stderr } = await result;
      expect(code).toBe(130);
      expect(stdout).toMatch(/ {2}scheduled\n$/);
      expect(stderr).toBe(
        `sigmamind: stopped waiting; call ${callId} goes on, nothing was sent to it; follow it again with: sigmamind calls wait ${callId}.\n`,
      );
      expect((await stillClient.calls.get(callId)).status).toBe("scheduled");
    } finally {
      await still.stop();
    }
  });

  test("in-process, an interrupt before the first answer is exit 130 at once, saying the call goes on", async () => {
    const { callId } = await place(ANSWERED);
    const { code, stdout, stderr } = await runInProcess(onSandbox("calls", "wait", callId, ...FAST), {
      env: { SIGMAMIND_API_KEY: key },
      interrupt: AbortSignal.abort(),
    });
    expect(code).toBe(130);
    expect(stdout).toBe("");
    expect(stderr).toContain(`stopped waiting; call ${callId} goes on`);
  });

  test("a reader that closes the pipe (| head -1) ends the wait quietly with status 0", async () => {
    const { callId } = await place(ANSWERED);
    const child = spawnCli(onSandbox("calls", "wait", callId, ...FAST), { SIGMAMIND_API_KEY: key });
    const result = outputOf(child);
    // `head -1`: the first line read, then the pipe closed.
    await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
    child.stdout.destroy();
    const { code, stderr } = await result;
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });

  test("a poll that fails on the way to the API says the call goes on and how to follow it, then the error", async () => {
    const failing = await startFakeApi(() => ({
      status: 500,
      body: { error: "Internal Server Error", message: "boom" },
    }));
    try {
      const { code, stderr } = await runCli([
        "--base-url",
        failing.url,
        "--max-retries",
        "0",
        "calls",
        "wait",
        "call-1",
      ]);
      expect(code).toBe(1);
      const [note, error] = stderr.trimEnd().split("\n");
      expect(note).toBe(
        "sigmamind: call call-1 goes on, but following it failed; follow it again with: sigmamind calls wait call-1",
      );
      expect(error).toMatch(/^sigmamind: .*500.*boom/);
    } finally {
      await failing.close();
    }
  });

  test("a call that does not exist: exit 1 with the API's 404", async () => {
    const { code, stderr } = await cli(onSandbox("calls", "wait", "call-nope", ...FAST));
    expect(code).toBe(1);
    expect(stderr).toMatch(/^sigmamind: .*404/);
  });

  test.each([
    [["--interval", "50"], "--interval must be a whole number from 100 to 2147483647"],
    [["--wait-timeout", "0"], "--wait-timeout must be a whole number from 1 to 2147483647"],
    [["--wait-timeout", "99999999999"], "--wait-timeout must be a whole number from 1 to 2147483647"],
    [["--mock"], "--mock serves the spec's fixed examples, where no call ever changes"],
    [["--format", "csv"], "--format must be one of table, ndjson, json"],
  ])("%j is a usage error: exit 2, nothing sent", async (flags, message) => {
    const { code, stderr } = await runInProcess(onSandbox("calls", "wait", "call-1", ...flags));
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});

describe("calls create --wait", () => {
  const create = (to: string, ...more: string[]) =>
    onSandbox(
      "calls",
      "create",
      "--from",
      "+14155552671",
      "--to",
      to,
      "--agent",
      "agent-1",
      "--yes",
      "--wait",
      ...FAST,
      ...more,
    );

  test("shows the call placed, then each status as it changes, and exits 0 once it has ended", async () => {
    const { code, stdout } = await cli(create(ANSWERED));
    expect(code).toBe(0);
    const [details, progress = ""] = stdout.split("\n\n");
    expect(details).toMatch(/^Call ID +(call-\S+)\nType +outbound\nStatus +scheduled/);
    const callId = /^Call ID +(\S+)/.exec(details as string)?.[1];
    const lines = progress.trimEnd().split("\n");
    // The placed call's status is not written again.
    expect(lines.map((line) => STATUS_LINE.exec(line)?.[2])).not.toContain("scheduled");
    expect(lines.at(-1)).toMatch(new RegExp(`^\\d\\d:\\d\\d:\\d\\d  ${callId}  ended`));
  });

  test("--format ndjson: the placed call, then a line per status; a never-answered call exits 4", async () => {
    const { code, stdout } = await cli(create(NEVER_ANSWERED, "--format", "ndjson"));
    expect(code).toBe(4);
    const statuses = stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line).status);
    expect(statuses[0]).toBe("scheduled");
    expect(statuses.at(-1)).toBe("not-connected");
  });

  test("--format json: only the call once it has ended", async () => {
    const { code, stdout } = await cli(create(ANSWERED, "--format", "json"));
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ status: "ended" });
  });

  test("a create whose wait fails names the call it placed, so that nobody places it again", async () => {
    const placedThenFailing = await startFakeApi((request) =>
      request.method === "POST"
        ? { status: 200, body: { callId: "call-PLACED0001", status: "scheduled" } }
        : { status: 500, body: { error: "Internal Server Error", message: "boom" } },
    );
    try {
      const { code, stdout, stderr } = await runCli([
        "--base-url",
        placedThenFailing.url,
        "--max-retries",
        "0",
        ...["calls", "create", "--from", "+14155552671", "--to", ANSWERED, "--agent", "agent-1"],
        ...["--yes", "--wait", "--format", "json"],
      ]);
      expect(code).toBe(1);
      expect(stdout).toBe("");
      expect(stderr).toContain(
        "sigmamind: call call-PLACED0001 was placed and goes on, but following it failed; follow it again with: sigmamind calls wait call-PLACED0001\n",
      );
      expect(placedThenFailing.requests.filter((request) => request.method === "POST")).toHaveLength(1);
    } finally {
      await placedThenFailing.close();
    }
  });

  test.each([
    [["--dry-run"], "--wait and --dry-run cannot be used together"],
    [["--mock"], "--mock serves the spec's fixed examples, where no call ever changes"],
  ])("%j with --wait is a usage error", async (flags, message) => {
    const { code, stderr } = await runInProcess(create(ANSWERED, ...flags));
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  test("--interval without --wait, and ndjson without --wait, are usage errors", async () => {
    const base = onSandbox(
      "calls",
      "create",
      "--from",
      "+14155552671",
      "--to",
      ANSWERED,
      "--agent",
      "agent-1",
      "--yes",
    );
    const interval = await runInProcess([...base, "--interval", "200"]);
    expect(interval.code).toBe(2);
    expect(interval.stderr).toContain("--interval needs --wait");
    const ndjson = await runInProcess([...base, "--format", "ndjson"]);
    expect(ndjson.code).toBe(2);
    expect(ndjson.stderr).toContain("--format must be one of table, json");
  });
});
