// CSV as RFC 4180 writes it: a header line, CRLF line ends, and a field quoted when it holds a comma, a
// quote or a line break, with its quotes doubled.
import { CALL_FIELDS } from "./call-fields.js";
import type { CallWriter } from "./call-writer.js";
import type { Sink } from "./sink.js";
import { terminalSafe } from "./terminal-text.js";

/**
 * On a terminal, a person reads the cells, so the server's text is made safe to show; into a file or a pipe,
 * it is kept as sent.
 */
export function csvWriter(sink: Sink, stdoutIsTerminal: boolean): CallWriter {
  const cell = stdoutIsTerminal ? terminalSafe : (text: string) => text;
  return {
    start: () => sink.write(csvLine(CALL_FIELDS.map((field) => field.name))),
    write: (call) => sink.write(csvLine(CALL_FIELDS.map((field) => cell(field.value(call))))),
    end: async () => {},
  };
}

function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
