// Calls as text: on a terminal, for a person, a table with fixed column widths, so rows can be printed as they
// arrive without knowing the widest value in advance; into a pipe, as gh writes its tables there, a row a call
// with its fields separated by tabs, whole, without a header or padding, for cut and awk. And a one-call view
// for get and create. --fields picks the columns, and the rows of the one-call view.
import type { Call } from "@sigmamind/client";
import { type CallFieldName, callField } from "./call-fields.js";
import type { CallWriter, CallWriterOptions } from "./call-writer.js";
import type { Sink } from "./sink.js";
import { terminalSafe } from "./terminal-text.js";

interface ColumnLayout {
  readonly title: string;
  readonly width: number;
}

/** Each field as a column on a terminal: its title, and the width its values are padded or cut to. */
const COLUMN_LAYOUTS: Readonly<Record<CallFieldName, ColumnLayout>> = {
  callId: { title: "CALL ID", width: 24 },
  callType: { title: "TYPE", width: 8 },
  status: { title: "STATUS", width: 13 },
  startTime: { title: "STARTED", width: 24 },
  endTime: { title: "ENDED", width: 24 },
  duration: { title: "SECONDS", width: 7 },
  terminationReason: { title: "ENDED BECAUSE", width: 19 },
  phoneNumber: { title: "NUMBER", width: 16 },
  agentId: { title: "AGENT ID", width: 20 },
  agentName: { title: "AGENT", width: 20 },
  campaignId: { title: "CAMPAIGN", width: 24 },
  createdAt: { title: "CREATED", width: 24 },
};

/** The columns without --fields: what a person scanning a list of calls looks for, in a terminal's width. */
const DEFAULT_COLUMNS: readonly CallFieldName[] = [
  "callId",
  "callType",
  "status",
  "duration",
  "phoneNumber",
  "agentName",
  "createdAt",
];

export function tableWriter(sink: Sink, { stdoutIsTerminal, fields = DEFAULT_COLUMNS }: CallWriterOptions): CallWriter {
  if (!stdoutIsTerminal) {
    // Control characters, tabs and line breaks included, are blanked: a field never splits into two.
    return {
      start: async () => {},
      write: (call) => sink.write(`${fields.map((name) => terminalSafe(callField(name).text(call))).join("\t")}\n`),
      end: async () => {},
    };
  }
  return {
    start: () => sink.write(formatRow(fields, (name) => COLUMN_LAYOUTS[name].title)),
    write: (call) => sink.write(formatRow(fields, (name) => callField(name).text(call))),
    end: async () => {},
  };
}

/** A row of fixed-width columns, one a field, each cell given by `cellOf`. */
function formatRow(fields: readonly CallFieldName[], cellOf: (name: CallFieldName) => string): string {
  const fitted = fields.map((name) => {
    const { width } = COLUMN_LAYOUTS[name];
    const clean = terminalSafe(cellOf(name));
    // An id cut short could not be copied into `calls get`, so its column overflows instead.
    if (name === "callId" || clean.length <= width) return clean.padEnd(width);
    return `${clean.slice(0, width - 1)}…`;
  });
  return `${fitted.join("  ").trimEnd()}\n`;
}

type DetailRow = readonly [label: string, value: (call: Call) => string];

const fieldText =
  (name: CallFieldName) =>
  (call: Call): string =>
    callField(name).text(call);

/** Each field in the one-call view, as --fields picks them: its label, and its value as a person reads it. */
const DETAIL_ROWS_BY_FIELD: Readonly<Record<CallFieldName, DetailRow>> = {
  callId: ["Call ID", fieldText("callId")],
  callType: ["Type", fieldText("callType")],
  status: ["Status", fieldText("status")],
  startTime: ["Started", fieldText("startTime")],
  endTime: ["Ended", fieldText("endTime")],
  duration: ["Duration", (call) => (call.duration == null ? "" : `${call.duration} s`)],
  terminationReason: ["Ended because", fieldText("terminationReason")],
  phoneNumber: ["Number", fieldText("phoneNumber")],
  agentId: ["Agent ID", fieldText("agentId")],
  agentName: ["Agent", fieldText("agentName")],
  campaignId: ["Campaign", fieldText("campaignId")],
  createdAt: ["Created", fieldText("createdAt")],
};

/** Without --fields: the agent's name and id on one line, and what only this view shows. */
const DETAIL_ROWS: readonly DetailRow[] = [
  ...(
    ["callId", "callType", "status", "startTime", "endTime", "duration", "terminationReason", "phoneNumber"] as const
  ).map((name) => DETAIL_ROWS_BY_FIELD[name]),
  ["Agent", (call) => [call.agent?.name, call.agent?.agentId && `(${call.agent.agentId})`].filter(Boolean).join(" ")],
  DETAIL_ROWS_BY_FIELD.campaignId,
  DETAIL_ROWS_BY_FIELD.createdAt,
  ["Variables", (call) => formatVariables(call.dynamicVariables ?? call.variables)],
  ["Recording", (call) => call.recordingUrl ?? ""],
];

/** One call as "label  value" lines: every row, or with --fields the rows of those fields, in their order. */
export function formatCallDetails(call: Call, fields?: readonly CallFieldName[]): string {
  const rows = fields === undefined ? DETAIL_ROWS : fields.map((name) => DETAIL_ROWS_BY_FIELD[name]);
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows
    .map(([label, value]) => `${label.padEnd(width)}  ${terminalSafe(value(call))}`.trimEnd())
    .join("\n")
    .concat("\n");
}

function formatVariables(variables: Record<string, unknown> | undefined): string {
  return Object.entries(variables ?? {})
    .map(([name, value]) => `${name}=${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(", ");
}
