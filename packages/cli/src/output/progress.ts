// "… 1200 calls" on stderr while a long listing runs.
import type { IOStreams } from "../io-streams.js";

export interface Progress {
  add(calls: number): void;
  done(): void;
}

const REDRAW_INTERVAL_MS = 100;

/**
 * Progress for a person watching a terminal while the data goes elsewhere (a file, a pipe). When stdout is
 * the same terminal the rows themselves show progress, and a redrawn line would tear through them; when
 * stderr is not a terminal, nobody is watching and a log would fill with carriage returns.
 */
export function progressReporter({ stderr, stderrIsTerminal, stdoutIsTerminal }: IOStreams): Progress {
  if (!stderrIsTerminal || stdoutIsTerminal) return { add() {}, done() {} };
  let total = 0;
  let drawnAt = 0;
  return {
    add(calls) {
      total += calls;
      const now = Date.now();
      if (now - drawnAt < REDRAW_INTERVAL_MS) return;
      drawnAt = now;
      stderr.write(`\r… ${countOfCalls(total)}`);
    },
    done() {
      stderr.write(`\r${countOfCalls(total)}\x1b[K\n`);
    },
  };
}

/** "1 call", "2 calls". */
export function countOfCalls(count: number): string {
  return `${count} ${count === 1 ? "call" : "calls"}`;
}
