import type { CreateCallParams } from "@sigmamind/client";
import { REDACTED } from "@sigmamind/error-text/redact-secret";
import { checkWithoutSending } from "../check-without-sending.js";
import { confirm } from "../confirm.js";
import { UsageError } from "../errors.js";
import { parseChoice, parsePhoneNumber, parseVariables } from "../flag-values.js";
import { followCall } from "../follow-call.js";
import { writeJson } from "../output/json.js";
import { ndjsonWriter } from "../output/ndjson.js";
import { assertPrintable } from "../output/printable.js";
import { writeRequest } from "../output/request.js";
import { formatCallDetails } from "../output/table.js";
import { defineCommand } from "./command.js";
import { MOCK_CANNOT_WAIT, WAIT_FLAGS, WAIT_FORMATS, waitSettings } from "./wait.js";

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
    format: {
      type: "string",
      valueName: "F",
      choices: WAIT_FORMATS,
      description: "table (default) or json; with --wait also ndjson, and json is then the call once it has ended",
    },
    wait: {
      type: "boolean",
      description: "then follow the call until it ends, as calls wait does, with its exit statuses",
    },
    ...WAIT_FLAGS,
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
    "sigmamind calls create --from +14155552671 --to +14155550123 --agent D5D0p7TUs66TTAEAx --wait",
  ],
  async run({ flags, globals, connect, io, usingMock }) {
    const format = parseChoice("--format", flags.format, flags.wait ? WAIT_FORMATS : ["table", "json"]) ?? "table";
    if (flags.wait && globals.mock) throw new UsageError(MOCK_CANNOT_WAIT);
    if (flags.wait && flags["dry-run"]) {
      throw new UsageError("--wait and --dry-run cannot be used together: a dry run places no call to wait for");
    }
    if (!flags.wait && (flags.interval !== undefined || flags["wait-timeout"] !== undefined)) {
      throw new UsageError(`${flags.interval !== undefined ? "--interval" : "--wait-timeout"} needs --wait`);
    }
    const wait = flags.wait ? waitSettings(flags) : undefined;
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
      // ndjson comes only with --wait, which a dry run refuses above.
      await writeRequest(io.stdout, format === "json" ? "json" : "table", {
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
    if (!wait) {
      await (format === "json" ? writeJson(io.stdout, call) : io.stdout.write(formatCallDetails(call)));
      return;
    }
    // With --wait, json is the call once it has ended: one document for a script to read.
    if (format === "table") await io.stdout.write(`${formatCallDetails(call)}\n`);
    if (format === "ndjson")
      await ndjsonWriter(io.stdout, { stdoutIsTerminal: io.stdoutIsTerminal, fields: undefined }).write(call);
    await followCall(client, call.callId, io, { format, ...wait, shown: call });
  },
});

function required(flag: string, value: string | undefined): string {
  if (value === undefined) throw new UsageError(`${flag} is required`);
  return value;
}
