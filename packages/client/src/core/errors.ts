// One base class, an APIError per HTTP status family, and separate errors for a request that never got a
// response. Messages say what happened and what to do; none of them ever holds the API key.

import type { Call, CallStatus, ErrorResponse } from "@sigmamind/types";
import { parseHttpDate } from "../internal/http-date.js";
import { requestIdOf } from "./api-promise.js";

export interface SigmaMindErrorOptions extends ErrorOptions {
  /** See `SigmaMindError.mayHaveTakenEffect`. Default: false. */
  mayHaveTakenEffect?: boolean | undefined;
}

/** Every error this package throws is a `SigmaMindError`. */
export class SigmaMindError extends Error {
  override name = "SigmaMindError";
  /**
   * True when a request that is never sent twice (`calls.create`, which places a phone call) may have reached
   * the API before it failed: it was not sent again, and whether the API acted on it is unknown. Look before
   * sending it again (for a call: list recent calls). Always false for requests that are safe to repeat, and for
   * answers that say the API refused the request (a 4xx other than 408).
   */
  declare readonly mayHaveTakenEffect: boolean;

  constructor(message?: string, options?: SigmaMindErrorOptions) {
    super(message, options);
    this.mayHaveTakenEffect = options?.mayHaveTakenEffect === true;
  }
}

/**
 * An input was refused before anything was sent: a client option, a parameter, a body field or a per-call
 * option that is missing, of the wrong type, or outside what the API accepts. The message names it.
 */
export class InvalidInputError extends SigmaMindError {
  override name = "InvalidInputError";
  /** What refused it: a method (`"calls.create"`) or the constructor (`"new SigmaMind(options)"`). */
  declare readonly operation: string | undefined;
  /** The input refused, as the method or constructor names it: `"toPhoneNumber"`, `"timeoutMs"`. */
  declare readonly field: string | undefined;
  /** What is wrong with it, phrased to follow its name: `"is required"`, `"must be a whole number from 0 to 10"`. */
  declare readonly problem: string | undefined;

  constructor(message?: string, options?: InvalidInputErrorOptions) {
    super(message, options);
    this.operation = options?.operation;
    this.field = options?.field;
    this.problem = options?.problem;
  }

  /** The error for one input: "calls.create: toPhoneNumber is required.", with each part kept apart. */
  static of(operation: string, field: string, problem: string, options?: SigmaMindErrorOptions): InvalidInputError {
    return new InvalidInputError(`${operation}: ${field} ${problem}.`, { ...options, operation, field, problem });
  }
}

/**
 * A write to the production API refused because it came from a test run (see `allowLiveWrites`); nothing was
 * sent. An `InvalidInputError` about `baseUrl`, apart so a tool can say in its own words what to do.
 */
export class LiveWriteRefusedError extends InvalidInputError {
  override name = "LiveWriteRefusedError";
  /** The test runner detected, and the sign that gave it away: `"Vitest: VITEST is set"`, `"NODE_ENV=test"`. */
  declare readonly runner: string;
  /**
   * What `SIGMAMIND_ALLOW_LIVE_WRITES` holds when it is a word that is neither an opt-in (`1`, `true`) nor a no
   * (`0`, `false`, `no`, `off`), such as `"yes"`: the message names it. Undefined otherwise; a longer or stranger
   * value, which may be a secret pasted in the wrong place, is never repeated.
   */
  declare readonly optInValue: string | undefined;

  constructor(operation: string, problem: string, runner: string, optInValue?: string) {
    super(`${operation}: baseUrl ${problem}.`, { operation, field: "baseUrl", problem });
    this.runner = runner;
    this.optInValue = optInValue;
  }
}

export interface InvalidInputErrorOptions extends SigmaMindErrorOptions {
  operation?: string | undefined;
  field?: string | undefined;
  problem?: string | undefined;
}

/** The server answered with a status that is not a success. */
export class APIError extends SigmaMindError {
  override name = "APIError";
  // Fields set in the constructor are `declare`d: the build then emits no field definitions for them.
  /** HTTP status of the response. */
  declare readonly status: number;
  /** Response headers. */
  declare readonly headers: Headers;
  /** The response body: the parsed JSON when it was JSON, else the raw text (`undefined` when empty). */
  declare readonly body: unknown;
  /** The server's request id, when it sent one: quote it when asking for support. */
  declare readonly requestId: string | undefined;
  /** The server's documented error body, when the response carried one. */
  declare readonly error: ErrorResponse | undefined;
  /** Whether `body` is only the first 64 KiB of a longer body. */
  declare readonly bodyTruncated: boolean;

  constructor(status: number, headers: Headers, body: unknown, message?: string, options?: APIErrorOptions) {
    const error = asErrorResponse(body);
    super(message ?? describe(status, error, serverDetail(headers, error, body), options), {
      ...options,
      mayHaveTakenEffect: options?.mayHaveTakenEffect ?? mayHaveTakenEffect(status, options?.uncertainOutcome),
    });
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.error = error;
    this.bodyTruncated = options?.bodyTruncated === true;
    this.requestId = requestIdOf(headers);
  }

