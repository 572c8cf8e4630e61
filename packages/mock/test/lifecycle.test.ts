// The mock never outlives what started it, and says so when it dies early.
import { once } from "node:events";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { specPath } from "@sigmamind/spec";
import { freePort } from "@sigmamind/test-support/free-port";
import { type RunningNodeProcess, startNodeProcess } from "@sigmamind/test-support/node-process";
import { isProcessRunning, prismProcessesOf } from "@sigmamind/test-support/processes";
import { describe, expect, onTestFinished, test, vi } from "vitest";
import { startMock } from "../src/index.js";

/**
 * Runs `node ...args`, stopped when the test ends: `finished` is the test's own `onTestFinished` (from its context,
 * which names the right test when tests run at once).
 */
function runNode(args: string[], finished: typeof onTestFinished = onTestFinished): RunningNodeProcess {
  const running = startNodeProcess(args);
  finished(async () => {
    await running.stop(0);
  });
  return running;
}

const builtIndex = fileURLToPath(new URL("../dist/index.mjs", import.meta.url));
const builtCli = fileURLToPath(new URL("../dist/cli.mjs", import.meta.url));

// At once: each waits seconds for a Prism to start.
describe.concurrent("a process that started a mock and then died", () => {
  test.for(["SIGKILL", "SIGTERM", "SIGINT"] as const)(
    "takes Prism with it on %s",
    async (signal, { onTestFinished }) => {
      const script = `const { startMock } = await import(${JSON.stringify(builtIndex)});
      const mock = await startMock(); console.log("prism", mock.pid, mock.url); setInterval(() => {}, 1000);`;
      const parent = runNode(["--input-type=module", "-e", script], onTestFinished);
      const [, pid, url] = await parent.waitForOutput(/prism (\d+) (\S+)/);
      expect(isProcessRunning(Number(pid))).toBe(true);
      parent.child.kill(signal);
      // The process is gone, so its port is free. (Fetching the URL would prove nothing: under a parallel test
      // run, another mock may already listen on the freed port.)
      await vi.waitFor(() => expect(isProcessRunning(Number(pid))).toBe(false), { timeout: 10_000, interval: 50 });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    },
  );
});

describe("Prism dying after it started", () => {
  test("settles `exited` with stopped: false and its last output", async () => {
    const mock = await startMock({ specPath });
    process.kill(mock.pid, "SIGKILL");
    const exit = await mock.exited;
    expect(exit.stopped).toBe(false);
    expect(exit.signal).toBe("SIGKILL");
    expect(exit.output).toContain("Prism is listening");
    // The mock's URL still answers, in the API's shape, and says why.
    const answer = await fetch(`${mock.url}/v1/calls`, { headers: { "x-api-key": "k" } });
    expect(answer.status).toBe(500);
    expect((await answer.json()).message).toMatch(/Prism process did not answer/);
    await mock.stop();
  });
});

describe("the sigmamind-mock bin", () => {
  // Each Prism takes seconds to start: one bin serves the port asked for, and stops on SIGTERM.
  test("serves on --port until SIGTERM, then stops Prism and exits 0", async () => {
    const port = await freePort();
    const bin = runNode([builtCli, "--dynamic", "--seed", "7", "--port", String(port)]);
    const [, url] = await bin.waitForOutput(new RegExp(`listening on (http://127\\.0\\.0\\.1:${port})`));
    const response = await fetch(`${url}/v1/calls`, { headers: { "X-API-Key": "k" } });
    expect(response.status).toBe(200);
    const page = await response.json();
    expect(Array.isArray(page.data)).toBe(true);
    const prism = prismProcessesOf(bin.pid);
    expect(prism).toHaveLength(1);
    bin.child.kill("SIGTERM");
    await expect(bin.exited).resolves.toMatchObject({ code: 0 });
    expect(isProcessRunning(prism[0]?.pid as number)).toBe(false);
  });

  test("--help prints the usage and exits 0", async () => {
    const bin = runNode([builtCli, "--help"]);
    await expect(bin.exited).resolves.toMatchObject({ code: 0 });
    expect(bin.stdout()).toMatch(/^Usage: sigmamind-mock \[options\]/);
    expect(bin.stdout()).toContain("--dynamic");
  });

  test.each([
    [["--port", "abc"], /--port must be a whole number/],
    [["--colour"], /Unknown option '--colour'/],
    [["--seed", "3"], /--seed only has an effect with --dynamic or --sandbox/],
    [["--sandbox", "--seed", "x"], /--seed with --sandbox must be a whole number, got "x"/],
    [["--sandbox", "--calls", "many"], /--calls must be a whole number of 0 or more, got "many"/],
    [["--calls", "3"], /--calls only has an effect with --sandbox/],
    [["--sandbox", "--dynamic"], /--sandbox and --dynamic cannot be used together/],
    [["--sandbox", "--errors"], /--sandbox always checks the contract: drop --errors/],
  ])("%j is a usage error: exit 2 and a message", async (args, message) => {
    const bin = runNode([builtCli, ...args]);
    await expect(bin.exited).resolves.toMatchObject({ code: 2 });
    expect(bin.stderr()).toMatch(message);
    expect(bin.stderr()).toContain("Usage: sigmamind-mock");
  });

  test("--sandbox serves the stateful sandbox: a created call is listed first, and the clock moves through the control route", async () => {
    const bin = runNode([builtCli, "--sandbox", "--seed", "5", "--calls", "3"]);
    const [, url] = await bin.waitForOutput(/sandbox listening on (http:\/\/127\.0\.0\.1:\d+)/);
    const headers = { "x-api-key": "any", "content-type": "application/json" };
    const body = JSON.stringify({ fromPhoneNumber: "+14155552671", toPhoneNumber: "+14155550123", agentId: "a" });
    const created = await (await fetch(`${url}/v1/calls`, { method: "POST", headers, body })).json();
    const listed = await (await fetch(`${url}/v1/calls?size=1`, { headers })).json();
    expect(listed).toMatchObject({ totalCounts: 4, data: [{ callId: created.callId }] });
    const advanced = await fetch(`${url}/__sandbox/advance?ms=60000`, { method: "POST", headers });
    expect(await advanced.json()).toEqual({ now: "2026-01-01T00:01:00.000Z" });
    expect(bin.stdout()).toContain("/__sandbox/advance?ms=N");
    // The sandbox runs in the bin's own process: Prism is not needed for it, so none is started.
    expect(prismProcessesOf(bin.pid)).toHaveLength(0);
    bin.child.kill("SIGTERM");
    await expect(bin.exited).resolves.toMatchObject({ code: 0 });
  });

  test("a port in use is a clear error and exit 1", async () => {
    const blocker = createServer().listen(0, "127.0.0.1");
    await once(blocker, "listening");
    const { port } = blocker.address() as { port: number };
    try {
      const bin = runNode([builtCli, "--port", String(port)]);
      await expect(bin.exited).resolves.toMatchObject({ code: 1 });
      expect(bin.stderr()).toContain(`port ${port} on 127.0.0.1 is in use`);
    } finally {
      blocker.close();
    }
  });
});
