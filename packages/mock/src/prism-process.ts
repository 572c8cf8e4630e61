import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { MockStartError } from "./errors.js";

/** How the Prism process ended. */
export interface MockExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** False when it ended on its own, before `stop()`. */
  stopped: boolean;
  /** Its last lines of output. */
  output: string;
}

export interface PrismProcess {
  /** The URL Prism said it listens on. */
  readonly url: string;
  readonly pid: number;
  readonly exited: Promise<MockExit>;
  stop(): Promise<void>;
}

const READY_LINE = /Prism is listening on (http:\/\/\S+)/;
const STOP_GRACE_MS = 5_000;
const OUTPUT_KEPT_LINES = 20;

/** A file shipped beside this module: the bundled spec, the Prism preload. */
export function besideThisFile(name: string) {
  return fileURLToPath(new URL(`./${name}`, import.meta.url));
}

const PRISM_PACKAGE = "@stoplight/prism-cli";

/**
 * The path of Prism's CLI script, resolved as Node would from `from` (default: this module, so from wherever
 * @sigmamind/mock is installed). Prism is an optional peer dependency, about 90 MB that only the static mock and
 * the drift check run: when it is missing, the error says how to install the version this package was tested with.
 */
export function resolvePrismCli(from: string | URL = import.meta.url): string {
  try {
    return createRequire(from).resolve(`${PRISM_PACKAGE}/dist/index.js`);
  } catch (cause) {
    throw new MockStartError(
      `Stoplight Prism is not installed. startMock, sigmamind-mock without --sandbox and the drift check run it; @sigmamind/mock has it as an optional peer dependency (startSandbox does not need it). Install it beside @sigmamind/mock: npm install --save-dev ${prismToInstall()}`,
      { cause },
    );
  }
}

/** Prism at the range this package peers on, read from its own manifest so the message never falls behind it. */
function prismToInstall(): string {
  // From src/ and from dist/ alike, the manifest is one folder up.
  const manifest = createRequire(import.meta.url)("../package.json") as { peerDependencies?: Record<string, string> };
  const range = manifest.peerDependencies?.[PRISM_PACKAGE];
  return range ? `${PRISM_PACKAGE}@${range}` : PRISM_PACKAGE;
}

/**
 * Runs `prism <command> ...args` and resolves once it listens. Prism ends with this process, however this
 * process ends: a preload watches its stdin, whose other end only this process holds.
 */
export async function startPrism(
  command: "mock" | "proxy",
  args: string[],
  startTimeoutMs: number,
): Promise<PrismProcess> {
  const prism = resolvePrismCli();
  const child = spawn(
    process.execPath,
    ["--require", besideThisFile("exit-with-parent.cjs"), prism, command, ...args],
    {
      stdio: ["pipe", "pipe", "pipe"],
      // Its own process group: a Ctrl-C in the terminal reaches this process, which stops Prism in order,
      // instead of killing Prism first and looking like a crash. The stdin pipe still ties Prism's life to ours.
      detached: true,
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
    },
  );
  const output = recentOutput(child);
  let stopping = false;
  const exited = new Promise<MockExit>((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal, stopped: stopping, output: output.text() }));
  });
  const killNow = () => child.kill("SIGKILL");
  process.once("exit", killNow);
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopping = true;
    stopped ??= terminate(child).finally(() => process.off("exit", killNow));
    return stopped;
  };

  try {
    const url = await waitUntilListening(child, output, startTimeoutMs);
    return { url, pid: child.pid as number, exited, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Keeps Prism's last lines of output for error messages, and keeps its pipes drained. */
function recentOutput(child: ChildProcess) {
  const lines: string[] = [];
  const listeners = new Set<(line: string) => void>();
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (!line.trim()) continue;
      lines.push(line);
      if (lines.length > OUTPUT_KEPT_LINES) lines.shift();
      for (const listener of listeners) listener(line);
    }
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  return {
    text: () => lines.join("\n"),
    onLine: (listener: (line: string) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function waitUntilListening(
  child: ChildProcess,
  output: ReturnType<typeof recentOutput>,
  timeoutMs: number,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const finish = (error: Error | undefined, url?: string) => {
      clearTimeout(timer);
      stopListening();
      child.off("exit", onExit);
      child.off("error", onError);
      if (error) reject(error);
      else resolve(url as string);
    };
    const stopListening = output.onLine((line) => {
      const match = READY_LINE.exec(line);
      if (match) finish(undefined, match[1]);
    });
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      finish(
        new MockStartError(
          `Prism exited before it was ready (${signal ?? `exit code ${code}`}).${explain(output.text())}\n${output.text()}`,
        ),
      );
    const onError = (error: Error) => finish(new MockStartError(`Prism could not be started: ${error.message}`));
    const timer = setTimeout(
      () =>
        finish(
          new MockStartError(
            `Prism did not start listening within ${timeoutMs} ms. Raise startTimeoutMs on a slow machine.\n${output.text()}`,
          ),
        ),
      timeoutMs,
    );
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
