// The mock never outlives what started it, and says so when it dies early.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { specPath } from "@sigmamind/spec";
import { afterEach, describe, expect, test } from "vitest";
import { startMock } from "../src/index.js";

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
});

function isRunning(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(condition: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Runs `code` in a fresh Node process and resolves with the lines it prints, as they come. */
function runNode(args: string[]) {
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    async line(pattern: RegExp) {
      await waitUntil(() => pattern.test(stdout), 30_000);
      return pattern.exec(stdout) as RegExpExecArray;
    },
  };
}

/** Prism processes started for `port`, found by their command line: a stopped mock leaves none. */
function prismProcessesOnPort(port: number): string[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .map((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ");
      } catch {
        return "";
      }
    })
    .filter((command) => command.includes("prism-cli") && command.includes(`--port ${port} `));
}

const builtIndex = fileURLToPath(new URL("../dist/index.mjs", import.meta.url));
const builtCli = fileURLToPath(new URL("../dist/cli.mjs", import.meta.url));

describe("a process that started a mock and then died", () => {
  test.each(["SIGKILL", "SIGTERM", "SIGINT"] as const)("takes Prism with it on %s", async (signal) => {
    const script = `const { startMock } = await import(${JSON.stringify(builtIndex)});
      const mock = await startMock(); console.log("prism", mock.pid, mock.url); setInterval(() => {}, 1000);`;
    const parent = runNode(["--input-type=module", "-e", script]);
    const [, pid, url] = await parent.line(/prism (\d+) (\S+)/);
    expect(isRunning(Number(pid))).toBe(true);
    parent.child.kill(signal);
    // The process is gone, so its port is free. (Fetching the URL would prove nothing: under a parallel test
    // run, another mock may already listen on the freed port.)
    await waitUntil(() => !isRunning(Number(pid)));
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});

describe("Prism dying after it started", () => {
  test("settles `exited` with stopped: false and its last output", async () => {
    const mock = await startMock({ specPath });
    process.kill(mock.pid, "SIGKILL");
    const exit = await mock.exited;
    expect(exit.stopped).toBe(false);
    expect(exit.signal).toBe("SIGKILL");
    expect(exit.output).toContain("Prism is listening");
    await mock.stop();
  });

  test("after stop(), `exited` says it was stopped", async () => {
    const mock = await startMock({ specPath });
    await mock.stop();
    await expect(mock.exited).resolves.toMatchObject({ stopped: true });
  });
});

describe("the sigmamind-mock bin", () => {
  test("serves until SIGTERM, then stops Prism and exits 0", async () => {
    const bin = runNode([builtCli, "--dynamic", "--seed", "7"]);
    const [, url] = await bin.line(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
    const response = await fetch(`${url}/v1/calls`, { headers: { "X-API-Key": "k" } });
    expect(response.status).toBe(200);
    const page = await response.json();
    expect(Array.isArray(page.data)).toBe(true);
    expect(prismProcessesOnPort(Number(new URL(url as string).port))).toHaveLength(1);
    bin.child.kill("SIGTERM");
    const [code] = await once(bin.child, "exit");
    expect(code).toBe(0);
    expect(prismProcessesOnPort(Number(new URL(url as string).port))).toEqual([]);
  });

  test("--port is honoured", async () => {
    const { findFreePort } = await import("../src/port.js");
    const port = await findFreePort("127.0.0.1");
    const bin = runNode([builtCli, "--port", String(port)]);
    await bin.line(new RegExp(`listening on http://127\\.0\\.0\\.1:${port}`));
  });

  test("--help prints the usage and exits 0", async () => {
    const bin = runNode([builtCli, "--help"]);
    const [code] = await once(bin.child, "exit");
    expect(code).toBe(0);
    expect(bin.stdout()).toMatch(/^Usage: sigmamind-mock \[options\]/);
    expect(bin.stdout()).toContain("--dynamic");
  });

  test.each([
    [["--port", "abc"], /--port must be a whole number/],
    [["--colour"], /Unknown option '--colour'/],
    [["--seed", "3"], /--seed only has an effect with --dynamic/],
  ])("%j is a usage error: exit 2 and a message", async (args, message) => {
    const bin = runNode([builtCli, ...args]);
    const [code] = await once(bin.child, "exit");
    expect(code).toBe(2);
    expect(bin.stderr()).toMatch(message);
    expect(bin.stderr()).toContain("Usage: sigmamind-mock");
  });

  test("a port in use is a clear error and exit 1", async () => {
    const { createServer } = await import("node:net");
    const blocker = createServer().listen(0, "127.0.0.1");
    await once(blocker, "listening");
    const { port } = blocker.address() as { port: number };
    try {
      const bin = runNode([builtCli, "--port", String(port)]);
      const [code] = await once(bin.child, "exit");
      expect(code).toBe(1);
      expect(bin.stderr()).toContain(`port ${port} on 127.0.0.1 is in use`);
    } finally {
      blocker.close();
    }
  });
});
