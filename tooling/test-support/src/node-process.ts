// A Node.js child process for tests and tools: its output kept, awaited until it prints what says it is ready,
// stopped with SIGTERM and then SIGKILL, and never left running once the process that started it has ended.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";

export interface NodeProcessOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Its own process group, so that one signal reaches it and its children, as a terminal's Ctrl-C does. */
  detached?: boolean;
}

export interface NodeProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface RunningNodeProcess {
  readonly child: ChildProcessWithoutNullStreams;
  readonly pid: number;
  /** Settles once the process has ended and all its output has been read. */
  readonly exited: Promise<NodeProcessExit>;
  stdout(): string;
  stderr(): string;
  /** stdout and stderr, in the order they came. */
  output(): string;
  /**
   * The first match of `pattern` (without the `g` flag) in the output so far or to come. Rejects, with the output,
   * when the process ends without printing it or `timeoutMs` passes.
   */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** SIGTERM, then SIGKILL after `graceMs`; settles once the process has ended. Safe to call more than once. */
  stop(graceMs?: number): Promise<NodeProcessExit>;
}

const EXIT_WITH_PARENT = new URL("./exit-with-parent.js", import.meta.url).href;

/** Runs `node ...args` and returns at once; wait for it with `waitForOutput`. */
export function startNodeProcess(args: readonly string[], options: NodeProcessOptions = {}): RunningNodeProcess {
  const child = spawn(process.execPath, ["--import", EXIT_WITH_PARENT, ...args], {
    cwd: options.cwd,
    env: options.env,
    detached: options.detached ?? false,
    stdio: "pipe",
  });
  let stdout = "";
  let stderr = "";
  let output = "";
  const onChange = new Set<() => void>();
  const changed = () => {
    for (const listener of onChange) listener();
  };
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    output += chunk;
    changed();
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
    output += chunk;
    changed();
  });

  let ended: NodeProcessExit | undefined;
  const exited = new Promise<NodeProcessExit>((resolve) => {
    child.once("close", (code, signal) => {
      ended = { code, signal };
      resolve(ended);
      changed();
    });
    // Only when it could not be started: there will be no "close" then.
    child.once("error", (error) => {
      if (ended) return;
      output += `\n${error.message}`;
      ended = { code: null, signal: null };
      resolve(ended);
      changed();
    });
  });

  const waitForOutput = (pattern: RegExp, timeoutMs = 30_000) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        onChange.delete(check);
        settle();
      };
      const check = () => {
        const match = pattern.exec(output);
        if (match) finish(() => resolve(match));
        else if (ended) {
          const how = ended.signal ?? `exit code ${ended.code}`;
          finish(() => reject(new Error(`the process ended (${how}) without printing ${pattern}:\n${output}`)));
        }
      };
      const timer = setTimeout(
        () => finish(() => reject(new Error(`no ${pattern} in the output within ${timeoutMs} ms:\n${output}`))),
        timeoutMs,
      );
      onChange.add(check);
      check();
    });

  let stopped: Promise<NodeProcessExit> | undefined;
  const stop = (graceMs = 5_000) => {
    stopped ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      const force = setTimeout(() => child.kill("SIGKILL"), graceMs);
      child.kill("SIGTERM");
      try {
        return await exited;
      } finally {
        clearTimeout(force);
      }
    })();
    return stopped;
  };

  return {
    child,
    pid: child.pid as number,
    exited,
    stdout: () => stdout,
    stderr: () => stderr,
    output: () => output,
    waitForOutput,
    stop,
  };
}
