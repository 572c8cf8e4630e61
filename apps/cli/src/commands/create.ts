import { UsageError } from "../errors.js";
import { parseChoice, parsePhoneNumber, parseVariables } from "../flag-values.js";
import { writeJson } from "../output/json.js";
import { formatCallDetails } from "../output/table.js";
import { defineCommand } from "./command.js";

export const createCommand = defineCommand({
  name: "create",
  summary: "place an outbound phone call",
  args: [],
  flags: {
    from: { type: "string", valueName: "E164", description: "the account's number to call from, such as +14155552671" },
    to: { type: "string", valueName: "E164", description: "the number to call" },
    agent: { type: "string", valueName: "ID", description: "the agent that handles the call" },
    var: {
      type: "string",
      multiple: true,
      valueName: "NAME=VALUE",
      description: "a variable for the agent's prompt, sent as a string; repeat for more",
    },
    format: { type: "string", valueName: "F", description: "table (default) or json" },
  },
  examples: [
    "sigmamind calls create --from +14155552671 --to +14155550123 --agent D5D0p7TUs66TTAEAx --var customer_name=Michael",
  ],
  async run({ flags, connect, io: { stdout } }) {
    const format = parseChoice("--format", flags.format, ["table", "json"]) ?? "table";
    const dynamicVariables = parseVariables("--var", flags.var);
    const fromPhoneNumber = parsePhoneNumber("--from", required("--from", flags.from));
    const toPhoneNumber = parsePhoneNumber("--to", required("--to", flags.to));
    const agentId = required("--agent", flags.agent);
    const client = await connect();
    const call = await client.calls.create({
      fromPhoneNumber,
      toPhoneNumber,
      agentId,
      ...(dynamicVariables && { dynamicVariables }),
    });
    await (format === "json" ? writeJson(stdout, call) : stdout.write(formatCallDetails(call)));
  },
});

function required(flag: string, value: string | undefined): string {
  if (value === undefined) throw new UsageError(`${flag} is required`);
  return value;
}
