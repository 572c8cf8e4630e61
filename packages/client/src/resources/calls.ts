import type { Call, CallListResponse, CreateCallRequest, operations } from "@sigmamind/types";
import type { APIPromise } from "../core/api-promise.js";
import type { ClientContext } from "../core/client-context.js";
import type { Operation } from "../core/operation.js";
import { type OffsetPage, PagePromise, type PaginationOptions } from "../core/pagination.js";
import { REQUEST_OPTIONS, type RequestOptions } from "../core/request-options.js";
import { anySignal } from "../internal/any-signal.js";
import type { FieldSchema } from "../internal/check-inputs.js";

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

/** `calls.list()` takes the per-call options and the ones that steer iteration. */
const LIST_OPTIONS: FieldSchema = {
  properties: {
    ...REQUEST_OPTIONS.properties,
    prefetchPages: { type: "integer", minimum: 0, maximum: 32, description: "a whole number from 0 to 32" },
    maxItems: {
      type: "integer",
      minimum: 0,
      maximum: Number.MAX_SAFE_INTEGER,
      description: `a whole number from 0 to ${Number.MAX_SAFE_INTEGER}`,
    },
    onIncomplete: { type: "string", pattern: "^(warn|throw)$", description: '"warn" or "throw"' },
  } satisfies Record<keyof ListCallsOptions, FieldSchema>,
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
    const { prefetchPages, maxItems, onIncomplete, ...requestOptions } = options ?? {};
    const { operations, logger } = this.#context;
    // The inputs are the same for every page: checked before the first request, not again for each page.
    let inputsChecked = false;
    const fetchPage = (page: number, iterationSignal: AbortSignal | undefined) => {
      if (!inputsChecked) {
        operations.check(LIST_CALLS, { query: params }, options, LIST_OPTIONS);
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
  method: "get",
  path: "/v1/calls",
  returns: "json",
};
const GET_CALL: Operation = {
  label: "calls.get",
  id: "getCall",
  method: "get",
  path: "/v1/calls/{callId}",
  returns: "json",
};
const CREATE_CALL: Operation = {
  label: "calls.create",
  id: "createCall",
  method: "post",
  path: "/v1/calls",
  returns: "json",
  uncertainOutcome: CALL_MAY_BE_PLACED,
};
const DELETE_CALL: Operation = {
  label: "calls.delete",
  id: "deleteCall",
  method: "delete",
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
