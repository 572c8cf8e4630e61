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

const REQUEST_OPTIONS = ["signal", "timeoutMs", "maxRetries", "headers"];

/** Throws a SigmaMindError naming the first option that is not what it should be. */
export function checkRequestOptions(method: string, options: unknown, extra: readonly string[] = []): void {
  if (options === undefined) return;
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new InvalidInputError(`${method}: options must be an object, such as { timeoutMs: 5000 }.`);
  }
  const known = [...REQUEST_OPTIONS, ...extra];
  const unknown = Object.keys(options).filter((key) => !known.includes(key));
  if (unknown.length > 0) {
    throw new InvalidInputError(
      `${method}: unknown option ${unknown.map((key) => `"${key}"`).join(", ")}. Known options: ${known.join(", ")}.`,
    );
  }
  const { signal, timeoutMs, maxRetries, headers } = options as RequestOptions;
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new InvalidInputError(`${method}: signal must be an AbortSignal.`);
  }
  checkTimeoutMs(`${method}: timeoutMs`, timeoutMs);
  checkMaxRetries(`${method}: maxRetries`, maxRetries);
  checkHeaders(`${method}: headers`, headers);
}

export function checkTimeoutMs(label: string, value: unknown) {
  if (value !== undefined && !(typeof value === "number" && Number.isFinite(value) && value > 0)) {
    throw new InvalidInputError(`${label} must be a positive number of milliseconds, got ${String(value)}.`);
  }
}

export function checkMaxRetries(label: string, value: unknown) {
  if (value !== undefined && !(Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 10)) {
    throw new InvalidInputError(`${label} must be a whole number from 0 to 10, got ${String(value)}.`);
  }
}

export function checkHeaders(label: string, value: unknown) {
  if (value === undefined) return;
  const valid =
    value !== null &&
    typeof value === "object" &&
    !Array.isArray(value) &&
    Object.values(value).every((entry) => typeof entry === "string");
  if (!valid) throw new InvalidInputError(`${label} must be an object of string values.`);
}
