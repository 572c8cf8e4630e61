import type { Call, CallListResponse } from "@sigmamind/client";

const COLUMNS: { title: string; value: (call: Call) => string }[] = [
  { title: "CALL ID", value: (call) => call.callId },
  { title: "TYPE", value: (call) => call.callType ?? "" },
  { title: "STATUS", value: (call) => call.status },
  { title: "DURATION", value: (call) => (call.duration == null ? "" : `${call.duration}s`) },
  { title: "NUMBER", value: (call) => String(call.phoneNumber?.sipPhoneNumber ?? "") },
  { title: "AGENT", value: (call) => call.agent?.name ?? "" },
  { title: "CREATED", value: (call) => call.createdAt ?? "" },
];

/** A page of calls as an aligned text table, with a line saying where in the list it sits. */
export function formatCallsPage(page: CallListResponse): string {
  const rows = [COLUMNS.map((column) => column.title), ...page.data.map((call) => COLUMNS.map((c) => c.value(call)))];
  const widths = COLUMNS.map((_, index) => Math.max(...rows.map((row) => (row[index] ?? "").length)));
  const lines = rows.map((row) =>
    row
      .map((cell, index) => cell.padEnd(widths[index] ?? 0))
      .join("  ")
      .trimEnd(),
  );
  lines.push("", `page ${page.page} of ${page.totalPages}, ${page.totalCounts} calls in all`);
  return lines.join("\n");
}
