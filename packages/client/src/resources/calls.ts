import type { Call, CallStatus, CreateCallRequest, operations } from "@sigmamind/types";
import { APIPromise } from "../core/api-promise.js";
import { InvalidInputError, WaitTimeoutError } from "../core/errors.js";
import type { Operation } from "../core/operation.js";
import type { OffsetPage, PagePromise } from "../core/pagination.js";
import { DEFAULT_POLL_INTERVAL_MS, DEFAULT_WAIT_TIMEOUT_MS, MIN_POLL_INTERVAL_MS, pollUntil } from "../core/poll.js";
import { MAX_TIMEOUT_MS, type RequestOptions, TIMEOUT_MS } from "../core/request-options.js";
import { joinSignals, type ListOptions } from "../core/resource.js";
import { createCall, getCall } from "../generated/operations.js";
import { CallsResource } from "../generated/resources.js";
import type { FieldSchema } from "../internal/check-inputs.js";

export type { Call, CallListResponse } from "@sigmamind/types";
/** Query parameters of `calls.list()`: `status`, `page` (from 0), `size`. */
export type ListCallsParams = NonNullable<operations["listCalls"]["parameters"]["query"]>;
/** Options of `calls.list()`: the per-call options, and how iteration fetches pages. */
export type ListCallsOptions = ListOptions;
/** Body of `calls.create()`. */
export type CreateCallParams = CreateCallRequest;
/** A page of calls: the API's envelope with `hasNextPage()` and `getNextPage()`. */
export type CallsPage = OffsetPage<Call>;
/** What `calls.list()` returns: await it for a page, or `for await` it for every call. */
export type CallsPagePromise = PagePromise<Call>;

/** Options of `calls.waitFor()`. */
export interface WaitForCallOptions {
  /** More statuses to stop at, such as `["in-progress"]`. The final ones always stop the wait: a call never leaves them. */
  until?: readonly CallStatus[] | undefined;
  /** Aborts the wait and the poll in flight; it then rejects with `APIUserAbortError`. */
  signal?: AbortSignal | undefined;
  /** Time allowed for the whole wait, then `WaitTimeoutError`. Default: 600 000 (10 minutes). */
  timeoutMs?: number | undefined;
  /** The first wait between polls; each next one is twice the last, up to 5 s. Default: 1 000. */
  pollIntervalMs?: number | undefined;
  /**
   * Called with the call as each poll finds it, when its status is not the one the poll before found (so on the
   * first poll too): to show progress as it happens. An error it throws ends the wait with that error.
   */
  onStatus?: ((call: Call) => void) | undefined;
}

/**
 * The statuses a call never leaves, which `calls.waitFor()` stops at: `ended` (it was answered and is over),
 * `not-connected` (nobody answered) and `error` (it failed), and `completed` and `failed`, which older responses
 * say for `ended` and `error`. `scheduled` and `in-progress` are not final, nor is a status this version does not
 * know.
 */
export const FINAL_CALL_STATUSES = Object.freeze(["ended", "not-connected", "error", "completed", "failed"] as const);

/** Whether a call in this status is over for good: one of `FINAL_CALL_STATUSES`. */
export function isFinalCallStatus(status: CallStatus | null | undefined): boolean {
  return (FINAL_CALL_STATUSES as readonly unknown[]).includes(status);
}

const UNTIL: FieldSchema = {
  type: "array",
  description: 'a non-empty array of call statuses, such as ["in-progress"]',
};

/** `calls.waitFor()`'s options; each poll takes the client's timeoutMs and maxRetries. */
const WAIT_FOR_OPTIONS: FieldSchema = {
  properties: {
    until: UNTIL,
    signal: {},
    timeoutMs: TIMEOUT_MS,
    pollIntervalMs: {
      type: "number",
      minimum: MIN_POLL_INTERVAL_MS,
      maximum: MAX_TIMEOUT_MS,
      // Written out: a template at module scope is code a bundler keeps in every bundle, used or not.
      description: "a number of milliseconds from 100 to 2147483647",
    },
    onStatus: { type: "function" },
  } satisfies Record<keyof WaitForCallOptions, FieldSchema>,
};

/**
 * The `/v1/calls` resource: `client.calls`. Its operations come from the spec (`CallsResource`); this adds what the
 * spec cannot say: what a create that may have reached the API tells its caller, and `waitFor`.
 */
export class Calls extends CallsResource {
  /**
   * Places a real outbound phone call. It is sent at most once: it is retried only when the connection was
   * refused before anything was sent, and never follows a redirect. When it fails after it may have reached the
   * API, the error's `mayHaveTakenEffect` is true and its message says to list recent calls before trying again.
   */
  override create(params: CreateCallParams, options: RequestOptions = {}): APIPromise<Call> {
    return this.request(CREATE_CALL, { body: params }, options);
  }

