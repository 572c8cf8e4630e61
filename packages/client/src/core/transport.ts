import type { Redact } from "@sigmamind/error-text/redact-secret";
import { abortableSleep } from "../internal/abortable-sleep.js";
import { anySignal } from "../internal/any-signal.js";
import { describeUrl } from "../internal/describe-url.js";
import { neverAborted } from "../internal/never-aborted.js";
import { readBoundedText } from "../internal/read-bounded-text.js";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  InvalidInputError,
  parseRetryAfterMs,
  RedirectError,
  ResponseParseError,
} from "./errors.js";
import type { Logger } from "./logger.js";
import { type BackoffPolicy, isRetryableStatus, isSafeToRepeat, retryDelayMs, wasNeverSent } from "./retry.js";

/** A fetch: the global one, or any function with its signature that honours `init.signal`. */
export type Fetch = (request: Request, init?: RequestInit) => Promise<Response>;

/** How the client waits between attempts. Tests pass one that records the delay and resolves at once. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export interface AttemptSettings {
  /** Time allowed for each attempt, from sending the request to the last byte of the body. */
  timeoutMs: number;
  /** Attempts after the first. */
  maxRetries: number;
}

export interface TransportConfig {
  /** The origin of the client's baseUrl: the only one that ever receives a request, and so the key. */
  origin: string;
  /** Sent as `X-API-Key` with every request, and only here, after the origin is checked. */
  apiKey: string;
  /** The caller's fetch; undefined for the global one. */
  fetch: Fetch | undefined;
  backoff: BackoffPolicy;
  sleep: Sleep;
  /** A logger that never throws (see `levelledLogger`). */
  logger: Logger;
  /** Whether the logger takes debug lines. */
  debugEnabled: boolean;
  /** Removes the key from what a server sent back. */
  redact: Redact;
  /** The largest success body read; a larger one is an error, and is not held in memory. */
  maxResponseBytes: number;
}

/** One request, as the transport sends it: possibly several times, and to a redirect's target on the same origin. */
export interface Outgoing {
  readonly method: string;
  readonly url: string;
  readonly headers: HeadersInit;
  /** Kept as a string or bytes, so that an attempt or a redirect can send it again. */
  readonly body?: string | ArrayBuffer | undefined;
  /**
   * For a request that is not safe to repeat: what its error says when the request may have reached the API,
   * such as "The call may have been placed: ...". A generic sentence when not given.
   */
  readonly uncertainOutcome?: string | undefined;
  /**
   * How a success body is handed on: as `text` beside the Response it came in (read once, decoded once: the
   * resource methods), or inside a Response of its own for a reader that parses it itself (`client.raw`).
   */
  readonly successBody: "text" | "response";
}

/**
 * A response whose body was read within its attempt (so that a stalled body is a timeout, and a reset in the
 * middle of it can be retried). A success body asked for as text comes as `text`, its Response as fetch gave
 * it; any other body is inside a new Response holding what was read, for openapi-fetch to parse.
 */
export interface Delivered {
  response: Response;
  /** A success body read as text: then openapi-fetch must not read `response`'s body again (`parseAs: "stream"`). */
  text?: string;
  /** Whether the body is a prefix of a longer error body: one is kept up to `MAX_ERROR_BODY_BYTES`. */
  truncated: boolean;
}

/** Sends one request with retries, timeouts and the redirect rules; see `createTransport`. */
export type Transport = (
  outgoing: Outgoing,
  settings: AttemptSettings,
  userSignal: AbortSignal | undefined,
) => Promise<Delivered>;

/** Redirects followed within one attempt, on the API's own origin, before giving up. */
export const MAX_REDIRECTS = 5;

/** An error body is kept up to this many bytes: a proxy's 50 MB HTML page must not stay in memory with the error. */
export const MAX_ERROR_BODY_BYTES = 65_536; // 64 KiB

/**
 * The largest success body read by default: a page of 1,000 calls is about 2 MB, so this fits any page the API
 * sends with room to spare, while a server that sends gigabytes cannot exhaust the process's memory.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 33_554_432; // 32 MiB

const GENERIC_UNCERTAIN_OUTCOME =
  "The API may have acted on it, and it was not sent again: check its effect before sending it again.";

type Failure = { kind: "abort" | "timeout" | "connection"; cause: unknown; sent: boolean };
type Outcome =
  | { delivered: Delivered; error?: undefined; failure?: undefined }
  | { error: Error; delivered?: undefined; failure?: undefined }
  | { failure: Failure; delivered?: undefined; error?: undefined };

/**
 * The one way every request of the client is sent: each attempt under its own timeout, the body read within
 * it (so a stalled body is a timeout, and a reset mid-body can be retried), retries with backoff for what is
 * safe to repeat, redirects followed only on the API's origin and only where the method stays what it was,
 * and every failure turned into a SigmaMind error that says whether the request may have taken effect.
 */
