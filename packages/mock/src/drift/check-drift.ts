// The live drift check: the real API's read-only answers, passed through a Prism proxy that validates them
// against the bundled spec, turned into a report of where the API and the spec disagree.

import { jsonPointerTokens, toPropertyPath } from "@sigmamind/error-text/property-path";
import { secretRedactor } from "@sigmamind/error-text/redact-secret";
import { MockStartError } from "../errors.js";
import { OPERATIONS } from "../generated/operations.js";
import { besideThisFile, startPrism } from "../prism-process.js";

export interface DriftCheckOptions {
  /** The API to check, such as `https://api.sigmamind.ai`. */
  upstream: string;
  /** Sent as X-API-Key to the upstream; never printed. */
  apiKey: string;
  /** The OpenAPI document to check against. Default: the spec bundled with this package. */
  specPath?: string;
  /** How many calls the list request asks for. Default: 20. */
  size?: number;
  startTimeoutMs?: number;
}

/** One place where a response broke the spec. */
export interface DriftViolation {
  operation: string;
  request: string;
  /** Where in the body, such as `data[0].status`; empty for the body itself. */
  path: string;
  expected: string;
  got: string;
}

export interface DriftReport {
  /** Every request made, with the status it got. */
  checked: { operation: string; request: string; status: number }[];
  violations: DriftViolation[];
  /** Requests the upstream refused or failed, which say nothing about drift. */
  failures: { operation: string; request: string; problem: string }[];
}

interface PrismViolation {
  location: string[];
  severity: string;
  code: string | number;
  message: string;
}

/**
 * Sends the read-only operations of the spec's operation table (each list, then each get on the first record its
 * list gave) through a Prism proxy in front of `upstream`, and reports every response violation Prism finds. It
 * never sends another method: a POST places a real call, a DELETE deletes one.
 */
export async function checkDrift(options: DriftCheckOptions): Promise<DriftReport> {
  const upstream = new URL(options.upstream);
  if (!options.apiKey) throw new MockStartError("checkDrift: apiKey is required; set SIGMAMIND_API_KEY.");
  const specPath = options.specPath ?? besideThisFile("openapi.yaml");
  const proxy = await startPrism(
    "proxy",
    // Port 0: the system chooses a free port and Prism names it in its ready line.
    [specPath, upstream.href.replace(/\/$/, ""), "--host", "127.0.0.1", "--port", "0"],
    options.startTimeoutMs ?? 30_000,
  );
  const report: DriftReport = { checked: [], violations: [], failures: [] };
  const redact = secretRedactor([options.apiKey]);
  try {
    const send = async (operation: string, path: string) => {
      const request = `GET ${path}`;
      let response: Response;
      try {
        response = await fetch(`${proxy.url}${path}`, {
          headers: { "X-API-Key": options.apiKey, Accept: "application/json" },
          signal: AbortSignal.timeout(30_000),
        });
      } catch (error) {
        report.failures.push({ operation, request, problem: redact(`no response: ${(error as Error).message}`) });
        return undefined;
      }
      const text = await response.text();
      report.checked.push({ operation, request, status: response.status });
      const body = parseJson(text);
      if (response.status === 401 || response.status === 403) {
        report.failures.push({
          operation,
          request,
          problem: `the API answered ${response.status}: check SIGMAMIND_API_KEY`,
        });
      } else if (response.status >= 500) {
        report.failures.push({ operation, request, problem: `the API answered ${response.status}; try again later` });
      }
      for (const violation of parseViolations(response.headers.get("sl-violations"))) {
        if (violation.location[0] !== "response") continue;
        report.violations.push(describe(operation, request, violation, body, redact));
      }
      return body;
    };

    // Every read of the spec's operation table: each collection first, then each get of one record, asked for the
    // first record its collection listed. Nothing else is sent: the other methods change the account.
    const reads = OPERATIONS.filter((operation) => operation.method === "GET");
    const firstItems = new Map<string, Record<string, unknown>>();
    for (const operation of reads.filter((read) => read.pathParameters.length === 0)) {
      const paged = (operation.queryParameters as readonly string[]).includes("size");
      const query = paged ? `?page=0&size=${options.size ?? 20}` : "";
      const body = await send(operation.id, `${operation.path}${query}`);
      const first = (body as { data?: unknown[] } | undefined)?.data?.[0];
      if (operation.returns === "page" && first && typeof first === "object") {
        firstItems.set(operation.resource, first as Record<string, unknown>);
      }
    }
    for (const operation of reads.filter((read) => read.one && read.pathParameters.length === 1)) {
      const name = operation.pathParameters[0] as string;
      const key = firstItems.get(operation.resource)?.[name];
      if (typeof key !== "string" || key === "") continue;
      await send(operation.id, operation.path.replace(`{${name}}`, encodeURIComponent(key)));
    }
    return report;
  } finally {
    await proxy.stop();
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function parseViolations(header: string | null): PrismViolation[] {
  if (!header) return [];
  try {
    const parsed = JSON.parse(header);
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

function describe(
  operation: string,
  request: string,
  violation: PrismViolation,
  body: unknown,
  redact: (text: string) => string,
): DriftViolation {
  // Prism splits Ajv's instancePath at "/" without unescaping: ["response", "body", "data", "0", "a~1b"].
  const tokens = jsonPointerTokens(
    violation.location
      .slice(2)
      .map((token) => `/${token}`)
      .join(""),
  );
  // A property name can be where the API echoed the key.
  const path = redact(toPropertyPath(tokens));
  const missing = /must have required property '([^']+)'/.exec(violation.message);
  if (missing) {
    const field = path ? `${path}.${missing[1]}` : (missing[1] as string);
    return { operation, request, path: field, expected: "a required field", got: "missing" };
  }
  // Prism says "must be integer,null" or "must match format "date-time""; the report says "integer or null".
  const expectation = (/must (.+)$/.exec(violation.message)?.[1] ?? violation.message)
    .replace(/^be (an? )?/, "")
    .replace(/^match format/, "format")
    .replace(/,/g, " or ");
  const value = tokens.reduce<unknown>(
    (at, token) => (at && typeof at === "object" ? (at as Record<string, unknown>)[token] : undefined),
    body,
  );
  return { operation, request, path, expected: redact(expectation), got: redact(describeValue(value)) };
}

function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  const type = Array.isArray(value) ? "array" : typeof value;
  if (type === "object" || type === "array") return `an ${type}`;
  const shown = JSON.stringify(value);
  return `${type} ${shown.length > 40 ? `${shown.slice(0, 40)}…` : shown}`;
}
