// When to try a request again, and how long to wait first.

/** Statuses worth another attempt: the server may answer differently next time. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * Methods that may be sent twice. POST /v1/calls places a real phone call, so POST is never re-sent once it
 * may have reached the server.
 */
export function isSafeToRepeat(method: string): boolean {
  return method === "GET" || method === "DELETE" || method === "HEAD" || method === "OPTIONS" || method === "PUT";
}

/** Connection errors raised before any byte of the request left: safe to retry whatever the method. */
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "EAI_AGAIN", "ENOTFOUND"]);

/**
 * Refusals fetch makes before it opens a connection, which carry no code: undici's "bad port" (a port on the
 * Fetch standard's list of blocked ports, such as 1, 22 or 25).
 */
const NOT_SENT_MESSAGES = new Set(["bad port"]);

export function wasNeverSent(error: unknown): boolean {
  for (let cause = error; cause instanceof Error || (cause && typeof cause === "object"); ) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === "string" && NOT_SENT_CODES.has(code)) return true;
    if (cause instanceof Error && NOT_SENT_MESSAGES.has(cause.message)) return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}

export interface BackoffPolicy {
  /** Delay before the first retry; doubles each time. */
  initialDelayMs: number;
  /** Cap on the computed delay. */
  maxDelayMs: number;
  /** Longest `Retry-After` the client waits for; past it, the error goes to the caller at once. */
  maxRetryAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 };

/**
 * Milliseconds to wait before retry number `retry` (1-based), or `undefined` when the server asked for a wait
 * longer than the policy allows. Exponential with up to 25% jitter, so clients that failed together do not
 * retry together.
 */
export function retryDelayMs(
  retry: number,
  retryAfterMs: number | undefined,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number | undefined {
  if (retryAfterMs !== undefined) return retryAfterMs <= policy.maxRetryAfterMs ? retryAfterMs : undefined;
  const exponential = Math.min(policy.initialDelayMs * 2 ** (retry - 1), policy.maxDelayMs);
  return exponential * (1 - random() * 0.25);
}