  /** The error class for a status: `NotFoundError` for 404, `RateLimitError` for 429, ... */
  static fromResponse(status: number, headers: Headers, body: unknown, options?: APIErrorOptions): APIError {
    const ErrorClass = ERROR_CLASS_BY_STATUS[status] ?? (status >= 500 ? InternalServerError : APIError);
    return new ErrorClass(status, headers, body, undefined, options);
  }
}

export interface APIErrorOptions extends SigmaMindErrorOptions {
  /** Whether the body is a prefix of a longer one. */
  bodyTruncated?: boolean | undefined;
  /**
   * For a request that is not safe to repeat: the sentence to give when the status leaves open whether the API
   * acted on it (a 5xx or 408), in place of advice to try again.
   */
  uncertainOutcome?: string | undefined;
}

/**
 * A redirect the client did not follow: to another origin (which never receives the key), of a request that is
 * never sent twice, one that would change the method, or past the limit of hops.
 */
export class RedirectError extends APIError {
  override name = "RedirectError";
  /** Where the redirect led, without credentials or query values; undefined when the server or runtime hid it. */
  declare readonly location: string | undefined;

  constructor(
    status: number,
    headers: Headers,
    body: unknown,
    location: string | undefined,
    message: string,
    options?: APIErrorOptions,
  ) {
    super(status, headers, body, message, options);
    this.location = location;
  }
}

export class BadRequestError extends APIError {
  override name = "BadRequestError";
}
export class AuthenticationError extends APIError {
  override name = "AuthenticationError";
}
export class PermissionDeniedError extends APIError {
  override name = "PermissionDeniedError";
}
export class NotFoundError extends APIError {
  override name = "NotFoundError";
}
export class ConflictError extends APIError {
  override name = "ConflictError";
}
export class UnprocessableEntityError extends APIError {
  override name = "UnprocessableEntityError";
}
export class RateLimitError extends APIError {
  override name = "RateLimitError";
  /** How long the server asked to wait before trying again (`Retry-After` or `retry-after-ms`), if it said. */
  declare readonly retryAfterMs: number | undefined;

  constructor(status: number, headers: Headers, body: unknown, message?: string, options?: APIErrorOptions) {
    super(status, headers, body, message, options);
    this.retryAfterMs = parseRetryAfterMs(headers);
  }
}
export class InternalServerError extends APIError {
  override name = "InternalServerError";
}

/** A success response whose body could not be read as the JSON the API documents. */
export class ResponseParseError extends APIError {
  override name = "ResponseParseError";
}

/** No response arrived: the connection was refused, reset or failed. */
export class APIConnectionError extends SigmaMindError {
  override name = "APIConnectionError";
  constructor(
    message = "Could not reach the SigmaMind API. Check the network and baseUrl, then try again.",
    options?: SigmaMindErrorOptions,
  ) {
    super(message, options);
  }
}

/** No response arrived within `timeoutMs`. */
export class APIConnectionTimeoutError extends APIConnectionError {
  override name = "APIConnectionTimeoutError";
}

/** The request was aborted through the `signal` the caller passed. */
export class APIUserAbortError extends SigmaMindError {
  override name = "APIUserAbortError";
  constructor(message = "The request was aborted by its signal.", options?: SigmaMindErrorOptions) {
    super(message, options);
  }
}

/** With `validateResponses` on: a response that breaks the API's contract. */
export class ResponseValidationError extends SigmaMindError {
  override name = "ResponseValidationError";
  /** The operation whose response broke, such as `listCalls`. */
  declare readonly operation: string;
  /** Where in the body it broke, such as `data[0].duration` (empty for the body itself). */
  declare readonly path: string;
  /** HTTP status of the response. */
  declare readonly status: number;
  /** The parsed response body. */
  declare readonly body: unknown;

  constructor(
    operation: string,
    path: string,
    problem: string,
    status: number,
    body: unknown,
    options?: SigmaMindErrorOptions & {
      /** What to do, in place of the advice about validateResponses. */
      advice?: string | undefined;
    },
  ) {
    super(
      `The SigmaMind API's response to ${operation} breaks the API contract at ${path || "the body"}: ${problem}. ${
        options?.advice ??
        "Upgrade @sigmamind/client if the API has changed, or turn validateResponses off to accept it as it is."
      }`,
      options,
    );
    this.operation = operation;
    this.path = path;
    this.status = status;
    this.body = body;
  }
}

/** Why a listing ended before the server said it had no next page. */
export type IncompleteListReason = "no-progress" | "past-total-pages" | "past-first-total" | "empty-page";

/**
 * With `onIncomplete: "throw"`, iterating a list ends with this error, after every item it could get, when the
 * server stopped making progress: pages that only repeat what came before, a next page past `totalPages`, more
 * pages than the first page's `totalPages` promised (with a margin), or an empty page that claims a next one.
 */
export class IncompleteListError extends SigmaMindError {
  override name = "IncompleteListError";
  /** What the server did: `no-progress`, `past-total-pages` or `empty-page`. */
  declare readonly reason: IncompleteListReason;
  /** Items yielded before the listing stopped. */
  declare readonly itemCount: number;
  /** How many items the server said there were, on the last page it sent. */
  declare readonly totalCounts: number | undefined;

