// Runs sigmamind inside the test process with streams that are strings, as gh tests its commands with
// iostreams.Test(): no process to start, and the terminal is whatever the test says it is.
import type { IOStreams } from "../../src/io-streams.js";
import { run } from "../../src/run.js";
import { API_KEY, type CliEnv, type CliResult } from "./run-cli.js";

type Stream = "stdin" | "stdout" | "stderr";

export interface InProcessOptions {
  /** Added to an environment that holds only SIGMAMIND_API_KEY; `undefined` removes a variable. */
  readonly env?: CliEnv;
  /** Which streams are a terminal: `true` for all three. Default: none. */
  readonly terminal?: boolean | Partial<Record<Stream, boolean>>;
  /** What stdin holds. Default: nothing. */
  readonly stdin?: string;
  /** The lines typed at the prompts, in order; once they run out, end of input. */
  readonly answers?: readonly string[];
  /** Stands for Ctrl-C during a wait: aborting it is pressing Ctrl-C. Default: never pressed. */
  readonly interrupt?: AbortSignal;
}

export interface InProcessResult extends CliResult {
  /** Every question asked at a prompt. */
  readonly questions: readonly string[];
}

export async function runInProcess(args: readonly string[], options: InProcessOptions = {}): Promise<InProcessResult> {
  let stdout = "";
  let stderr = "";
  const questions: string[] = [];
  const answers = [...(options.answers ?? [])];
  const isTerminal = (stream: Stream) =>
    typeof options.terminal === "object" ? options.terminal[stream] === true : options.terminal === true;
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
    stdinIsTerminal: isTerminal("stdin"),
    stdoutIsTerminal: isTerminal("stdout"),
    stderrIsTerminal: isTerminal("stderr"),
    readStdin: async (maxBytes) => {
      const text = options.stdin ?? "";
      return Buffer.byteLength(text) > maxBytes ? undefined : text;
    },
    ask: async (question) => {
      questions.push(question);
      stderr += question;
      return answers.shift() ?? "";
    },
    interruptible: (work) => work(options.interrupt ?? new AbortController().signal),
  };
  const env = Object.fromEntries(
    Object.entries({ SIGMAMIND_API_KEY: API_KEY, ...options.env }).filter(([, value]) => value !== undefined),
  );
  const code = await run(args, env, io);
  return { code, stdout, stderr, questions };
}
