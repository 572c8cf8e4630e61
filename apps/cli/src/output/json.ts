// JSON output: one value pretty-printed, or every call as one array written as the calls arrive.
import type { CallWriter } from "./call-writer.js";
import type { Sink } from "./sink.js";

export function writeJson(sink: Sink, value: unknown): Promise<void> {
  return sink.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** A JSON array written element by element, so it never has to be held whole in memory. */
export function jsonArrayWriter(sink: Sink): CallWriter {
  let written = 0;
  return {
    start: () => sink.write("["),
    write: (call) => {
      const element = JSON.stringify(call, null, 2).replace(/^/gm, "  ");
      return sink.write(`${written++ === 0 ? "\n" : ",\n"}${element}`);
    },
    end: () => sink.write(written === 0 ? "]\n" : "\n]\n"),
  };
}
