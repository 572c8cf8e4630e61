// `sigmamind calls wait ID`: follow a call until it ends. Not an operation of the API: polls of calls.get.

import { UsageError } from "../errors.js";
import { parseChoice, parseWholeNumber } from "../flag-values.js";
import { followCall } from "../follow-call.js";
import { defineCommand, type FlagSpecs } from "./command.js";

/** What `calls wait` and `calls create --wait` take to shape the wait. */
export const WAIT_FLAGS = {
  interval: {
    type: "string",
    valueName: "MS",
    description: "first wait between polls; each next one is twice the last, up to 5 s (default: 1000, at least 100)",
  },
  "wait-timeout": {
    type: "string",
    valueName: "MS",
    description: "give up waiting after this long, with exit status 5 (default: 600000, ten minutes)",
  },
} as const satisfies FlagSpecs;

export const WAIT_FORMATS = ["table", "ndjson", "json"] as const;

/** The static mock answers every request with the spec's fixed examples: no call there ever changes. */
export const MOCK_CANNOT_WAIT =
  "--mock serves the spec's fixed examples, where no call ever changes, so there is nothing to wait for: follow a call on the stateful sandbox with --sandbox";

export function waitSettings(flags: { interval?: string | undefined; "wait-timeout"?: string | undefined }) {
  return {
    intervalMs: parseWholeNumber("--interval", flags.interval, { min: 100, max: 2_147_483_647 }),
    timeoutMs: parseWholeNumber("--wait-timeout", flags["wait-timeout"], { min: 1, max: 2_147_483_647 }),
  };
}

export const waitCommand = defineCommand({
  name: "wait",
  label: "calls.waitFor",
  fields: { callId: "the call ID", pollIntervalMs: "--interval", timeoutMs: "--wait-timeout" },
  summary: "follow a call until it ends, a line per status; exit 0 ended, 4 not connected or failed, 5 timed out",
  args: ["ID"],
  flags: {
    ...WAIT_FLAGS,
    format: {
      type: "string",
      valueName: "F",
      choices: WAIT_FORMATS,
      description:
        "table (default): a line per status; ndjson: the call as JSON a line per status; json: the final call",
    },
  },
  examples: [
    "sigmamind calls wait call-AuUKK371Spr5nHJS",
    "sigmamind calls wait call-AuUKK371Spr5nHJS --format ndjson | jq -r .status",
    'sigmamind calls wait call-AuUKK371Spr5nHJS --wait-timeout 60000 || echo "not ended: $?"',
  ],
  async run({ flags, globals, args: [callId = ""], connect, io }) {
    if (globals.mock) throw new UsageError(MOCK_CANNOT_WAIT);
    const format = parseChoice("--format", flags.format, WAIT_FORMATS) ?? "table";
    const settings = waitSettings(flags);
    await followCall(await connect(), callId, io, { format, ...settings });
  },
});
