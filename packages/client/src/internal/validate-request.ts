// Checks a call's inputs against the constraints generated from the spec (src/generated/request-schemas.ts)
// before anything is sent, so a bad value fails at once with a message naming it.
import { InvalidInputError } from "../core/errors.js";

export interface FieldSchema {
  readonly type?: string | readonly string[];
  readonly format?: string;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly maxProperties?: number;
  readonly required?: readonly string[];
  readonly properties?: { readonly [name: string]: FieldSchema };
  readonly additionalProperties?: FieldSchema;
  readonly anyOf?: readonly FieldSchema[];
  readonly example?: unknown;
}

export interface ParameterSchema {
  readonly required: boolean;
  readonly schema: FieldSchema;
}

export interface OperationSchema {
  readonly path: { readonly [name: string]: ParameterSchema };
  readonly query: { readonly [name: string]: ParameterSchema };
  readonly body: FieldSchema | null;
}

export type RequestSchemas = { readonly [operationId: string]: OperationSchema };

/** Parameters (path or query) of one call: unknown names, missing required ones and bad values are refused. */
export function checkParameters(
  method: string,
  parameters: { readonly [name: string]: ParameterSchema },
  values: unknown,
): void {
  if (values === undefined) values = {};
  if (!isPlainObject(values)) {
    throw new InvalidInputError(`${method}: parameters must be an object, got ${describeType(values)}.`);
  }
  rejectUnknown(method, Object.keys(values), Object.keys(parameters), "parameter");
  for (const [name, { required, schema }] of Object.entries(parameters)) {
    const value = values[name];
    if (value === undefined) {
      if (required) throw new InvalidInputError(`${method}: ${name} is required.`);
      continue;
    }
    const problem = problemWith(schema, value);
    if (problem) throw new InvalidInputError(`${method}: ${name} ${problem}.`);
  }
}

/**
 * A value sent as one path segment. "." and ".." (also percent-encoded) are dot segments that URL parsing
 * removes, so `calls.delete("..")` would reach another path entirely: they are refused.
 */
export function checkPathSegment(method: string, name: string, value: string): void {
  if (/^(\.|%2e){1,2}$/i.test(value)) {
    throw new InvalidInputError(`${method}: ${name} cannot be "${value}", which URLs read as a relative path.`);
  }
}

/** A JSON body: the same checks, field by field, with unknown fields refused at the top level. */
export function checkBody(method: string, schema: FieldSchema, body: unknown): void {
  if (!isPlainObject(body))
    throw new InvalidInputError(`${method}: the body must be an object, got ${describeType(body)}.`);
  rejectUnknown(method, Object.keys(body), Object.keys(schema.properties ?? {}), "field");
  for (const name of schema.required ?? []) {
    if (body[name] === undefined) throw new InvalidInputError(`${method}: ${name} is required.`);
  }
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    if (body[name] === undefined) continue;
    const problem = problemWith(field, body[name]);
    if (problem) throw new InvalidInputError(`${method}: ${name} ${problem}.`);
  }
}

function rejectUnknown(method: string, given: string[], known: string[], kind: string) {
  const unknown = given.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    const list = unknown.map((name) => `"${name}"`).join(", ");
    throw new InvalidInputError(`${method}: unknown ${kind} ${list}. Known: ${known.join(", ") || "none"}.`);
  }
}

const patterns = new Map<string, RegExp>();

/** What is wrong with `value`, phrased to follow its name ("must be ..."), or undefined when it is fine. */
function problemWith(schema: FieldSchema, value: unknown): string | undefined {
  if (schema.anyOf) {
    const problems = schema.anyOf.map((branch) => problemWith(branch, value));
    return problems.includes(undefined) ? undefined : problems[0];
  }
  const types = schema.type === undefined ? [] : typeof schema.type === "string" ? [schema.type] : schema.type;
  if (types.length > 0 && !types.some((type) => hasType(value, type))) {
    return `must be ${types.map(article).join(" or ")}, got ${describeType(value)}`;
  }
  if (typeof value === "string") {
    if (schema.minLength !== undefined && value.length < schema.minLength) {
      return schema.minLength === 1 ? "must not be empty" : `must be at least ${schema.minLength} characters long`;
    }
    if (schema.maxLength !== undefined && value.length > schema.maxLength) {
      return `must be at most ${schema.maxLength} characters long, got ${value.length}`;
    }
    if (schema.pattern !== undefined) {
      const pattern = patterns.get(schema.pattern) ?? new RegExp(schema.pattern, "u");
      patterns.set(schema.pattern, pattern);
      if (!pattern.test(value)) {
        const example = schema.example === undefined ? "" : ` such as ${JSON.stringify(schema.example)}`;
        return `must match ${schema.pattern}${example}, got ${JSON.stringify(value)}`;
      }
    }
  }
  if (typeof value === "number") {
    if (schema.minimum !== undefined && value < schema.minimum)
      return `must be ${schema.minimum} or more, got ${value}`;
    if (schema.maximum !== undefined && value > schema.maximum)
      return `must be ${schema.maximum} or less, got ${value}`;
  }
  if (isPlainObject(value)) {
    const entries = Object.entries(value);
    if (schema.maxProperties !== undefined && entries.length > schema.maxProperties) {
      return `must have at most ${schema.maxProperties} entries, got ${entries.length}`;
    }
    if (schema.additionalProperties) {
      for (const [key, entry] of entries) {
        const problem = problemWith(schema.additionalProperties, entry);
        if (problem) return `has "${key}" that ${problem}`;
      }
    }
  }
  return undefined;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "object":
      return isPlainObject(value);
    case "array":
      return Array.isArray(value);
    case "null":
      return value === null;
    default:
      return typeof value === type;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function article(type: string) {
  return type === "integer" || type === "object" || type === "array" ? `an ${type}` : `a ${type}`;
}

function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  // A number is shown as it is; anything else by its kind: "a string", "an object".
  return typeof value === "number" ? `${value}` : article(typeof value);
}
