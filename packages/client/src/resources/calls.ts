import type { Call, CallListResponse, CallStatus, CreateCallRequest, operations } from "@sigmamind/types";
import { APIPromise } from "../core/api-promise.js";
import type { ClientContext } from "../core/client-context.js";
import { InvalidInputError, WaitTimeoutError } from "../core/errors.js";
import type { Operation } from "../core/operation.js";
import { type OffsetPage, PagePromise, type PaginationOptions } from "../core/pagination.js";
import { DEFAULT_POLL_INTERVAL_MS, DEFAULT_WAIT_TIMEOUT_MS, MIN_POLL_INTERVAL_MS, pollUntil } from "../core/poll.js";
import { MAX_TIMEOUT_MS, REQUEST_OPTION_PROPERTIES, type RequestOptions, TIMEOUT_MS } from "../core/request-options.js";
import { anySignal } from "../internal/any-signal.js";
import { type FieldSchema, readOptions } from "../internal/check-inputs.js";

export type { Call, CallListResponse } from "@sigmamind/types";
/** Query parameters of `calls.list()`: `status`, `page` (from 0), `size`. */
export type ListCallsParams = NonNullable<operations["listCalls"]["parameters"]["query"]>;
/** Options of `calls.list()`: the per-call options, and how iteration fetches pages. */
export type ListCallsOptions = RequestOptions & PaginationOptions;
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
}

/** Statuses a call never leaves; `completed` and `failed` are what older responses say. */
const FINAL_CALL_STATUSES: readonly CallStatus[] = ["ended", "not-connected", "error", "completed", "failed"];

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
  } satisfies Record<keyof WaitForCallOptions, FieldSchema>,
};

const LIST_OWN_OPTIONS = {
  prefetchPages: { type: "integer", minimum: 0, maximum: 32, description: "a whole number from 0 to 32" },
  maxItems: {
    type: "integer",
    minimum: 0,
    maximum: 9_007_199_254_740_991,
    description: "a whole number from 0 to 9007199254740991",
  },
  onIncomplete: { type: "string", pattern: "^(warn|throw)$", description: '"warn" or "throw"' },
} satisfies Record<Exclude<keyof ListCallsOptions, keyof RequestOptions>, FieldSchema>;

/** `calls.list()` takes the per-call options and the ones that steer iteration. */
const LIST_OPTIONS: FieldSchema = {
  // Object.assign marked pure rather than a spread: a bundler keeps a spread at module scope in every bundle.
  properties: /* @__PURE__ */ Object.assign({}, REQUEST_OPTION_PROPERTIES, LIST_OWN_OPTIONS),
};

/** The `/v1/calls` resource: `client.calls`. */
export class Calls {
  readonly #context: ClientContext;

  constructor(context: ClientContext) {
    this.#context = context;
  }

  /**
   * Lists calls. `await` it for one page; `for await (const call of client.calls.list())` for every call
   * across pages, in order, with `prefetchPages` fetched ahead and `maxItems` to stop early.
   */
  list(params: ListCallsParams = {}, options: ListCallsOptions = {}): CallsPagePromise {
    // Read once, through the one guarded copy; a getter that throws rejects the listing, as a bad input does.
    let read: ListCallsOptions = {};
    let unreadable: unknown;
    try {
      read = (readOptions("calls.list", options, LIST_OPTIONS) ?? {}) as ListCallsOptions;
    } catch (error) {
      unreadable = error;
    }
    const { prefetchPages, maxItems, onIncomplete, ...requestOptions } = read;
    const { operations, logger } = this.#context;
    // The inputs are the same for every page: checked before the first request, not again for each page.
    let inputsChecked = false;
    const fetchPage = (page: number, iterationSignal: AbortSignal | undefined) => {
      if (unreadable !== undefined) return Promise.reject(unreadable);
      if (!inputsChecked) {
        operations.check(LIST_CALLS, { query: params }, read, LIST_OPTIONS);
        inputsChecked = true;
      }
      // The first page goes out as the caller wrote it; later pages carry their number.
      const query = page === 0 && params?.page === undefined ? params : { ...params, page };
      const pageOptions = iterationSignal
        ? { ...requestOptions, signal: joinSignals(requestOptions.signal, iterationSignal) }
        : requestOptions;
      return operations.send<CallListResponse>(LIST_CALLS, { query }, pageOptions);
    };
    return new PagePromise(
      fetchPage,
      params?.page ?? 0,
      { prefetchPages, maxItems, onIncomplete },
      { noun: "calls", keyOf: callKey, warn: (message) => logger.warn(`calls.list: ${message}`) },
    );
  }