export function createTransport(config: TransportConfig): Transport {
  return async (outgoing, settings, userSignal) => {
    if (!outgoing.url.startsWith(`${config.origin}/`)) {
      throw new InvalidInputError(
        `Requests go only to the client's baseUrl origin, ${config.origin}; refused ${config.redact(describeUrl(outgoing.url))}. Create another client for another base URL.`,
      );
    }
    const { method } = outgoing;
    const uncertainOutcome = isSafeToRepeat(method)
      ? undefined
      : (outgoing.uncertainOutcome ?? GENERIC_UNCERTAIN_OUTCOME);
    const attempts = settings.maxRetries + 1;
    for (let attempt = 1; ; attempt++) {
      const started = config.debugEnabled ? Date.now() : 0;
      const outcome = await attemptOnce(config, outgoing, userSignal, settings.timeoutMs, uncertainOutcome);
      const response = outcome.delivered?.response;
      // Building the line costs every call; only a debug logger reads it.
      if (config.debugEnabled) {
        const took = `in ${Date.now() - started} ms (attempt ${attempt}/${attempts})`;
        const failure = outcome.failure
          ? `${outcome.failure.kind}: ${config.redact(describeCause(outcome.failure.cause))}`
          : "";
        config.logger.debug(
          response
            ? `${method} ${outgoing.url} → ${response.status} ${took}`
            : `${method} ${outgoing.url} failed ${took}: ${outcome.error?.message ?? failure}`,
        );
      }

      const retryable = attempt < attempts && isRetryable(method, outcome);
      if (!retryable) {
        if (outcome.error) throw outcome.error;
        if (outcome.failure) {
          throw failureError(config, outcome.failure, outgoing, settings.timeoutMs, attempt, uncertainOutcome);
        }
        return outcome.delivered;
      }
      const retryAfterMs = response ? parseRetryAfterMs(response.headers) : undefined;
      const delay = retryDelayMs(attempt, retryAfterMs, config.backoff);
      if (delay === undefined) {
        config.logger.warn(
          `${method} ${outgoing.url} asked to wait ${retryAfterMs} ms before a retry, longer than allowed; not retrying`,
        );
        return outcome.delivered as Delivered;
      }
      config.logger.info(
        `${method} ${outgoing.url} ${response ? `got ${response.status}` : "failed"}; retrying in ${Math.round(delay)} ms (attempt ${attempt + 1}/${attempts})`,
      );
      try {
        // A signal of its own for the wait: many calls sharing the caller's signal would otherwise each add a
        // listener to it, and Node warns past ten.
        await config.sleep(delay, userSignal ? anySignal([userSignal]) : neverAborted());
      } catch (error) {
        throw new APIUserAbortError(undefined, { cause: error });
      }
    }
  };
}

function isRetryable(method: string, outcome: Outcome): boolean {
  if (outcome.delivered) return isSafeToRepeat(method) && isRetryableStatus(outcome.delivered.response.status);
  if (outcome.error || outcome.failure.kind === "abort") return false;
  return isSafeToRepeat(method) || !outcome.failure.sent;
}

