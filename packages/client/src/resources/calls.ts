import type { Call, CallListResponse, CreateCallRequest, operations } from "@sigmamind/types";
import type { ClientContext } from "../core/client-context.js";
import { ResponseValidationError } from "../core/errors.js";
import { type OffsetPage, PagePromise, type PaginationOptions } from "../core/pagination.js";
import { readJson, readNoContent } from "../core/read-response.js";
import { checkRequestOptions, REQUEST_OPTIONS, type RequestOptions } from "../core/request-options.js";
import { findShapeViolation } from "../core/response-shape.js";
import type { Delivered } from "../core/transport.js";
import { requestSchemas } from "../generated/request-schemas.js";
import { anySignal } from "../internal/any-signal.js";
import { checkInputs, checkPathSegment, type FieldSchema } from "../internal/check-inputs.js";

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
    // The inputs are the same for every page: checked before the first request, not again for each page.
    let inputsChecked = false;
    const fetchPage = async (page: number, iterationSignal: AbortSignal | undefined) => {
      if (!inputsChecked) {
        checkInputs("calls.list", "parameter", requestSchemas.listCalls.query, params);
        checkRequestOptions("calls.list", options, LIST_OPTIONS);
        inputsChecked = true;
      }
      // The first page goes out as the caller wrote it; later pages carry their number.
      const query = page === 0 && params?.page === undefined ? params : { ...params, page };
      const pageOptions = iterationSignal
        ? { ...requestOptions, signal: joinSignals(requestOptions.signal, iterationSignal) }
        : requestOptions;
      const delivered = await this.#context.send("GET", "/v1/calls", { query }, pageOptions);
      return this.#readValid<CallListResponse>("listCalls", delivered);
    };
    return new PagePromise(
      fetchPage,
      params?.page ?? 0,
      { prefetchPages, maxItems, onIncomplete },
      {
        noun: "calls",
        keyOf: callKey,
        warn: (message) => this.#context.logger.warn(`calls.list: ${message}`),
      },
    );
  }

  /** One call by its id. */
  async get(callId: string, options: RequestOptions = {}): Promise<Call> {
    checkInputs("calls.get", "parameter", requestSchemas.getCall.path, { callId });
    checkPathSegment("calls.get", "callId", callId);
    checkRequestOptions("calls.get", options);
    const delivered = await this.#context.send("GET", "/v1/calls/{callId}", { path: { callId } }, options);
    return this.#readValid<Call>("getCall", delivered);
  }

  /**
   * Places a real outbound phone call. It is sent at most once: it is retried only when the connection was
   * refused before anything was sent, and never follows a redirect. When it fails after it may have reached the
   * API, the error's `mayHaveTakenEffect` is true and its message says to list recent calls before trying again.
   */
  async create(params: CreateCallParams, options: RequestOptions = {}): Promise<Call> {
    checkInputs("calls.create", "field", requestSchemas.createCall.body, params);
    checkRequestOptions("calls.create", options);
    const delivered = await this.#context.send("POST", "/v1/calls", { body: params }, options, CALL_MAY_BE_PLACED);
    return this.#readValid<Call>("createCall", delivered);
  }

  /** Deletes a call. */
  async delete(callId: string, options: RequestOptions = {}): Promise<void> {
    checkInputs("calls.delete", "parameter", requestSchemas.deleteCall.path, { callId });
    checkPathSegment("calls.delete", "callId", callId);
    checkRequestOptions("calls.delete", options);
    readNoContent(
      await this.#context.send("DELETE", "/v1/calls/{callId}", { path: { callId } }, options),
      this.#context.redact,
    );
  }

  async #readValid<T>(operation: string, delivered: Delivered): Promise<T> {
    const { redact } = this.#context;
    const body = readJson<T>(delivered, redact);
    const shapeViolation = findShapeViolation(operation, body);
    let violation = shapeViolation;
    if (!violation && this.#context.validateResponses) {
      responseValidation ??= import("../core/response-validation.js");
      violation = (await responseValidation).findResponseViolation(operation, body);
    }
    if (violation) {
      const { uncertainOutcome } = delivered;
      const advice = shapeViolation
        ? "The client cannot read it; report it to SigmaMind with the request id."
        : "Upgrade @sigmamind/client if the API has changed, or turn validateResponses off to accept it as it is.";
      throw new ResponseValidationError(
        operation,
        violation.path,
        violation.problem,
        delivered.response.status,
        redact(body),
        {
          advice: uncertainOutcome ? `${advice} ${uncertainOutcome}` : advice,
          mayHaveTakenEffect: uncertainOutcome !== undefined,
        },
      );
    }
    return body;
  }
}

/** What a create's error says when the request may have reached the API. */
const CALL_MAY_BE_PLACED =
  "The call may have been placed, and it was not sent again: list recent calls (client.calls.list()) to see whether it was before creating it again.";

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

// Loaded on first use: a client with validateResponses off never downloads the validators.
let responseValidation: Promise<typeof import("../core/response-validation.js")> | undefined;

function joinSignals(first: AbortSignal | undefined, second: AbortSignal | undefined): AbortSignal | undefined {
  if (!first) return second;
  if (!second) return first;
  return anySignal([first, second]);
}