  constructor(message: string, reason: IncompleteListReason, itemCount: number, totalCounts: number | undefined) {
    super(message);
    this.reason = reason;
    this.itemCount = itemCount;
    this.totalCounts = totalCounts;
  }
}

/**
 * `calls.waitFor()` gave up: the call had not reached a status it stops at within `timeoutMs`. It may still get
 * there: look again later with `calls.get`.
 */
export class WaitTimeoutError extends SigmaMindError {
  override name = "WaitTimeoutError";
  /** The call as the last poll saw it, at the deadline; undefined when no poll was answered in time. */
  declare readonly call: Call | undefined;
  /** The call's status then; undefined when the server sent none, or no poll was answered. */
  declare readonly status: CallStatus | undefined;

  constructor(message: string, call: Call | undefined) {
    super(message);
    this.call = call;
    this.status = call?.status;
  }
}

/**
 * Milliseconds the server asked to wait: `retry-after-ms`, else `Retry-After` in seconds or as an HTTP-date; undefined
 * when neither says, and the client's own backoff applies. "-1", "+5" or "1,2" say nothing: Number and Date.parse
 * would read them as a wait of 0 (a date in 2001) and the retries would go out at once.
 */
export function parseRetryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const milliseconds = headers.get("retry-after-ms")?.trim();
  if (milliseconds && NON_NEGATIVE_DECIMAL.test(milliseconds)) return Number(milliseconds);
  const retryAfter = headers.get("retry-after")?.trim();
  if (!retryAfter) return undefined;
  // The spec's delay-seconds is a whole number; a fraction of plain digits ("0.5") is taken as meant.
  if (NON_NEGATIVE_DECIMAL.test(retryAfter)) return Number(retryAfter) * 1000;
  const date = parseHttpDate(retryAfter, now);
  return date === undefined ? undefined : Math.max(0, date - now);
}

/** Digits, perhaps with a fraction: no sign, exponent, hex or list, all of which Number or parseFloat take. */
const NON_NEGATIVE_DECIMAL = /^\d+(?:\.\d+)?$/;

const ERROR_CLASS_BY_STATUS: Record<number, typeof APIError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

const ADVICE_BY_STATUS: Record<number, string> = {
  400: "Check the request parameters.",
  401: "Check the API key (the apiKey option or SIGMAMIND_API_KEY).",
  403: "The API key is not allowed to do this; check its permissions.",
  404: "Check the identifier; the resource may have been deleted.",
  409: "The resource changed meanwhile; fetch it again and retry.",
  422: "Check the values sent against the API reference.",
  429: "Too many requests; wait before retrying (see retryAfterMs).",
};

function asErrorResponse(body: unknown): ErrorResponse | undefined {
  if (body && typeof body === "object" && "message" in body && typeof body.message === "string") {
    return body as ErrorResponse;
  }
  return undefined;
}

/**
 * The `title` and `detail` of an RFC 7807 problem+json body, those that are text, joined. Prism answers a
 * `Prefer: code=` the operation does not document with a 404 problem: only its detail says what happened.
 */
function problemText(headers: Headers, body: unknown): string | undefined {
  if (!/^application\/problem\+json\b/i.test(headers.get("content-type") ?? "") || typeof body !== "object") return;
  const { title, detail } = (body ?? {}) as { title?: unknown; detail?: unknown };
  return [title, detail].filter((field) => typeof field === "string" && field.trim()).join(": ") || undefined;
}

/** The body's `error` name when it is text: a server can send anything there, even a value with no string form. */
function errorName(error: ErrorResponse | undefined): string {
  return typeof error?.error === "string" ? error.error : "error";
}

/** A 5xx or a 408 leaves open whether the API acted on the request; any other failure status says it did not. */
function mayHaveTakenEffect(status: number, uncertainOutcome: string | undefined): boolean {
  return uncertainOutcome !== undefined && (status >= 500 || status === 408);
}

/** What the server said went wrong, as the message shows it; the body has already been redacted. */
function serverDetail(headers: Headers, error: ErrorResponse | undefined, body: unknown): string {
  const problem = problemText(headers, body);
  if (problem) return sentence(problem);
  if (error) return error.message;
  return typeof body === "string" && body ? sentence(body) : "no details in the response";
}

function describe(
  status: number,
  error: ErrorResponse | undefined,
  detail: string,
  options: APIErrorOptions | undefined,
): string {
  const advice = mayHaveTakenEffect(status, options?.uncertainOutcome)
    ? options?.uncertainOutcome
    : (ADVICE_BY_STATUS[status] ?? (status >= 500 ? "The server failed; try again later." : ""));
  const cut = options?.bodyTruncated ? " (the body was cut to its first 64 KiB)" : "";
  return `${status} ${errorName(error)} from the SigmaMind API: ${detail}${cut}. ${advice}`.trim();
}

/** Server text as one line of at most `max` characters, without a final full stop: the message adds its own. */
function sentence(text: string, max = 200) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat.replace(/\.$/, "");
}
