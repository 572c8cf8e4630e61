// CSV as RFC 4180 writes it: a header line, CRLF line ends, and a field quoted when it holds a comma, a
// quote or a line break, with its quotes doubled.
import { CALL_FIELD_NAMES, callField } from "./call-fields.js";
import type { CallWriter, CallWriterOptions } from "./call-writer.js";
import type { Sink } from "./sink.js";
import { terminalSafe } from "./terminal-text.js";

/**
 * A column a field, every field or those of --fields, under a header of their names. On a terminal, a person reads
 * the cells, so the server's text is made safe to show; into a file or a pipe, it is kept as sent, except that a
 * cell a spreadsheet would run as a formula is written as text.
 */
export function csvWriter(sink: Sink, { stdoutIsTerminal, fields = CALL_FIELD_NAMES }: CallWriterOptions): CallWriter {
  const shown = stdoutIsTerminal ? terminalSafe : (text: string) => text;
  const columns = fields.map(callField);
  return {
    start: () => sink.write(csvLine(fields)),
    write: (call) => sink.write(csvLine(columns.map((column) => notAFormula(shown(column.text(call)))))),
    end: async () => {},
  };
}

// What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection").
const FORMULA_START = /^[=+\-@\t\r]/;
// A sign and digits, such as "+14155552671" or "-1.5", is read as a number and can run nothing.
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * A cell from the server that would start a formula, prefixed with "'" so a spreadsheet shows it as text.
 * A plain number is left alone: prefixing phone numbers in E.164 form would change every one of them.
 */
function notAFormula(cell: string): string {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
