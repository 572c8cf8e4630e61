// JSON output: one value pretty-printed, or every call as one array written as the calls arrive.
import { callJson } from "./call-fields.js";
import type { CallWriter, CallWriterOptions } from "./call-writer.js";
import type { Sink } from "./sink.js";

export function writeJson(sink: Sink, value: unknown): Promise<void> {
  return sink.write(`${jsonText(value, 2)}\n`);
}

/**
 * JSON.stringify's text with DEL and the C1 controls escaped as well: it escapes C0 but leaves those raw, and a
 * terminal may act on them. So are the line and paragraph separators (a line break to a regular expression, and
 * to some terminals) and the bidirectional overrides and isolates (they reorder what is shown). The escaped text
 * reads back as the same value.
 */
export function jsonText(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(
    /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** A JSON array written element by element, so it never has to be held whole in memory. */
export function jsonArrayWriter(sink: Sink, { fields }: CallWriterOptions): CallWriter {
  let written = 0;
  return {
    start: () => sink.write("["),
    write: (call) => {
      const element = jsonText(callJson(call, fields), 2).replace(/^/gm, "  ");
      return sink.write(`${written++ === 0 ? "\n" : ",\n"}${element}`);
    },
    end: () => sink.write(written === 0 ? "]\n" : "\n]\n"),
  };
}
