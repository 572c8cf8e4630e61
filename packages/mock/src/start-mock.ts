import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { MockStartError } from "./errors.js";
import { assertPortFree, findFreePort } from "./port.js";

export interface StartMockOptions {
  /** Port to listen on. Default: a free port chosen for you. */
  port?: number;
  /** Interface to listen on. Default: `127.0.0.1`, so the mock is never reachable from another machine. */
  host?: string;
  /** Generate responses from the schemas instead of serving the spec's examples. Default: `false`. */
  dynamic?: boolean;
  /** Seed for dynamic responses, so a run can be replayed. */
  seed?: string | number;
  /** Answer any request or response that breaks the contract with an error instead of a warning header. */
  errors?: boolean;
  /** The OpenAPI document to serve. Default: the spec bundled with this package. */
  specPath?: string;
  /** How long to wait for the mock to listen before giving up. Default: 30 000 ms. */
  startTimeoutMs?: number;
}

export interface RunningMock {
  /** Base URL of the mock, such as `http://127.0.0.1:4010`; pass it as the client's `baseUrl`. */
  readonly url: string;
  /** Process id of the Prism server. */
  readonly pid: number;
  /** Stops the mock and frees its port. Safe to call more than once. */
  stop(): Promise<void>;
}

const READY_LINE = /Prism is listening on (http:\/\/\S+)/;
const STOP_GRACE_MS = 5_000;
const OUTPUT_KEPT_LINES = 20;

/** Starts a Stoplight Prism mock of the SigmaMind API and resolves once it accepts requests. */
export async function startMock(options: StartMockOptions = {}): Promise<RunningMock> {
  const host = options.host ?? "127.0.0.1";
  const startTimeoutMs = options.startTimeoutMs ?? 30_000;
  const specPath = options.specPath ?? bundledSpecPath();
  validateOptions(options, specPath);

  const port = options.port ?? (await findFreePort(host));
  if (options.port !== undefined) await assertPortFree(host, options.port);

  const args = [prismEntry(), "mock", specPath, "--host", host, "--port", String(port)];
  if (options.dynamic) args.push("--dynamic");
  if (options.seed !== undefined) args.push("--seed", String(options.seed));
  if (options.errors) args.push("--errors");

  const child = spawn(process.execPath, args, {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
  });
  const stopChild = () => child.kill("SIGKILL");
  // A test run that crashes or is interrupted must not leave Prism holding the port.
  process.once("exit", stopChild);

  try {
    const url = await waitUntilListening(child, startTimeoutMs);
    let stopped: Promise<void> | undefined;
    return {
      url,
      pid: child.pid as number,
      stop: () => {
        stopped ??= terminate(child).finally(() => process.off("exit", stopChild));
        return stopped;
      },
    };
  } catch (error) {
    await terminate(child);
    process.off("exit", stopChild);
    throw error;
  }
}

function validateOptions(options: StartMockOptions, specPath: string) {
  const { port, startTimeoutMs } = options;
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
    throw new MockStartError(`startMock: port must be an integer from 1 to 65535, got ${String(port)}.`);
  }
  if (startTimeoutMs !== undefined && !(Number.isFinite(startTimeoutMs) && startTimeoutMs > 0)) {
    throw new MockStartError(`startMock: startTimeoutMs must be a positive number, got ${String(startTimeoutMs)}.`);
  }
  if (!existsSync(specPath)) {
    throw new MockStartError(
      `startMock: no OpenAPI document at ${specPath}. Pass specPath, or reinstall @sigmamind/mock.`,
    );
  }
}

function bundledSpecPath() {
  return fileURLToPath(new URL("./openapi.yaml", import.meta.url));
}

function prismEntry() {
  const require = createRequire(import.meta.url);
  return require.resolve("@stoplight/prism-cli/dist/index.js");
}

function waitUntilListening(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const output: string[] = [];
    const recentOutput = () => output.slice(-OUTPUT_KEPT_LINES).join("\n");
    const finish = (error: Error | undefined, url?: string) => {
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.stderr?.off("data", onData);
      child.off("exit", onExit);
      child.off("error", onError);
      // Keep draining output so a chatty Prism never blocks on a full pipe.
      child.stdout?.resume();
      child.stderr?.resume();
      if (error) reject(error);
      else resolve(url as string);
    };
    const onData = (chunk: Buffer) => {
      const lines = chunk.toString("utf8").split("\n").filter(Boolean);
      output.push(...lines);
      for (const line of lines) {
        const match = READY_LINE.exec(line);
        if (match) return finish(undefined, match[1]);
      }
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      finish(
        new MockStartError(
          `Prism exited before it was ready (${signal ?? `exit code ${code}`}).${explain(recentOutput())}\n${recentOutput()}`,
        ),
      );
    const onError = (error: Error) => finish(new MockStartError(`Prism could not be started: ${error.message}`));
    const timer = setTimeout(
      () =>
        finish(
          new MockStartError(
            `Prism did not start listening within ${timeoutMs} ms. Raise startTimeoutMs on a slow machine.\n${recentOutput()}`,
          ),
        ),
      timeoutMs,
    );
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", onExit);
    child.once("error", onError);
  });
}

function explain(output: string) {
  if (output.includes("EADDRINUSE")) return " The port is in use: pass another port, or none to get a free one.";
  if (/ResolverError|ParserError|YAMLException/.test(output))
    return " The OpenAPI document could not be read or parsed.";
  return "";
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
