// Opt-in response validation. The validators are compiled from the spec at build time and loaded on first use,
// so a client that leaves validation off never downloads or parses them.
import { ResponseValidationError } from "./errors.js";

interface CompiledValidator {
  (data: unknown): boolean;
  errors?: { instancePath: string; message?: string; params?: Record<string, unknown> }[] | null;
}

type ValidatorModule = typeof import("../generated/response-validators.js");

let loading: Promise<ValidatorModule> | undefined;

/** Throws ResponseValidationError when `body` breaks the schema of `operation`'s success response. */
export async function assertValidResponse(operation: string, status: number, body: unknown): Promise<void> {
  loading ??= import("../generated/response-validators.js");
  const validators = await loading;
  const schemaName = (validators.schemaByOperation as Record<string, string>)[operation];
  const validate = (validators as unknown as Record<string, CompiledValidator | undefined>)[`validate${schemaName}`];
  if (!validate || validate(body)) return;
  const errors = validate.errors ?? [];
  // The deepest error is the most specific: "data[0].duration must be integer" over "must match anyOf".
  const deepest = errors.reduce(
    (best, error) => (error.instancePath.length > best.instancePath.length ? error : best),
    errors[0] ?? { instancePath: "", message: "is not valid" },
  );
  throw new ResponseValidationError(
    operation,
    toPropertyPath(deepest.instancePath),
    `${deepest.message ?? "is not valid"}${describeReceived(body, deepest.instancePath)}`,
    status,
    body,
  );
}

/** "/data/0/duration" → "data[0].duration". */
function toPropertyPath(pointer: string): string {
  return pointer
    .split("/")
    .slice(1)
    .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce(
      (path, segment) => (/^\d+$/.test(segment) ? `${path}[${segment}]` : path ? `${path}.${segment}` : segment),
      "",
    );
}

/** The type found, never the value: response values can be personal data that must not end up in logs. */
function describeReceived(body: unknown, pointer: string): string {
  let value: unknown = body;
  for (const segment of pointer.split("/").slice(1)) {
    value = value && typeof value === "object" ? (value as Record<string, unknown>)[segment] : undefined;
  }
  const type = value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
  return ` (got ${type})`;
}
