import { parseChoice } from "../flag-values.js";
import { writeJson } from "../output/json.js";
import { assertPrintable } from "../output/printable.js";
import { formatCallDetails } from "../output/table.js";
import { defineCommand } from "./command.js";

export const getCommand = defineCommand({
  name: "get",
  label: "calls.get",
  fields: { callId: "the call ID" },
  summary: "show one call",
  args: ["ID"],
  flags: {
    format: { type: "string", valueName: "F", description: "table (default) or json" },
  },
  examples: ["sigmamind calls get call-AuUKK371Spr5nHJS", "sigmamind calls get call-AuUKK371Spr5nHJS --format json"],
  async run({ flags, args: [callId = ""], connect, io: { stdout } }) {
    const format = parseChoice("--format", flags.format, ["table", "json"]) ?? "table";
    const client = await connect();
    const call = await client.calls.get(callId);
    assertPrintable(call);
    await (format === "json" ? writeJson(stdout, call) : stdout.write(formatCallDetails(call)));
  },
});
