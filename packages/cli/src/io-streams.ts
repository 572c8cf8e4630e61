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
  /** All of stdin, as text (`--api-key-file -`); undefined when it holds more than `maxBytes`, read no further. */
  readStdin(maxBytes: number): Promise<string | undefined>;
  /**
   * Shows `question` on stderr and resolves with the line typed on stdin; "" at the end of input (Ctrl-D) or on
   * Ctrl-C. Only for a terminal: see confirm.ts.
   */
  ask(question: string): Promise<string>;
  /**
   * Runs `work` with a signal that Ctrl-C (SIGINT) aborts, so a long wait can stop cleanly and say so instead of
   * the process dying mid-line. Outside it, Ctrl-C ends the process as usual.
   */
  interruptible<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T>;
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
    readStdin: async (maxBytes) => {
      const chunks: Buffer[] = [];
      let length = 0;
      for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
        length += chunk.byteLength;
        // Leaving the loop stops reading; the rest stays unread.
        if (length > maxBytes) return undefined;
        chunks.push(chunk);
      }
      return Buffer.concat(chunks).toString("utf8");
    },
    ask: askOnTerminal,
    interruptible: async (work) => {
      const interrupted = new AbortController();
      const onInterrupt = () => interrupted.abort();
      process.on("SIGINT", onInterrupt);
      try {
        return await work(interrupted.signal);
      } finally {
        process.off("SIGINT", onInterrupt);
      }
    },
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
