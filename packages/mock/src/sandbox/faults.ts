// Faults a consumer's tests ask for, to exercise their own retry and timeout handling: a 429 with Retry-After,
// a 500, a slow answer, or a connection reset after the request was read. Asked for per request with the
// `X-Sandbox-Fault` header, or queued for a world's next requests with the `faults` option, `failNext()` or
// `POST /__sandbox/faults`.

/** One fault: what the next answer does instead of (or before) answering normally. */
export type Fault =
  | { kind: "rate-limit" /** Default 1. */; retryAfterSeconds?: number }
  | { kind: "server-error" }
  | { kind: "delay"; milliseconds: number }
  | { kind: "reset" };

/** The request header that asks for a fault: `rate-limit`, `rate-limit;retry-after=2`, `server-error`, `delay=250`, `reset`. */
export const FAULT_HEADER = "x-sandbox-fault";

/** The longest delay a timer can wait. */
const MAX_DELAY_MS = 2_147_483_647;

/** Reads a fault as the header writes it; undefined for a value it does not know, which the server refuses. */
export function parseFault(text: string): Fault | undefined {
  const value = text.trim();
  if (value === "server-error") return { kind: "server-error" };
  if (value === "reset") return { kind: "reset" };
  // Within what a timer can wait (2^31 - 1 ms) and a Retry-After can say in plain digits.
  const delay = /^delay=(\d{1,10})$/.exec(value);
  if (delay && Number(delay[1]) <= MAX_DELAY_MS) return { kind: "delay", milliseconds: Number(delay[1]) };
  const rateLimit = /^rate-limit(?:;\s*retry-after=(\d{1,9}))?$/.exec(value);
  if (rateLimit) return { kind: "rate-limit", retryAfterSeconds: Number(rateLimit[1] ?? 1) };
  return undefined;
}

/** `fault` as the header and the faults control route write it: what `parseFault` reads back. */
export function formatFault(fault: Fault): string {
  switch (fault.kind) {
    case "rate-limit":
      return `rate-limit;retry-after=${fault.retryAfterSeconds ?? 1}`;
    case "delay":
      return `delay=${fault.milliseconds}`;
    default:
      return fault.kind;
  }
}

/** The fault a request's `X-Sandbox-Fault` header asks for: none without the header, `"unknown"` for a value the sandbox does not know. */
export function faultAsked(header: string | null): Fault | "unknown" | undefined {
  return header === null ? undefined : (parseFault(header) ?? "unknown");
}

/** `fault` as given to `failNext` or the `faults` option, or a TypeError that says what a fault is. */
export function checkedFault(fault: Fault): Fault {
  const kinds = ["rate-limit", "server-error", "delay", "reset"];
  if (typeof fault !== "object" || fault === null || !kinds.includes(fault.kind)) {
    throw new TypeError(
      `a fault is { kind: "rate-limit" | "server-error" | "delay" | "reset" }, got ${JSON.stringify(fault)}`,
    );
  }
  if (
    fault.kind === "delay" &&
    !(Number.isFinite(fault.milliseconds) && fault.milliseconds >= 0 && fault.milliseconds <= MAX_DELAY_MS)
  ) {
    throw new TypeError(`a delay fault takes milliseconds from 0 to ${MAX_DELAY_MS}, got ${fault.milliseconds}`);
  }
  const retryAfter = fault.kind === "rate-limit" ? (fault.retryAfterSeconds ?? 1) : 0;
  if (!(Number.isInteger(retryAfter) && retryAfter >= 0 && retryAfter <= 999_999_999)) {
    throw new TypeError(
      `a rate-limit fault takes retryAfterSeconds, a whole number from 0 to 999999999, got ${retryAfter}`,
    );
  }
  return fault;
}
