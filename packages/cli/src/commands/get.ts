import { callJson } from "../output/call-fields.js";
import { writeJson } from "../output/json.js";
import { assertPrintable } from "../output/printable.js";
import { formatCallDetails } from "../output/table.js";
import { defineCommand } from "./command.js";
import { OUTPUT_SHAPING_FLAGS, readOutputShaping } from "./output-shaping.js";

const FORMATS = ["table", "json"] as const;

export const getCommand = defineCommand({
  name: "get",
  label: "calls.get",
  fields: { callId: "the call ID" },
  summary: "show one call",
  args: ["ID"],
  flags: {
    format: { type: "string", valueName: "F", choices: FORMATS, description: "table (default) or json" },
    ...OUTPUT_SHAPING_FLAGS,
  },
  examples: [
    "sigmamind calls get call-AuUKK371Spr5nHJS",
    "sigmamind calls get call-AuUKK371Spr5nHJS --format json",
    "sigmamind calls get call-AuUKK371Spr5nHJS --fields status,duration,terminationReason",
    "sigmamind calls get call-AuUKK371Spr5nHJS --jq '.recordingUrl'",
  ],
  async run({ flags, args: [callId = ""], connect, io: { stdout, stdoutIsTerminal } }) {
    const { format, fields, jq } = await readOutputShaping(flags, FORMATS, stdoutIsTerminal);
    const client = await connect();
    const call = await client.calls.get(callId);
    assertPrintable(call);
    if (format === "table") return stdout.write(formatCallDetails(call, fields));
    const json = callJson(call, fields);
    await (jq ? jq.write(stdout, json) : writeJson(stdout, json));
  },
});
