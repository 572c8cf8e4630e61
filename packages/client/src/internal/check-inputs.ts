// Checks inputs before anything is sent, against schemas: a call's parameters and body (generated from the spec
// in src/generated/request-schemas.ts), and the client's and each call's options. A bad value fails at once,
// with a message naming it and saying what it must be.
import { InvalidInputError } from "../core/errors.js";

/** The subset of JSON Schema the checks understand. */
export interface FieldSchema {
  /** For a group of options: what to do instead of giving one it does not list. */
  readonly unknownAdvice?: string;
  readonly type?: string | readonly string[];
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly exclusiveMinimum?: number;
  readonly maximum?: number;
  readonly maxProperties?: number;
  readonly required?: readonly string[];
  readonly properties?: { readonly [name: string]: FieldSchema };
  readonly additionalProperties?: FieldSchema;
  /** What every property name of an object must be. */
  readonly propertyNames?: FieldSchema;
  readonly anyOf?: readonly FieldSchema[];
  /** Shown in a message where a pattern is hard to read. */
  readonly example?: unknown;
  /** What the value must be, in words: replaces the keyword-by-keyword message ("a whole number from 0 to 10"). */
  readonly description?: string;
  /** The value may be a secret (the key, a header value): a message names its type, never the value. */
  readonly secret?: boolean;
}

/** Each operation's inputs, as object schemas; a group the operation does not take is absent. */
export type RequestSchemas = {
  readonly [operationId: string]: {
    readonly path?: FieldSchema;
    readonly query?: FieldSchema;
    readonly body?: FieldSchema;
  };
};

/** What one input of a group is called in messages, and the group as a whole. */
const GROUP_NAMES = { parameter: "parameters", field: "the body", option: "options" } as const;

/**
 * Checks a group of named inputs (a call's parameters or body fields, options) against an object schema: missing
 * required ones are refused, then each value is checked. A name the schema does not list is refused for options,
 * which are this client's own; for the API's parameters and body fields it is returned instead, to be sent as
 * given, since the API may take a field before this version of the client knows it. `undefined` is an empty group.
 */
export function checkInputs(
  label: string,
  kind: keyof typeof GROUP_NAMES,
  schema: FieldSchema | undefined,
  given: unknown,
): string[] {
  const values = given === undefined && kind !== "field" ? {} : given;
  if (!isPlainObject(values)) {
    throw new InvalidInputError(`${label}: ${GROUP_NAMES[kind]} must be an object, got ${describeType(values)}.`);
  }
  // Runs before every call, so the only thing it builds is the list of given names, unless an input is unknown.
  const properties = schema?.properties ?? {};
  const names = Object.keys(values);
  let unknown: string[] = NONE;
  for (const name of names) {
    if (!Object.hasOwn(properties, name)) {
      unknown = names.filter((given) => !Object.hasOwn(properties, given));
      // A query parameter's name goes into the URL as it is: one with "=", "&" or "#" would say something else.
      const unsafe = kind === "parameter" ? unknown.find((given) => !/^[A-Za-z0-9_.-]+$/.test(given)) : undefined;
      if (unsafe !== undefined) {
        throw new InvalidInputError(
          `${label}: parameter ${JSON.stringify(unsafe)} is not one this version knows, and its name cannot be sent as it is: letters, digits, "_", "-" and "." only.`,
        );
      }
      if (kind === "option") {
        const known = Object.keys(properties).join(", ") || "none";
        const listed = unknown.map((given) => `"${given}"`).join(", ");
        const advice = schema?.unknownAdvice ? `; ${schema.unknownAdvice}` : "";
        throw new InvalidInputError(`${label}: unknown ${kind} ${listed}. Known: ${known}${advice}.`);
      }
      break;
    }
  }
  for (const name of schema?.required ?? []) {
    if (values[name] === undefined) throw InvalidInputError.of(label, name, "is required");
  }
  for (const name of names) {
    const known = properties[name];
    const problem = values[name] === undefined || !known ? undefined : problemWith(known, values[name]);
    if (problem) throw InvalidInputError.of(label, name, problem);
  }
  return unknown;
}

const NONE: string[] = [];

/**
 * A plain copy of a group of options, and of each value the schema calls an object (`headers`), read once here and
 * nowhere else: a getter that throws, a Proxy's trap or a revoked Proxy gives an InvalidInputError naming the
 * interface, not the error itself; and a getter cannot answer the check one thing and the request another. What
 * is not a plain object is given back as it is, for `checkInputs` to refuse.
 */
