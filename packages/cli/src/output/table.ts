// Calls as text: on a terminal, for a person, a table with fixed column widths, so rows can be printed as they
// arrive without knowing the widest value in advance; into a pipe, as gh writes its tables there, a row a call
// with its fields separated by tabs, whole, without a header or padding, for cut and awk. And a one-call view
// for get and create.
import type { Call } from "@sigmamind/client";
import { type CallFieldName, callField } from "./call-fields.js";
import type { CallWriter } from "./call-writer.js";
import type { Sink } from "./sink.js";
import { terminalSafe } from "./terminal-text.js";

interface Column {
  readonly title: string;
  readonly field: CallFieldName;
  readonly width: number;
}

const COLUMNS: readonly Column[] = [
  { title: "CALL ID", field: "callId", width: 24 },
  { title: "TYPE", field: "callType", width: 8 },
  { title: "STATUS", field: "status", width: 13 },
  { title: "SECONDS", field: "duration", width: 7 },
  { title: "NUMBER", field: "phoneNumber", width: 16 },
  { title: "AGENT", field: "agentName", width: 20 },
  { title: "CREATED", field: "createdAt", width: 24 },
];

export function tableWriter(sink: Sink, stdoutIsTerminal: boolean): CallWriter {
  const cellsOf = (call: Call) => COLUMNS.map((column) => callField(column.field).value(call));
  if (!stdoutIsTerminal) {
    // Control characters, tabs and line breaks included, are blanked: a field never splits into two.
    return {
      start: async () => {},
      write: (call) => sink.write(`${cellsOf(call).map(terminalSafe).join("\t")}\n`),
      end: async () => {},
    };
  }
  return {
    start: () => sink.write(formatRow(COLUMNS.map((column) => column.title))),
    write: (call) => sink.write(formatRow(cellsOf(call))),
    end: async () => {},
  };
}

function formatRow(cells: readonly string[]): string {
  const fitted = cells.map((cell, index) => {
    const width = COLUMNS[index]?.width ?? 0;
    const clean = terminalSafe(cell);
    // An id cut short could not be copied into `calls get`, so the first column overflows instead.
    if (index === 0 || clean.length <= width) return clean.padEnd(width);
    return `${clean.slice(0, width - 1)}…`;
  });
  return `${fitted.join("  ").trimEnd()}\n`;
}

const DETAIL_ROWS: readonly [string, (call: Call) => string][] = [
  ["Call ID", (call) => call.callId],
  ["Type", (call) => callField("callType").value(call)],
  ["Status", (call) => callField("status").value(call)],
  ["Started", (call) => callField("startTime").value(call)],
  ["Ended", (call) => callField("endTime").value(call)],
  ["Duration", (call) => (call.duration == null ? "" : `${call.duration} s`)],
  ["Ended because", (call) => callField("terminationReason").value(call)],
  ["Number", (call) => callField("phoneNumber").value(call)],
  ["Agent", (call) => [call.agent?.name, call.agent?.agentId && `(${call.agent.agentId})`].filter(Boolean).join(" ")],
  ["Campaign", (call) => callField("campaignId").value(call)],
  ["Created", (call) => callField("createdAt").value(call)],
  ["Variables", (call) => formatVariables(call.dynamicVariables ?? call.variables)],
  ["Recording", (call) => call.recordingUrl ?? ""],
];

/** One call as "label  value" lines. */
export function formatCallDetails(call: Call): string {
  const width = Math.max(...DETAIL_ROWS.map(([label]) => label.length));
  return DETAIL_ROWS.map(([label, value]) => `${label.padEnd(width)}  ${terminalSafe(value(call))}`.trimEnd())
    .join("\n")
    .concat("\n");
}

function formatVariables(variables: Record<string, unknown> | undefined): string {
  return Object.entries(variables ?? {})
    .map(([name, value]) => `${name}=${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(", ");
}
