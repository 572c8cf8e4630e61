// Runs sigmamind inside the test process with streams that are strings, as gh tests its commands with
// iostreams.Test(): no process to start, and the terminal is whatever the test says it is.
import type { IOStreams } from "../../src/io-streams.js";
import { run } from "../../src/run.js";
import { API_KEY, type CliEnv, type CliResult } from "./run-cli.js";

export interface InProcessOptions {
  /** Added to an environment that holds only SIGMAMIND_API_KEY; `undefined` removes a variable. */
  readonly env?: CliEnv;
  /** Whether stdin, stdout and stderr are all a terminal. Default: none is. */
  readonly terminal?: boolean;
  /** What stdin holds. Default: nothing. */
  readonly stdin?: string;
}

export async function runInProcess(args: readonly string[], options: InProcessOptions = {}): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const terminal = options.terminal === true;
  const io: IOStreams = {
    stdout: {
      write: async (text) => {
        stdout += text;
      },
    },
    stderr: {
      write: (text) => {
        stderr += text;
      },
    },
    stdinIsTerminal: terminal,
    stdoutIsTerminal: terminal,
    stderrIsTerminal: terminal,
    readStdin: async () => options.stdin ?? "",
  };
  const env = Object.fromEntries(
    Object.entries({ SIGMAMIND_API_KEY: API_KEY, ...options.env }).filter(([, value]) => value !== undefined),
  );
  const code = await run(args, env, io);
  return { code, stdout, stderr };
}
