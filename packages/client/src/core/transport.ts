import type { Redact } from "@sigmamind/error-text/redact-secret";
import { abortableSleep } from "../internal/abortable-sleep.js";
import { anySignal } from "../internal/any-signal.js";
import { describeUrl } from "../internal/describe-url.js";
import { neverAborted } from "../internal/never-aborted.js";
import { readBoundedText } from "../internal/read-bounded-text.js";
import { responseWithBody } from "../internal/response-with-body.js";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  InvalidInputError,
  parseRetryAfterMs,
  RedirectError,
  ResponseParseError,
  SigmaMindError,
} from "./errors.js";
import type { LiveWriteGuard } from "./live-write-guard.js";
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
  /** Refuses a write to the production API from a test run, before anything is sent; none when nothing is refused. */
  liveWriteGuard: LiveWriteGuard | undefined;
}

/** What errors call a request, how it is sent, and how its success body is handed on. */
export interface TransportRequest extends AttemptSettings {
  /** What errors call it: "calls.get", "client.raw.GET()". */
  readonly label: string;
  /** The HTTP method, upper-case: whether a retry or a redirect is safe depends on it. */
  readonly method: string;
  /** The caller's signal: aborts the attempt in flight and the wait before the next. */
  readonly signal: AbortSignal | undefined;
  /**
   * For a request that is not safe to repeat: what its error says when the request may have reached the API,
   * such as "The call may have been placed: ...". A generic sentence when not given.
   */
  readonly uncertainOutcome?: string | undefined;
  /**
   * How a success body is handed on: read as `text` within the attempt, openapi-fetch leaving it alone
   * (`parseAs: "stream"`: the resource methods); or read within the attempt into a Response of its own, for
   * openapi-fetch to parse as the caller asked (`client.raw`).
   */
  readonly successBody: "text" | "response";
}

/** What an openapi-fetch call resolves with. */
export interface Answered {
  response: Response;
}

/** The fetch an attempt hands openapi-fetch: it pins the origin, sets the key and applies the redirect rules. */
export type AttemptFetch = (request: Request) => Promise<Response>;

/** One attempt: one openapi-fetch call (its middleware included) sending through `fetch`. */
export type SendAttempt<R extends Answered> = (fetch: AttemptFetch) => Promise<R>;

/** What the last attempt got: openapi-fetch's answer, and the success body as text when it was asked for so. */
export interface Delivered<R extends Answered> {
  answered: R;
  /** The success body, read once and decoded once (`successBody: "text"`). */
  text?: string | undefined;
  /** Whether an error body is a prefix of a longer one: one is kept up to `MAX_ERROR_BODY_BYTES`. */
  truncated: boolean;
}

/** Sends one request with retries, timeouts and the redirect rules; see `createTransport`. */
export type Transport = <R extends Answered>(request: TransportRequest, send: SendAttempt<R>) => Promise<Delivered<R>>;

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

/** Why an attempt got no response: whether another may follow depends on the kind and on whether it was sent. */
type Failure = { kind: "abort" | "timeout" | "connection"; cause: unknown; sent: boolean };

type Outcome<R extends Answered> =
  | { delivered: Delivered<R>; error?: undefined; failure?: undefined }
  | { error: SigmaMindError; failure?: Failure | undefined; delivered?: undefined };

/** Makes the error of an attempt that got no response, recording why for the retry decision. */
type Fail = (cause: unknown, sent: boolean, timedOut: boolean) => SigmaMindError;

/** What the fetch of an attempt works with. */
interface FetchContext {
  signal: AbortSignal;
  state: AttemptState;
  fail: Fail;
  uncertainOutcome: string | undefined;
}

/** What an attempt learns while openapi-fetch sends it, for the retry decision and the error. */
interface AttemptState {
  /** Where the last request of the attempt went: the first, or a redirect's target. */
  url: string | undefined;
  /** Whether a response arrived: the request reached the API. */
  sent: boolean;
  truncated: boolean;
  failure: Failure | undefined;
}

/**
 * The one way every request of the client is sent. Each attempt is one openapi-fetch call, under its own
 * timeout, through a fetch that pins the origin, sets the key and follows redirects only on the API's origin and
 * only where the method stays what it was; its body is read within the attempt (so a stalled body is a timeout,
 * and a reset mid-body can be retried). Attempts are repeated with backoff for what is safe to repeat, and every
 * failure becomes a SigmaMind error that says whether the request may have taken effect.
 */
