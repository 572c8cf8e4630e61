// Newline-delimited JSON: one call a line, for jq, log pipelines and line-by-line readers.
import type { CallWriter } from "./call-writer.js";
import { jsonText } from "./json.js";
import type { Sink } from "./sink.js";

export function ndjsonWriter(sink: Sink): CallWriter {
  return {
    start: async () => {},
    write: (call) => sink.write(`${jsonText(call)}\n`),
    end: async () => {},
  };
}
