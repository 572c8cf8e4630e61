// Waiting for something the API reports to change: poll, wait, poll again, each wait longer than the last up to a
// cap, until it is done, the time is up, or the caller aborts.
import { anySignal } from "../internal/any-signal.js";
import { neverAborted } from "../internal/never-aborted.js";
import { APIUserAbortError } from "./errors.js";
import type { Sleep } from "./transport.js";

/** Time allowed for a whole wait: most calls end within minutes. */
export const DEFAULT_WAIT_TIMEOUT_MS = 600_000; // 10 minutes
/** The first wait between polls: a call that fails to connect is seen failed within a second or two. */
export const DEFAULT_POLL_INTERVAL_MS = 1_000;
/** Waits double up to this, so a call that lasts minutes costs a request every 5 s, not one a second. */
export const MAX_POLL_INTERVAL_MS = 5_000;
/** Below this, polling is hammering the API. */
export const MIN_POLL_INTERVAL_MS = 100;

export interface PollSettings<T> {
  /** What errors call the method: "calls.waitFor". */
  label: string;
  /** Time allowed for the whole wait. */
  timeoutMs: number;
  /** The first wait between polls. */
  pollIntervalMs: number;
  signal: AbortSignal | undefined;
  /** The client's sleep: a timer, or in tests one that returns at once. */
  sleep: Sleep;
  /** The error to reject with when the time is up, given what the last poll returned (none if none did). */
  timedOut: (last: T | undefined) => Error;
}

/**
 * The wait before poll number `poll + 1`: `pollIntervalMs`, then twice the last, up to `MAX_POLL_INTERVAL_MS`; a
 * `pollIntervalMs` above the cap is kept as it is.
 */
export function pollDelayMs(poll: number, pollIntervalMs: number): number {
  return Math.min(pollIntervalMs * 2 ** (poll - 1), Math.max(MAX_POLL_INTERVAL_MS, pollIntervalMs));
}

/**
 * Calls `poll` until `isDone` says its value is final, and resolves with that value. Between polls it waits
 * through `sleep`, the last wait cut to the deadline and followed by one more poll; past `timeoutMs` it rejects
 * with `timedOut(last)`. An error of a poll rejects at once, and an abort of `signal` stops the wait at once.
 */
export async function pollUntil<T>(
  poll: (deadline: AbortSignal) => Promise<T>,
  isDone: (value: T) => boolean,
  settings: PollSettings<T>,
): Promise<T> {
  const { label, timeoutMs, pollIntervalMs, signal, sleep, timedOut } = settings;
  const started = performance.now();
  let slept = 0;
  let deadlineReached = false;
  let last: T | undefined;
  // By the clock when the sleep really waits, so slow polls count too; by the sleeps' total when it returns at
  // once (a test's, or one that moves a mock's clock), so such a wait times out as it would in real time.
  const remaining = () => timeoutMs - Math.max(performance.now() - started, slept);
  for (let polls = 1; ; polls++) {
    // A poll is one request with its own timeouts and retries, which could outlast the whole wait: the deadline
    // aborts it.
    const deadline = AbortSignal.timeout(Math.max(1, Math.ceil(remaining())));
    try {
      last = await poll(deadline);
    } catch (error) {
      if (deadline.aborted && !signal?.aborted) throw timedOut(last);
      throw error;
    }
    if (isDone(last)) return last;
    const left = remaining();
    if (deadlineReached || left <= 0) throw timedOut(last);
    const delay = Math.min(pollDelayMs(polls, pollIntervalMs), left);
    deadlineReached = delay === left;
    try {
      // A signal of its own for each wait, as the transport does: many waits sharing the caller's signal would
      // otherwise each add a listener to it, and Node warns past ten.
      await sleep(delay, signal ? anySignal([signal]) : neverAborted());
    } catch (error) {
      throw new APIUserAbortError(`${label}: the wait was aborted by its signal.`, { cause: error });
    }
    slept += delay;
  }
}