  /** One call by its id. */
  get(callId: string, options: RequestOptions = {}): APIPromise<Call> {
    return this.#context.operations.call(GET_CALL, { path: { callId } }, options);
  }

  /**
   * Places a real outbound phone call. It is sent at most once: it is retried only when the connection was
   * refused before anything was sent, and never follows a redirect. When it fails after it may have reached the
   * API, the error's `mayHaveTakenEffect` is true and its message says to list recent calls before trying again.
   */
  create(params: CreateCallParams, options: RequestOptions = {}): APIPromise<Call> {
    return this.#context.operations.call(CREATE_CALL, { body: params }, options);
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
    const { operations, sleep } = this.#context;
    const { label } = WAIT_FOR_CALL;
    // A check that fails rejects the promise rather than throwing where it was called.
    const sent = Promise.resolve().then(() => {
      operations.check(WAIT_FOR_CALL, { path: { callId } }, options, WAIT_FOR_OPTIONS);
      checkStatuses(label, options.until);
      const { signal, timeoutMs = DEFAULT_WAIT_TIMEOUT_MS, pollIntervalMs = DEFAULT_POLL_INTERVAL_MS } = options;
      const stopsAt = [...new Set([...(options.until ?? []), ...FINAL_CALL_STATUSES])];
      return pollUntil(
        (deadline) =>
          operations.send<Call>(WAIT_FOR_CALL, { path: { callId } }, { signal: joinSignals(signal, deadline) }),
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

  /** Deletes a call. */
  delete(callId: string, options: RequestOptions = {}): APIPromise<void> {
    return this.#context.operations.call(DELETE_CALL, { path: { callId } }, options);
  }
}

/** What a create's error says when the request may have reached the API. */
const CALL_MAY_BE_PLACED =
  "The call may have been placed, and it was not sent again: list recent calls (client.calls.list()) to see whether it was before creating it again.";

const LIST_CALLS: Operation = {
  label: "calls.list",
  id: "listCalls",
  method: "GET",
  path: "/v1/calls",
  returns: "json",
};
const GET_CALL: Operation = {
  label: "calls.get",
  id: "getCall",
  method: "GET",
  path: "/v1/calls/{callId}",
  returns: "json",
};
/** A get, under the name of the method that polls with it, which its errors give. */
// Object.assign marked pure rather than a spread: a bundler keeps a spread at module scope in every bundle.
const WAIT_FOR_CALL: Operation = /* @__PURE__ */ Object.assign({}, GET_CALL, { label: "calls.waitFor" });
const CREATE_CALL: Operation = {
  label: "calls.create",
  id: "createCall",
  method: "POST",
  path: "/v1/calls",
  returns: "json",
  uncertainOutcome: CALL_MAY_BE_PLACED,
};
const DELETE_CALL: Operation = {
  label: "calls.delete",
  id: "deleteCall",
  method: "DELETE",
  path: "/v1/calls/{callId}",
  returns: "nothing",
};

/**
 * A call's identity while iterating: its id, or for a call the server sent without one, its whole content, so
 * that calls without ids are not all folded into one.
 */
function callKey(call: Call): unknown {
  if (typeof call.callId === "string" && call.callId !== "") return call.callId;
  try {
    return JSON.stringify(call);
  } catch {
    // Too deep to serialise: a key of its own, so that the call is yielded rather than lost.
    return {};
  }
}

function joinSignals(first: AbortSignal | undefined, second: AbortSignal | undefined): AbortSignal | undefined {
  if (!first) return second;
  if (!second) return first;
  return anySignal([first, second]);
}

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
