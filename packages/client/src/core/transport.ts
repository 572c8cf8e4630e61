import { abortableSleep } from "../internal/abortable-sleep.js";
import { anySignal } from "../internal/any-signal.js";
import { APIConnectionError, APIConnectionTimeoutError, APIUserAbortError, parseRetryAfterMs } from "./errors.js";
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
  backoff: BackoffPolicy;
  sleep: Sleep;
  logger: Logger;
  /** Whether the logger takes debug lines. */
  debugEnabled: boolean;
}

/** One request, as the transport sends it: possibly several times, each attempt under a signal of its own. */
export interface Outgoing {
  readonly method: string;
  readonly url: string;
  /** Sends one attempt. `last` says no attempt follows, so a body need not be kept for another. */
  send(signal: AbortSignal, last: boolean): Promise<Response>;
}

/** A response whose body was read within its attempt. */
export interface Delivered {
  response: Response;
  text: string;
}

type Outcome = { delivered: Delivered; error?: undefined } | { delivered?: undefined; error: Error };

/**
 * Sends one request the way every call of the client does: each attempt under its own timeout, the body read
 * within it (so a stalled body is a timeout, and a reset mid-body can be retried), retries with backoff for
 * what is safe to repeat, and every failure turned into a SigmaMind error.
 */
export async function sendWithRetries(
  config: TransportConfig,
  outgoing: Outgoing,
  settings: AttemptSettings,
  userSignal: AbortSignal | undefined,
): Promise<Delivered> {
  const { method, url } = outgoing;
  const attempts = settings.maxRetries + 1;
  for (let attempt = 1; ; attempt++) {
    const started = config.debugEnabled ? Date.now() : 0;
    const outcome = await attemptOnce(outgoing, userSignal, settings.timeoutMs, attempt, attempts);
    const response = outcome.delivered?.response;
    // Building the line costs every call; only a debug logger reads it.
    if (config.debugEnabled) {
      const took = `in ${Date.now() - started} ms (attempt ${attempt}/${attempts})`;
      config.logger.debug(
        response
          ? `${method} ${url} → ${response.status} ${took}`
          : `${method} ${url} failed ${took}: ${outcome.error?.message}`,
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
        `${method} ${url} asked to wait ${retryAfterMs} ms before a retry, longer than allowed; not retrying`,
      );
      return outcome.delivered as Delivered;
    }
    config.logger.info(
      `${method} ${url} ${response ? `got ${response.status}` : "failed"}; retrying in ${Math.round(delay)} ms (attempt ${attempt + 1}/${attempts})`,
    );
    try {
      await config.sleep(delay, userSignal ?? NEVER_ABORTED);
    } catch (error) {
      throw new APIUserAbortError(undefined, { cause: error });
    }
  }
}

function isRetryable(method: string, outcome: Outcome): boolean {
  if (outcome.delivered) return isSafeToRepeat(method) && isRetryableStatus(outcome.delivered.response.status);
  if (outcome.error instanceof APIUserAbortError) return false;
  return isSafeToRepeat(method) || wasNeverSent(outcome.error);
}

async function attemptOnce(
  outgoing: Outgoing,
  userSignal: AbortSignal | undefined,
  timeoutMs: number,
  attempt: number,
  attempts: number,
): Promise<Outcome> {
  if (userSignal?.aborted) return { error: new APIUserAbortError(undefined, { cause: userSignal.reason }) };
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  try {
    // Most calls carry no signal of their own: then the timeout's alone does, without combining signals.
    const signal = userSignal ? anySignal([userSignal, timeout.signal]) : timeout.signal;
    const response = await outgoing.send(signal, attempt === attempts);
    return { delivered: { response, text: await response.text() } };
  } catch (error) {
    if (userSignal?.aborted) return { error: new APIUserAbortError(undefined, { cause: error }) };
    const origin = new URL(outgoing.url).origin;
    if (timeout.signal.aborted) {
      return {
        error: new APIConnectionTimeoutError(
          `The SigmaMind API at ${origin} did not answer within ${timeoutMs} ms (attempt ${attempt} of ${attempts}). Raise timeoutMs, or try again later.`,
          { cause: error },
        ),
      };
    }
    return {
      error: new APIConnectionError(
        `Could not reach the SigmaMind API at ${origin} (${describeCause(error)}; attempt ${attempt} of ${attempts}). Check the network and baseUrl, then try again.`,
        { cause: error },
      ),
    };
  } finally {
    clearTimeout(timer);
  }
}

function describeCause(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

export const defaultSleep: Sleep = abortableSleep;

const NEVER_ABORTED = new AbortController().signal;