async function attemptOnce(
  config: TransportConfig,
  outgoing: Outgoing,
  userSignal: AbortSignal | undefined,
  timeoutMs: number,
  uncertainOutcome: string | undefined,
): Promise<Outcome> {
  if (userSignal?.aborted) return { failure: { kind: "abort", cause: userSignal.reason, sent: false } };
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  let hops = 0;
  try {
    // Most calls carry no signal of their own: then the timeout's alone does, without combining signals.
    const signal = userSignal ? anySignal([userSignal, timeout.signal]) : timeout.signal;
    let url = outgoing.url;
    for (;;) {
      const response = await fetchOnce(config, outgoing, url, signal);
      const redirect =
        followedByFetch(config.origin, response) ??
        redirectRefusal(config.origin, outgoing.method, response, url, hops);
      if (redirect === undefined) {
        if (!response.ok) {
          const { text, truncated } = await readBoundedText(response, MAX_ERROR_BODY_BYTES);
          return { delivered: { response: withBody(response, text), truncated } };
        }
        const body = await readSuccessBody(response, config.maxResponseBytes);
        if (body === undefined) return { error: tooLargeError(config, response, uncertainOutcome) };
        if (outgoing.successBody === "response")
          return { delivered: { response: withBody(response, body), truncated: false } };
        return { delivered: { response, text: textDecoder().decode(body), truncated: false } };
      }
      if (typeof redirect !== "string") {
        await response.body?.cancel();
        url = redirect.follow;
        hops++;
        continue;
      }
      const { text, truncated } = await readBoundedText(response, MAX_ERROR_BODY_BYTES);
      const body = config.redact(text || undefined, { cut: truncated });
      return { error: redirectError(config, outgoing, response, url, body, truncated, redirect, uncertainOutcome) };
    }
  } catch (cause) {
    // Only a request refused before it left can be known not to have reached the API, and only on its first hop.
    const sent = hops > 0 || !wasNeverSent(cause);
    if (userSignal?.aborted) return { failure: { kind: "abort", cause, sent } };
    return { failure: { kind: timeout.signal.aborted ? "timeout" : "connection", cause, sent } };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A success body, read whole when its declared length fits `maxBytes`, else up to `maxBytes`; undefined when it is
 * larger, having read no more of it than that.
 */
async function readSuccessBody(response: Response, maxBytes: number): Promise<ArrayBuffer | undefined> {
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    return undefined;
  }
  // A compressed body's declared length says nothing of what it decodes to.
  if (declared >= 0 && !response.headers.has("content-encoding")) return response.arrayBuffer();
  if (!response.body) return new ArrayBuffer(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const whole = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.byteLength;
  }
  return whole.buffer;
}

function tooLargeError(config: TransportConfig, response: Response, uncertainOutcome: string | undefined): Error {
  const outcome = uncertainOutcome ?? "Nothing of it was kept.";
  return new ResponseParseError(
    response.status,
    config.redact(response.headers),
    undefined,
    `The SigmaMind API sent a ${response.status} response larger than maxResponseBytes (${config.maxResponseBytes} bytes), which the client does not read. Raise maxResponseBytes if the API really sends pages this large. ${outcome}`,
    { mayHaveTakenEffect: uncertainOutcome !== undefined },
  );
}

let decoder: TextDecoder | undefined;
/** Made on first use: a module that makes nothing when it loads has nothing to keep when unused. */
function textDecoder(): TextDecoder {
  decoder ??= new TextDecoder();
  return decoder;
}

/** Statuses whose responses cannot carry a body, which the Response constructor refuses one for. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** A Response like `response`, holding `body` (already read) instead of its stream. */
function withBody(response: Response, body: ArrayBuffer | string): Response {
  const { status, statusText } = response;
  const headers = new Headers(response.headers);
  // fetch has decoded the body: its encoding and length no longer describe what the new Response holds.
  headers.delete("content-encoding");
  headers.delete("content-length");
  return new Response(NULL_BODY_STATUSES.has(status) ? null : body, { status, statusText, headers });
}

/**
 * One request to `url`, with the key and with fetch's own redirect handling off: the transport decides what to
 * follow. The key is set here, over any header of the same name a caller passed, so it is always the client's.
 */
function fetchOnce(config: TransportConfig, outgoing: Outgoing, url: string, signal: AbortSignal) {
  const headers = new Headers(outgoing.headers);
  headers.set("X-API-Key", config.apiKey);
  const init: RequestInit = { method: outgoing.method, headers, redirect: "manual" };
  if (outgoing.body !== undefined) init.body = outgoing.body;
  // A fetch of the caller's own gets a Request, as documented; the global one takes the URL and init, and
  // builds the only Request there is.
  if (config.fetch) return config.fetch(new Request(url, init), { signal });
  init.signal = signal;
  return fetch(url, init);
}

/**
 * A fetch of the caller's own that followed a redirect although it was asked not to (`redirect: "manual"`): the
 * request, and the key, may already have gone elsewhere. That cannot be undone, only reported.
 */
function followedByFetch(origin: string, response: Response): string | undefined {
  if (!response.redirected && (!response.url || response.url.startsWith(`${origin}/`))) return undefined;
  return FOLLOWED_BY_FETCH;
}

const FOLLOWED_BY_FETCH = "followed by the fetch passed to the client";

/** Statuses fetch follows; 301, 302 and 303 turn a request other than GET or HEAD into a GET. */
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const METHOD_KEEPING_STATUSES = new Set([307, 308]);

/**
 * Undefined when the response is not a redirect; else where to follow it, or why it is not followed. Followed:
 * a GET or HEAD, or another request safe to repeat where the status keeps the method, to the API's own origin,
 * without credentials, at most MAX_REDIRECTS times.
 */
function redirectRefusal(
  origin: string,
  method: string,
  response: Response,
  from: string,
  hops: number,
): string | { follow: string } | undefined {
  // A browser answers `redirect: "manual"` with an opaque response of status 0, hiding where it leads.
  if (response.type === "opaqueredirect") return "this runtime hides where redirects lead";
  if (response.status < 300 || response.status >= 400) return undefined;
  if (!REDIRECT_STATUSES.has(response.status)) return `the client does not follow a ${response.status}`;
  const location = response.headers.get("location");
  if (!location) return "it has no Location";
  let target: URL;
  try {
    target = new URL(location, from);
  } catch {
    return "its Location is not a URL";
  }
  if (target.origin !== origin) return `it leads away from ${origin}, and the key goes nowhere else`;
  if (target.username || target.password) return "its Location carries credentials";
  if (!isSafeToRepeat(method)) return `a ${method} is never sent twice`;
  if (method !== "GET" && method !== "HEAD" && !METHOD_KEEPING_STATUSES.has(response.status)) {
    return `following it would turn the ${method} into a GET`;
  }
  if (hops >= MAX_REDIRECTS) return `more than ${MAX_REDIRECTS} redirects`;
  return { follow: target.href };
}

function redirectError(
  config: TransportConfig,
  outgoing: Outgoing,
  response: Response,
  requested: string,
  body: string | undefined,
  truncated: boolean,
  refusal: string,
  uncertainOutcome: string | undefined,
): RedirectError {
  const location = response.redirected ? response.url : response.headers.get("location");
  const shown = location === null ? undefined : config.redact(describeUrl(location, requested));
  const request = `${outgoing.method} ${new URL(outgoing.url).pathname}`;
  const to = shown === undefined ? "" : ` to ${shown}`;
  const what =
    refusal === FOLLOWED_BY_FETCH
      ? `The fetch passed to the client followed a redirect of ${request}${to} although it was given redirect: "manual", so the request and its key may have gone there. Make that fetch honour init.redirect`
      : `The SigmaMind API answered ${request} with ${response.type === "opaqueredirect" ? "a redirect" : `a ${response.status}`}${to}, which the client does not follow: ${refusal}`;
  const outcome = uncertainOutcome ?? "Check baseUrl: the API may have moved, or a proxy is in the way.";
  return new RedirectError(response.status, config.redact(response.headers), body, shown, `${what}. ${outcome}`, {
    bodyTruncated: truncated,
    mayHaveTakenEffect: uncertainOutcome !== undefined,
  });
}

/** The error for an attempt that got no response, once no attempt follows it. */
function failureError(
  config: TransportConfig,
  failure: Failure,
  outgoing: Outgoing,
  timeoutMs: number,
  attempts: number,
  uncertainOutcome: string | undefined,
): Error {
  const { kind, cause, sent } = failure;
  const mayHaveTakenEffect = sent && uncertainOutcome !== undefined;
  const origin = new URL(outgoing.url).origin;
  const [ErrorClass, what, advice] =
    kind === "abort"
      ? [
          APIUserAbortError,
          `The request was aborted by its signal${mayHaveTakenEffect ? " after it was sent" : ""}`,
          "",
        ]
      : kind === "timeout"
        ? [
            APIConnectionTimeoutError,
            `The SigmaMind API at ${origin} did not answer within ${timeoutMs} ms${mayHaveTakenEffect ? " after the request was sent" : ""}`,
            "Raise timeoutMs, or try again later.",
          ]
        : sent
          ? [
              APIConnectionError,
              `The connection to the SigmaMind API at ${origin} failed after the request was sent (${config.redact(describeCause(cause))})`,
              "Check the network, then try again.",
            ]
          : [
              APIConnectionError,
              `Could not reach the SigmaMind API at ${origin} (${config.redact(describeCause(cause))})`,
              "Check the network and baseUrl, then try again.",
            ];
  // A request that may have taken effect was not sent again: its error says so instead of inviting a retry.
  const tries = attempts > 1 ? `; gave up after ${attempts} attempts` : "";
  const message = mayHaveTakenEffect ? `${what}. ${uncertainOutcome}` : `${what}${tries}. ${advice}`.trim();
  return new ErrorClass(message, { cause: safeCause(cause, config.redact), mayHaveTakenEffect });
}

/**
 * What a fetch rejected with, kept as the error's cause with only what says why: its name, its message and
 * `code` (redacted), and its own cause the same way. A fetch of the caller's own may hang the request on its
 * error (`error.request`), headers and key included, and util.inspect prints every property of a cause.
 */
function safeCause(cause: unknown, redact: Redact, depth = 0): unknown {
  if (!(cause instanceof Error) || depth > 4) return cause instanceof Error ? undefined : redact(String(cause));
  const kept = new Error(redact(cause.message), {
    cause: cause.cause === undefined ? undefined : safeCause(cause.cause, redact, depth + 1),
  });
  kept.name = cause.name;
  const { code } = cause as { code?: unknown };
  if (typeof code === "string" || typeof code === "number") Object.assign(kept, { code });
  return kept;
}

function describeCause(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

export const defaultSleep: Sleep = abortableSleep;