export function readOptions(label: string, given: unknown, schema?: FieldSchema, name = "options"): unknown {
  if (given === null || typeof given !== "object") return given;
  let step = "finding its prototype";
  try {
    if (!isPlainObject(given)) return given;
    step = "listing its properties";
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(given)) {
      step = `reading ${key}`;
      const value = given[key];
      const nested = schema?.properties?.[key];
      copy[key] = nested?.type === "object" ? readOptions(label, value, nested, `${name}.${key}`) : value;
    }
    return copy;
  } catch (error) {
    if (error instanceof InvalidInputError) throw error;
    throw new InvalidInputError(
      `${label}: ${name} could not be read: ${step} threw. Pass a plain object of values, such as { timeoutMs: 10000 }: no getter that throws, no Proxy.`,
      { cause: error },
    );
  }
}

/**
 * A value sent as one path segment. "." and ".." (also percent-encoded) are dot segments that URL parsing
 * removes, so `calls.delete("..")` would reach another path entirely: they are refused.
 */
export function checkPathSegment(label: string, name: string, value: string): void {
  if (/^(\.|%2e){1,2}$/i.test(value)) {
    throw InvalidInputError.of(label, name, `cannot be "${value}", which URLs read as a relative path`);
  }
}

const patterns = new Map<string, RegExp>();

/** What is wrong with `value`, phrased to follow its name ("must be ..."), or undefined when it is fine. */
function problemWith(schema: FieldSchema, value: unknown): string | undefined {
  const problem = keywordProblemWith(schema, value);
  if (!problem) return undefined;
  if (schema.secret) return `must be ${schema.description ?? "valid"}, got ${article(kindOf(value))}`;
  return schema.description ? `must be ${schema.description}, got ${describeType(value)}` : problem;
}

function keywordProblemWith(schema: FieldSchema, value: unknown): string | undefined {
  if (schema.anyOf) {
    const problems = schema.anyOf.map((branch) => problemWith(branch, value));
    return problems.includes(undefined) ? undefined : problems[0];
  }
  const { type } = schema;
  if (type !== undefined && !(typeof type === "string" ? hasType(value, type) : type.some((t) => hasType(value, t)))) {
    return `must be ${[type].flat().map(article).join(" or ")}, got ${describeType(value)}`;
  }
  if (typeof value === "string") {
    // encodeURIComponent throws a URIError on a lone surrogate, and no API reads one as text.
    if (/\p{Surrogate}/u.test(value)) return "must be valid Unicode text, but holds a lone surrogate";
    if (value.length < (schema.minLength ?? 0)) {
      return schema.minLength === 1 ? "must not be empty" : `must be at least ${schema.minLength} characters long`;
    }
    if (value.length > (schema.maxLength ?? value.length)) {
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
    const { minimum, exclusiveMinimum, maximum } = schema;
    if (minimum !== undefined && value < minimum) return `must be ${minimum} or more, got ${value}`;
    if (exclusiveMinimum !== undefined && value <= exclusiveMinimum) {
      return `must be more than ${exclusiveMinimum}, got ${value}`;
    }
    if (maximum !== undefined && value > maximum) return `must be ${maximum} or less, got ${value}`;
  }
  if (isPlainObject(value)) {
    const entries = Object.entries(value);
    if (entries.length > (schema.maxProperties ?? entries.length)) {
      return `must have at most ${schema.maxProperties} entries, got ${entries.length}`;
    }
    for (const [key, entry] of entries) {
      const nameProblem = schema.propertyNames && problemWith(schema.propertyNames, key);
      if (nameProblem) return `has the name ${JSON.stringify(key)}, which ${nameProblem}`;
      const problem = schema.additionalProperties && problemWith(schema.additionalProperties, entry);
      if (problem) return `has "${key}" that ${problem}`;
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

/** The type found, never the value: what a message about a secret, or a response's shape, may say. */
export function kindOf(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
}

function describeType(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return "an array";
  // A number is shown as it is, an instance by its class, anything else by its kind: "a string", "an object".
  if (typeof value === "number") return `${value}`;
  return isPlainObject(value) || typeof value !== "object"
    ? article(typeof value)
    : `an instance of ${classNameOf(value) || "a class"}`;
}

/** The name of an object's class; none when reading it throws (a Proxy's trap). */
function classNameOf(value: object): string | undefined {
  try {
    const name = value.constructor?.name;
    return typeof name === "string" ? name : undefined;
  } catch {
    return undefined;
  }
}
