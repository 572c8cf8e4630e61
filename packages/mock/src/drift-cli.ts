#!/usr/bin/env node
// sigmamind-drift: checks the live API's read-only responses against the bundled spec (`pnpm contract:live`).
import { parseArgs } from "node:util";
import { secretRedactor } from "@sigmamind/error-text/redact-secret";
import { checkDrift } from "./drift/check-drift.js";
import { formatDriftReport } from "./drift/format-report.js";

const USAGE = `Usage: SIGMAMIND_API_KEY=... sigmamind-drift [--upstream URL]

Sends the read-only calls operations (list, get) to the live API through a Prism proxy that validates every
response against the spec, and reports where they disagree. Never sends POST or DELETE.

Options:
  --upstream <url>  the API to check (default: SIGMAMIND_BASE_URL, then https://api.sigmamind.ai)
  --help            show this help

Exit codes: 0 no drift, 1 drift found or the check could not run, 2 usage error.
`;

async function main() {
  let values: { upstream?: string | undefined; help?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      strict: true,
      options: { upstream: { type: "string" }, help: { type: "boolean", short: "h" } },
    }));
  } catch (error) {
    process.stderr.write(`sigmamind-drift: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const apiKey = process.env.SIGMAMIND_API_KEY?.trim();
  if (!apiKey) {
    process.stderr.write("sigmamind-drift: set SIGMAMIND_API_KEY to the key of the account to check.\n");
    return 2;
  }
  const upstream = values.upstream ?? process.env.SIGMAMIND_BASE_URL ?? "https://api.sigmamind.ai";
  try {
    new URL(upstream);
  } catch {
    process.stderr.write(`sigmamind-drift: --upstream "${upstream}" is not a URL.\n`);
    return 2;
  }
  const report = await checkDrift({ upstream, apiKey });
  process.stdout.write(`${formatDriftReport(report)}\n`);
  return report.violations.length === 0 && report.failures.length === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    const redact = secretRedactor([process.env.SIGMAMIND_API_KEY ?? ""]);
    process.stderr.write(`sigmamind-drift: ${redact(message)}\n`);
    process.exitCode = 1;
  },
);
