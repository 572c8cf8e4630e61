// Newline-delimited JSON: one call a line, for jq, log pipelines and line-by-line readers.
import { callJson } from "./call-fields.js";
import type { CallWriter, CallWriterOptions } from "./call-writer.js";
import { jsonText } from "./json.js";
import type { Sink } from "./sink.js";

export function ndjsonWriter(sink: Sink, { fields }: CallWriterOptions): CallWriter {
  return {
    start: async () => {},
    write: (call) => sink.write(`${jsonText(callJson(call, fields))}\n`),
    end: async () => {},
  };
}