export function createTransport(config: TransportConfig): Transport {
  return async (request, send) => {
    const { method, label, signal: userSignal } = request;
    // A request already aborted sends nothing, guard or not: a dry run's check is one.
    const refused = userSignal?.aborted ? undefined : config.liveWriteGuard?.(label, method);
    if (refused) await refused;
    const uncertainOutcome = isSafeToRepeat(method)
      ? undefined
      : (request.uncertainOutcome ?? GENERIC_UNCERTAIN_OUTCOME);
    const attempts = request.maxRetries + 1;
    for (let attempt = 1; ; attempt++) {
      const started = config.debugEnabled ? Date.now() : 0;
      const state: AttemptState = { url: undefined, sent: false, truncated: false, failure: undefined };
      const outcome = await attemptOnce(config, request, send, state, { attempt, attempts, uncertainOutcome });
      const response = outcome.delivered?.answered.response;
      const target = `${method} ${state.url ?? label}`;
      // Building the line costs every call; only a debug logger reads it.
      if (config.debugEnabled) {
        const took = `in ${Date.now() - started} ms (attempt ${attempt}/${attempts})`;
        config.logger.debug(
          response ? `${target} → ${response.status} ${took}` : `${target} failed ${took}: ${outcome.error?.message}`,
        );
      }

      const retryable = attempt < attempts && isRetryable(method, outcome);
      if (!retryable) {
        if (outcome.error) throw outcome.error;
        return outcome.delivered;
      }
      const retryAfterMs = response ? parseRetryAfterMs(response.headers) : undefined;
      const delay = retryDelayMs(attempt, retryAfterMs, config.backoff);
      if (delay === undefined) {
        config.logger.warn(
          `${target} asked to wait ${retryAfterMs} ms before a retry, longer than allowed; not retrying`,
        );
        return outcome.delivered as Delivered<never>;
      }
      config.logger.info(
        `${target} ${response ? `got ${response.status}` : "failed"}; retrying in ${Math.round(delay)} ms (attempt ${attempt + 1}/${attempts})`,
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

function isRetryable(method: string, outcome: Outcome<Answered>): boolean {
  if (outcome.delivered) return isSafeToRepeat(method) && isRetryableStatus(outcome.delivered.answered.response.status);
  return outcome.failure !== undefined && isRetryableFailure(method, outcome.failure);
}

function isRetryableFailure(method: string, failure: Failure): boolean {
  return failure.kind !== "abort" && (isSafeToRepeat(method) || !failure.sent);
}

/** Which attempt this is, of how many at most, and what an error says when it may have taken effect. */
interface AttemptPlace {
  attempt: number;
  attempts: number;
  uncertainOutcome: string | undefined;
}

async function attemptOnce<R extends Answered>(
  config: TransportConfig,
  request: TransportRequest,
  send: SendAttempt<R>,
  state: AttemptState,
  place: AttemptPlace,
): Promise<Outcome<R>> {
  const userSignal = request.signal;
  const { uncertainOutcome } = place;
  /** The error for an attempt that got no response: the one the caller gets unless another attempt follows. */
  const fail: Fail = (cause, sent, timedOut) => {
    const kind = userSignal?.aborted ? "abort" : timedOut ? "timeout" : "connection";
    const failure: Failure = { kind, cause, sent };
    state.failure = failure;
    const last = place.attempt === place.attempts || !isRetryableFailure(request.method, failure);
    return failureError(config, failure, request.timeoutMs, last ? place.attempt : 0, uncertainOutcome);
  };
  if (userSignal?.aborted) return { error: fail(userSignal.reason, false, false), failure: state.failure };
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), request.timeoutMs);
  // Most calls carry no signal of their own: then the timeout's alone does, without combining signals.
  const signal = userSignal ? anySignal([userSignal, timeout.signal]) : timeout.signal;
  try {
    let answered: R;
    try {
      answered = await send((outgoing) =>
        fetchPinned(config, request, outgoing, { signal, state, fail, uncertainOutcome }),
      );
    } catch (thrown) {
      // A failure of fetch comes back as the error made for it, or as what an onError middleware made of it.
      const error = asSigmaMindError(thrown, request.label, state.sent, uncertainOutcome, config.redact);
      return { error, failure: state.failure };
    }
    const { response } = answered;
    if (request.successBody === "response" || !response.ok) {
      return { delivered: { answered, truncated: state.truncated } };
    }
    let text: string | undefined;
    try {
      text = await readSuccessBody(response, config.maxResponseBytes, "text");
    } catch (cause) {
      return { error: fail(cause, true, timeout.signal.aborted), failure: state.failure };
    }
    if (text === undefined) return { error: tooLargeError(config, response, uncertainOutcome) };
    return { delivered: { answered, text, truncated: false } };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The fetch of one attempt. The request must be for the client's origin; the key is set here, over any header of
 * the same name a caller or a middleware set, so it is always the client's and goes nowhere else. fetch's own
 * redirect handling is off: a redirect is followed here, on the API's origin only. An error body is read here
 * (bounded), and for `client.raw` a success body too (capped), so that both are read under the attempt's timeout.
 */
async function fetchPinned(
  config: TransportConfig,
  request: TransportRequest,
  outgoing: Request,
  { signal, state, fail, uncertainOutcome }: FetchContext,
): Promise<Response> {
  const timedOut = () => signal.aborted && !request.signal?.aborted;
  const first = outgoing.url;
  if (!first.startsWith(`${config.origin}/`)) {
    throw new InvalidInputError(
      `Requests go only to the client's baseUrl origin, ${config.origin}; refused ${config.redact(describeUrl(first))}. Create another client for another base URL.`,
    );
  }
  // fetch would refuse it after the attempt began, and the error would read as if the request had gone out.
  if (outgoing.bodyUsed) {
    throw new InvalidInputError(
      `${request.label}: a middleware read the body of the request it passed on (request.bodyUsed), so it cannot be sent: read a clone (request.clone().text()) instead. Nothing was sent.`,
    );
  }
  const { method } = outgoing;
  const headers = new Headers(outgoing.headers);
  headers.set("X-API-Key", config.apiKey);
  // A redirect sends the request again: a body is kept for it only where one may be followed.
  const spare = outgoing.body !== null && isSafeToRepeat(method) ? outgoing.clone() : undefined;
  let url = first;
  let next: Request | string = outgoing.body === null ? first : outgoing;
  let body: ArrayBuffer | undefined;
  for (let hops = 0; ; hops++) {
    state.url = url;
    let response: Response;
    try {
      response = await fetchOnce(config, next, { method, headers, body, redirect: "manual", signal });
    } catch (cause) {
      // Only a request refused before it left can be known not to have reached the API, and only on its first hop.
      throw fail(cause, hops > 0 || !wasNeverSent(cause), timedOut());
    }
    state.sent = true;
    // Checked for every answer, a success too: a fetch (a global one replaced by a wrapper among them) may have
    // followed a redirect itself, and then the request and its key went where it led.
    const redirect =
      followedByFetch(config.origin, response) ?? redirectRefusal(config.origin, method, response, url, hops);
    if (typeof redirect === "object") {
      try {
        await response.body?.cancel();
        body ??= await spare?.arrayBuffer();
      } catch (cause) {
        throw fail(cause, true, timedOut());
      }
      url = redirect.follow;
      next = url;
      continue;
    }
    let read: { text: string; truncated: boolean } | ArrayBuffer | undefined;
    try {
      read =
        redirect !== undefined || !response.ok
          ? await readBoundedText(response, MAX_ERROR_BODY_BYTES)
          : request.successBody === "response"
            ? await readSuccessBody(response, config.maxResponseBytes, "bytes")
            : undefined;
    } catch (cause) {
      throw fail(cause, true, timedOut());
    }
    if (redirect !== undefined) {
      const { text, truncated } = read as { text: string; truncated: boolean };
      const shownBody = config.redact(text || undefined, { cut: truncated });
      throw redirectError(
        config,
        `${method} ${new URL(outgoing.url).pathname}`,
        response,
        url,
        shownBody,
        truncated,
        redirect,
        uncertainOutcome,
      );
    }
    if (!response.ok) {
      const { text, truncated } = read as { text: string; truncated: boolean };
      state.truncated = truncated;
      return responseWithBody(response, text);
    }
    if (request.successBody === "text") return response;
    if (read === undefined) throw tooLargeError(config, response, uncertainOutcome);
    return responseWithBody(response, read as ArrayBuffer);
  }
}

/**
 * One request: the first of an attempt as openapi-fetch built it, or a redirect's target. A fetch of the caller's
 * own gets a Request with the key, as documented; the global one takes openapi-fetch's Request with the key in
 * `init`, and builds the only other Request there is.
 */
function fetchOnce(config: TransportConfig, target: Request | string, init: RequestInit): Promise<Response> {
  if (config.fetch) {
    const { signal, ...rest } = init;
    return config.fetch(new Request(target, rest), { signal });
  }
  return fetch(target, init);
}

/**
 * What went wrong in openapi-fetch or a middleware (a value it cannot serialise, a middleware that throws or
 * returns something else than a Response), as a SigmaMindError: the only kind the client throws. When the request
 * had already gone out, a request never sent twice says it may have taken effect.
 */
function asSigmaMindError(
  failure: unknown,
  label: string,
  sent: boolean,
  uncertainOutcome: string | undefined,
  redact: Redact,
): SigmaMindError {
  if (failure instanceof SigmaMindError) return failure;
  const detail = redact(failure instanceof Error ? failure.message : String(failure)).replace(/\.$/, "");
  const uncertain = sent ? uncertainOutcome : undefined;
  const outcome = uncertain ?? (sent ? "" : "Nothing was sent.");
  return new SigmaMindError(`${label}: ${detail}. ${outcome}`.trim(), { mayHaveTakenEffect: uncertain !== undefined });
}

/**
 * A success body, as text or bytes, read whole when its declared length fits `maxBytes`, else up to `maxBytes`;
 * undefined when it is larger, having read no more of it than that.
 */
function readSuccessBody<As extends "text" | "bytes">(
  response: Response,
  maxBytes: number,
  as: As,
): Promise<(As extends "text" ? string : ArrayBuffer) | undefined>;
function readSuccessBody(
  response: Response,
  maxBytes: number,
  as: "text" | "bytes",
): Promise<string | ArrayBuffer | undefined> {
  const { headers } = response;
  const declared = Number(headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) return cancelBody(response);
  // A compressed body's declared length says nothing of what it decodes to. Text is decoded by fetch itself, with
  // no copy of the bytes in between.
  if (declared >= 0 && !headers.has("content-encoding")) {
    return as === "text" ? response.text() : response.arrayBuffer();
  }
  return readCapped(response, maxBytes, as);
}

async function cancelBody(response: Response): Promise<undefined> {
  await response.body?.cancel();
  return undefined;
}

/** A body of unknown decoded length, read chunk by chunk up to `maxBytes`; undefined past it. */
async function readCapped(
  response: Response,
  maxBytes: number,
  as: "text" | "bytes",
): Promise<string | ArrayBuffer | undefined> {
  if (!response.body) return as === "text" ? "" : new ArrayBuffer(0);
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
  return as === "text" ? textDecoder().decode(whole) : whole.buffer;
}

function tooLargeError(
  config: TransportConfig,
  response: Response,
  uncertainOutcome: string | undefined,
): SigmaMindError {
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

/**
 * A fetch that followed a redirect although it was asked not to (`redirect: "manual"`): the caller's own, or a
 * global fetch a wrapper replaced. It says so (`redirected`), or only answers from another URL. The request, and
 * the key, may already have gone elsewhere. That cannot be undone, only reported.
 */
function followedByFetch(origin: string, response: Response): string | undefined {
  if (!response.redirected && (!response.url || response.url.startsWith(`${origin}/`))) return undefined;
  return FOLLOWED_BY_FETCH;
}

const FOLLOWED_BY_FETCH = "followed by the fetch itself";

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
  request: string,
  response: Response,
  requested: string,
  body: string | undefined,
  truncated: boolean,
  refusal: string,
  uncertainOutcome: string | undefined,
): RedirectError {
  const followed = refusal === FOLLOWED_BY_FETCH;
  const location = followed ? response.url || null : response.headers.get("location");
  const shown = location === null ? undefined : config.redact(describeUrl(location, requested));
  const to = shown === undefined ? "" : ` to ${shown}`;
  const which = config.fetch
    ? "The fetch passed to the client"
    : "The global fetch, which something in this process replaced,";
  const what = followed
    ? `${which} followed a redirect of ${request}${to} although it was given redirect: "manual", so the request and its key may have gone there. Make that fetch honour init.redirect`
    : `The SigmaMind API answered ${request} with ${response.type === "opaqueredirect" ? "a redirect" : `a ${response.status}`}${to}, which the client does not follow: ${refusal}`;
  const outcome = uncertainOutcome ?? "Check baseUrl: the API may have moved, or a proxy is in the way.";
  return new RedirectError(response.status, config.redact(response.headers), body, shown, `${what}. ${outcome}`, {
    bodyTruncated: truncated,
    mayHaveTakenEffect: uncertainOutcome !== undefined,
  });
}

/**
 * The error for an attempt that got no response. `attempts` is how many were made when no other follows, and 0
 * when one does: then only an onError middleware sees it.
 */
function failureError(
  config: TransportConfig,
  failure: Failure,
  timeoutMs: number,
  attempts: number,
  uncertainOutcome: string | undefined,
): SigmaMindError {
  const { kind, cause, sent } = failure;
  const mayHaveTakenEffect = sent && uncertainOutcome !== undefined;
  const { origin } = config;
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