  /**
   * Polls `calls.get` until the call reaches a final status (`ended`, `not-connected`, `error`, or the older
   * `completed` and `failed`) or one of `until`, and resolves with it. The waits between polls go through the
   * client's `sleep`: `pollIntervalMs` (1 s), then twice the last, up to 5 s. It rejects with `WaitTimeoutError`,
   * carrying the call as last seen, after `timeoutMs` (10 minutes); with `APIUserAbortError` when `signal` aborts;
   * and at once with a poll's own error, such as `NotFoundError` for a call that is not there. Each poll is a get
   * with the client's per-attempt timeout and retries.
   */
  waitFor(callId: string, options: WaitForCallOptions = {}): APIPromise<Call> {
    const { operations, sleep } = this.context;
    const { label } = WAIT_FOR_CALL;
    // A check that fails rejects the promise rather than throwing where it was called.
    const sent = Promise.resolve().then(() => {
      operations.check(WAIT_FOR_CALL, { path: { callId } }, options, WAIT_FOR_OPTIONS);
      checkStatuses(label, options.until);
      const { signal, timeoutMs = DEFAULT_WAIT_TIMEOUT_MS, pollIntervalMs = DEFAULT_POLL_INTERVAL_MS } = options;
      const { onStatus } = options;
      const stopsAt = [...new Set([...(options.until ?? []), ...FINAL_CALL_STATUSES])];
      let lastStatus: unknown = NOT_POLLED;
      return pollUntil(
        async (deadline) => {
          const sent = await operations.send<Call>(
            WAIT_FOR_CALL,
            { path: { callId } },
            { signal: joinSignals(signal, deadline) },
          );
          if (onStatus && sent.data.status !== lastStatus) onStatus(sent.data);
          lastStatus = sent.data.status;
          return sent;
        },
        ({ data }) => stopsAt.includes(data.status),
        {
          label,
          timeoutMs,
          pollIntervalMs,
          signal,
          sleep,
          timedOut: (last) => stillWaiting(callId, last?.data, timeoutMs, stopsAt),
        },
      );
    });
    return new APIPromise(sent);
  }
}

/** The status before the first poll: unlike any a call can have, so the first poll's is always a change. */
const NOT_POLLED = Symbol("not polled");

/** What a create's error says when the request may have reached the API. */
const CALL_MAY_BE_PLACED =
  "The call may have been placed, and it was not sent again: list recent calls (client.calls.list()) to see whether it was before creating it again.";

/** A create, with what its error says when the call may have been placed. */
// Object.assign marked pure rather than a spread: a bundler keeps a spread at module scope in every bundle.
const CREATE_CALL: Operation = /* @__PURE__ */ Object.assign({}, createCall, { uncertainOutcome: CALL_MAY_BE_PLACED });
/** A get, under the name of the method that polls with it, which its errors give. */
const WAIT_FOR_CALL: Operation = /* @__PURE__ */ Object.assign({}, getCall, { label: "calls.waitFor" });

/** `until`'s schema says it is an array; the checks cannot say of what, so its statuses are checked here. */
function checkStatuses(label: string, until: readonly unknown[] | undefined): void {
  if (until === undefined) return;
  if (until.length === 0) {
    throw new InvalidInputError(`${label}: until must be ${UNTIL.description}, got an empty array.`);
  }
  const index = until.findIndex((status) => typeof status !== "string" || status === "");
  if (index !== -1) {
    const got = describeNonStatus(until[index]);
    throw new InvalidInputError(`${label}: until[${index}] must be a call status (a non-empty string), got ${got}.`);
  }
}

/** What a value that is not a status is, without echoing it. */
function describeNonStatus(value: unknown): string {
  if (value === "") return "an empty string";
  if (value === null || value === undefined) return String(value);
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/** The timeout error: where the call is, where it was to get, and what to do. */
function stillWaiting(
  callId: string,
  call: Call | undefined,
  timeoutMs: number,
  stopsAt: readonly string[],
): WaitTimeoutError {
  const where = !call
    ? "gave no answer"
    : `is still ${call.status === undefined ? "without a status" : JSON.stringify(call.status)}`;
  const after = call ? `after ${timeoutMs} ms` : `within ${timeoutMs} ms`;
  return new WaitTimeoutError(
    `${WAIT_FOR_CALL.label}: call ${callId} ${where} ${after} (timeoutMs); it stops at ${listed(stopsAt)}. Wait longer with a larger timeoutMs, or look again later with calls.get.`,
    call,
  );
}

/** "a, b or c". */
function listed(words: readonly string[]): string {
  return words.length < 2 ? words.join("") : `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`;
}
