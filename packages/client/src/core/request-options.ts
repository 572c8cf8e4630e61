import { checkInputs, type FieldSchema, readOptions } from "../internal/check-inputs.js";
import { InvalidInputError } from "./errors.js";

/** Options every method takes as its last argument; they apply to that call only. */
export interface RequestOptions {
  /** Aborts the call, including a wait between retries; it then rejects with `APIUserAbortError`. */
  signal?: AbortSignal | undefined;
  /** Time allowed for each attempt. Default: the client's `timeoutMs`. */
  timeoutMs?: number | undefined;
  /** Attempts after the first. Default: the client's `maxRetries`. */
  maxRetries?: number | undefined;
  /** Extra headers for this call only. */
  headers?: Record<string, string> | undefined;
}

// Shared with the client's own options, which take the same settings as defaults.
/** Timers hold at most 2^31 - 1 ms; past it, Node fires them after 1 ms. */
export const MAX_TIMEOUT_MS = 2_147_483_647;
export const TIMEOUT_MS: FieldSchema = {
  type: "number",
  exclusiveMinimum: 0,
  maximum: MAX_TIMEOUT_MS,
  // Written out: a template at module scope is code a bundler keeps in every bundle, used or not.
  description: "a positive number of milliseconds, at most 2147483647 (about 24.8 days)",
};
export const MAX_RETRIES: FieldSchema = {
  type: "integer",
  minimum: 0,
  maximum: 10,
  description: "a whole number from 0 to 10",
};
/** Names and values that Headers accepts as they are: a line break could smuggle a header of its own. */
export const HEADERS: FieldSchema = {
  type: "object",
  propertyNames: {
    pattern: "^[!#$%&'*+\\-.^_`|~0-9A-Za-z]+$",
    description: "a header name: letters, digits and !#$%&'*+-.^_`|~",
  },
  additionalProperties: {
    type: "string",
    pattern: "^[\\t\\x20-\\x7e\\x80-\\xff]*$",
    description: "a header value without line breaks or control characters",
    secret: true,
  },
};

/** Headers fetch sets itself, or that would change how the request is framed: refused, since it would fail to send. */
const HEADERS_FETCH_SETS = new Set([
  "connection",
  "content-length",
  "expect",
  "host",
  "keep-alive",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

/** Throws an InvalidInputError for a header that fetch would refuse at sending time, after retries were planned. */
export function checkHeaderNames(label: string, headers: Record<string, string> | undefined): void {
  for (const name in headers) {
    if (HEADERS_FETCH_SETS.has(name.toLowerCase())) {
      throw new InvalidInputError(`${label}: headers cannot set ${name}, which fetch sets itself.`);
    }
  }
}

/** The per-call options every method takes; `signal` is checked on its own, as an AbortSignal. */
/** The per-call options, by name: what `calls.list()` adds its own to. */
export const REQUEST_OPTION_PROPERTIES = {
  signal: {},
  timeoutMs: TIMEOUT_MS,
  maxRetries: MAX_RETRIES,
  headers: HEADERS,
};

export const REQUEST_OPTIONS = { properties: REQUEST_OPTION_PROPERTIES } as const satisfies FieldSchema;

/**
 * Throws an InvalidInputError naming the first option that is not what it should be, or returns the options as
 * read, once: send those, not the object given, whose getters could answer differently the second time.
 */
export function checkRequestOptions(
  method: string,
  given: unknown,
  schema: FieldSchema = REQUEST_OPTIONS,
): RequestOptions | undefined {
  const options = readOptions(method, given, schema) as RequestOptions | undefined;
  checkInputs(method, "option", schema, options);
  checkHeaderNames(method, options?.headers);
  const signal = options?.signal;
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new InvalidInputError(`${method}: signal must be an AbortSignal, got ${typeof signal}.`);
  }
  return options;
}
