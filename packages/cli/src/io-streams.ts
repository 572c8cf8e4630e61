// What a run reads and writes, and whether a person is at a terminal: the process's own streams, or in tests,
// strings, as gh's iostreams.Test() does, so commands can be tested in-process.
import { createInterface } from "node:readline";
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
  /**
   * Shows `question` on stderr and resolves with the line typed on stdin; "" at the end of input (Ctrl-D) or on
   * Ctrl-C. Only for a terminal: see confirm.ts.
   */
  ask(question: string): Promise<string>;
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
    ask: askOnTerminal,
  };
}

function askOnTerminal(question: string): Promise<string> {
  const lines = createInterface({ input: process.stdin, output: process.stderr });
  return new Promise<string>((resolve) => {
    let answered = false;
    lines.question(question, (answer) => {
      answered = true;
      lines.close();
      resolve(answer);
    });
    // With a listener, readline hands Ctrl-C over instead of pausing the input and leaving the prompt hanging.
    lines.once("SIGINT", () => lines.close());
    // Ctrl-D or Ctrl-C: no answer, which is no. The line break keeps what follows off the prompt's line.
    lines.once("close", () => {
      if (answered) return;
      process.stderr.write("\n");
      resolve("");
    });
  });
}
