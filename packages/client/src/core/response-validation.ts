// Opt-in response validation, checked with validators compiled from the spec at build time. The resources
// import this module on first use, so a client that leaves validation off never downloads or parses it. It
// only finds the violation: throwing is left to the resource, so this chunk shares no code with the entry.
import { jsonPointerTokens, toPropertyPath } from "@sigmamind/error-text/property-path";
import * as validators from "../generated/response-validators.js";

interface CompiledValidator {
  (data: unknown): boolean;
  errors?: { instancePath: string; message?: string; params?: Record<string, unknown> }[] | null;
}

/** Where and how `body` breaks the schema of `operation`'s success response; undefined when it does not. */
export interface ResponseViolation {
  /** Such as `data[0].duration`; empty for the body itself. */
  path: string;
  /** Such as `must be integer (got string)`. */
  problem: string;
}

export function findResponseViolation(operation: string, body: unknown): ResponseViolation | undefined {
  const schemaName = (validators.schemaByOperation as Record<string, string>)[operation];
  const validate = (validators as unknown as Record<string, CompiledValidator | undefined>)[`validate${schemaName}`];
  if (!validate || validate(body)) return undefined;
  const errors = validate.errors ?? [];
  // The deepest error is the most specific: "data[0].duration must be integer" over "must match anyOf".
  const deepest = errors.reduce(
    (best, error) => (error.instancePath.length > best.instancePath.length ? error : best),
    errors[0] ?? { instancePath: "", message: "is not valid" },
  );
  const tokens = jsonPointerTokens(deepest.instancePath);
  return {
    path: toPropertyPath(tokens),
    problem: `${deepest.message ?? "is not valid"}${describeReceived(body, tokens)}`,
  };
}

/** The type found, never the value: response values can be personal data that must not end up in logs. */
function describeReceived(body: unknown, tokens: readonly string[]): string {
  let value: unknown = body;
  for (const token of tokens) {
    value = value && typeof value === "object" ? (value as Record<string, unknown>)[token] : undefined;
  }
  const type = value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
  return ` (got ${type})`;
}
