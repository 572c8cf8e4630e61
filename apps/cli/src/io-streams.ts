// What a run reads and writes, and whether a person is at a terminal: the process's own streams, or in tests,
// strings, as gh's iostreams.Test() does, so commands can be tested in-process.
import { type Sink, streamSink } from "./output/sink.js";

export interface IOStreams {
  /** The data, and nothing else. */
  readonly stdout: Sink;
  /** Errors, warnings and progress: everything for the person, nothing for the program reading stdout. */
  readonly stderr: TextOutput;
  readonly stdinIsTerminal: boolean;
  readonly stdoutIsTerminal: boolean;
  readonly stderrIsTerminal: boolean;
  /** All of stdin, as text: `--api-key-file -`. */
  readStdin(): Promise<string>;
}

export interface TextOutput {
  write(text: string): void;
}

export function processIOStreams(): IOStreams {
  return {
    stdout: streamSink(process.stdout),
    stderr: { write: (text) => process.stderr.write(text) },
    stdinIsTerminal: process.stdin.isTTY === true,
    stdoutIsTerminal: process.stdout.isTTY === true,
    stderrIsTerminal: process.stderr.isTTY === true,
    readStdin: async () => {
      let text = "";
      for await (const chunk of process.stdin.setEncoding("utf8")) text += chunk;
      return text;
    },
  };
}
