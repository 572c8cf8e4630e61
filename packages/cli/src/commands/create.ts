import type { CreateCallParams } from "@sigmamind/client";
import { REDACTED } from "@sigmamind/error-text/redact-secret";
import { checkWithoutSending } from "../check-without-sending.js";
import { confirm } from "../confirm.js";
import { UsageError } from "../errors.js";
import { parseChoice, parsePhoneNumber, parseVariables } from "../flag-values.js";
import { writeJson } from "../output/json.js";
import { assertPrintable } from "../output/printable.js";
import { writeRequest } from "../output/request.js";
import { formatCallDetails } from "../output/table.js";
import { defineCommand } from "./command.js";

export const createCommand = defineCommand({
  name: "create",
  label: "calls.create",
  fields: { fromPhoneNumber: "--from", toPhoneNumber: "--to", agentId: "--agent", dynamicVariables: "--var" },
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
    yes: {
      type: "boolean",
      short: "y",
      description: "place the call without asking; needed when there is no terminal to ask on",
    },
    "dry-run": { type: "boolean", description: "print the request instead of sending it; needs no --yes" },
  },
  examples: [
    "sigmamind calls create --from +14155552671 --to +14155550123 --agent D5D0p7TUs66TTAEAx --var customer_name=Michael",
    "sigmamind calls create --from +14155552671 --to +14155550123 --agent D5D0p7TUs66TTAEAx --dry-run",
    "sigmamind calls create --from +14155552671 --to +14155550123 --agent D5D0p7TUs66TTAEAx --yes  # in a script",
  ],
  async run({ flags, connect, io, usingMock }) {
    const format = parseChoice("--format", flags.format, ["table", "json"]) ?? "table";
    const dynamicVariables = parseVariables("--var", flags.var);
    const params: CreateCallParams = {
      fromPhoneNumber: parsePhoneNumber("--from", required("--from", flags.from)),
      toPhoneNumber: parsePhoneNumber("--to", required("--to", flags.to)),
      agentId: required("--agent", flags.agent),
      ...(dynamicVariables && { dynamicVariables }),
    };
    const client = await connect();
    const checkParams = () => checkWithoutSending((signal) => client.calls.create(params, { signal }));

    if (flags["dry-run"]) {
      await checkParams();
      await writeRequest(io.stdout, format, {
        method: "POST",
        url: `${client.baseUrl}/v1/calls`,
        headers: { "Content-Type": "application/json", "X-API-Key": REDACTED },
        body: params,
      });
      io.stderr.write("Dry run: nothing was sent.\n");
      return;
    }
    // On the mock nothing real happens, so there is nothing to confirm.
    if (!flags.yes && !usingMock) {
      await checkParams();
      await confirm(io, {
        question: `Place a call from ${params.fromPhoneNumber} to ${params.toPhoneNumber} with agent ${params.agentId}?`,
        consequence: "calls create places a real phone call",
        howToConfirm: "pass --yes to place it, or --dry-run to see the request without sending it",
        notDone: "no call was placed",
      });
    }
    const call = await client.calls.create(params);
    assertPrintable(call);
    await (format === "json" ? writeJson(io.stdout, call) : io.stdout.write(formatCallDetails(call)));
  },
});

function required(flag: string, value: string | undefined): string {
  if (value === undefined) throw new UsageError(`${flag} is required`);
  return value;
}
