// What every resource of the client is made of: its methods (generated from the spec's operation table, one line
// each) send an operation through the client's one request path, and a listing pages through the list envelope.
import { anySignal } from "../internal/any-signal.js";
import { type FieldSchema, readOptions } from "../internal/check-inputs.js";
import type { APIPromise } from "./api-promise.js";
import type { ClientContext } from "./client-context.js";
import type { Operation, OperationInput } from "./operation.js";
import { type OffsetPageResponse, PagePromise, type PaginationOptions } from "./pagination.js";
import { REQUEST_OPTION_PROPERTIES, type RequestOptions } from "./request-options.js";

/** Options of a list method: the per-call options, and how iteration fetches pages. */
export type ListOptions = RequestOptions & PaginationOptions;

const LIST_OWN_OPTIONS = {
  prefetchPages: { type: "integer", minimum: 0, maximum: 32, description: "a whole number from 0 to 32" },
  maxItems: {
    type: "integer",
    minimum: 0,
    maximum: 9_007_199_254_740_991,
    description: "a whole number from 0 to 9007199254740991",
  },
  onIncomplete: { type: "string", pattern: "^(warn|throw)$", description: '"warn" or "throw"' },
} satisfies Record<Exclude<keyof ListOptions, keyof RequestOptions>, FieldSchema>;

/** A list method takes the per-call options and the ones that steer iteration. */
export const LIST_OPTIONS: FieldSchema = {
  // Object.assign marked pure rather than a spread: a bundler keeps a spread at module scope in every bundle.
  properties: /* @__PURE__ */ Object.assign({}, REQUEST_OPTION_PROPERTIES, LIST_OWN_OPTIONS),
};

export abstract class Resource {
  readonly #context: ClientContext;

  constructor(context: ClientContext) {
    this.#context = context;
  }

  /** The client this resource belongs to: its request path, logger and sleep. */
  protected get context(): ClientContext {
    return this.#context;
  }

  /** Checks, sends and reads one operation. */
  protected request<T>(operation: Operation, input: OperationInput, options: RequestOptions): APIPromise<T> {
    return this.#context.operations.call<T>(operation, input, options);
  }

  /**
   * A listing: `await` it for one page; `for await` it for every item across pages, in order, with
   * `prefetchPages` fetched ahead and `maxItems` to stop early. `keyField` tells items apart, so that a page that
   * repeats an item does not yield it twice.
   */
  protected listing<Item>(
    operation: Operation,
    input: { path?: Record<string, string>; query: Record<string, unknown> },
    options: ListOptions,
    keyField: string,
  ): PagePromise<Item> {
    const { label } = operation;
    // Read once, through the one guarded copy; a getter that throws rejects the listing, as a bad input does.
    let read: ListOptions = {};
    let unreadable: unknown;
    try {
      read = (readOptions(label, options, LIST_OPTIONS) ?? {}) as ListOptions;
    } catch (error) {
      unreadable = error;
    }
    const { prefetchPages, maxItems, onIncomplete, ...requestOptions } = read;
    const { operations, logger } = this.#context;
    const params = input.query;
    // The inputs are the same for every page: checked before the first request, not again for each page.
    let inputsChecked = false;
    const fetchPage = (page: number, iterationSignal: AbortSignal | undefined) => {
      if (unreadable !== undefined) return Promise.reject(unreadable);
      if (!inputsChecked) {
        operations.check(operation, input, read, LIST_OPTIONS);
        inputsChecked = true;
      }
      // The first page goes out as the caller wrote it; later pages carry their number.
      const query = page === 0 && params?.page === undefined ? params : { ...params, page };
      const pageOptions = iterationSignal
        ? { ...requestOptions, signal: joinSignals(requestOptions.signal, iterationSignal) }
        : requestOptions;
      return operations.send<OffsetPageResponse<Item>>(operation, { path: input.path, query }, pageOptions);
    };
    return new PagePromise(
      fetchPage,
      (params?.page as number | undefined) ?? 0,
      { prefetchPages, maxItems, onIncomplete },
      {
        noun: label.slice(0, label.indexOf(".")),
        keyOf: (item: Item) => itemKey(item, keyField),
        warn: (message) => logger.warn(`${label}: ${message}`),
      },
    );
  }
}

/**
 * An item's identity while iterating: its key field, or for an item the server sent without one, its whole
 * content, so that items without ids are not all folded into one.
 */
function itemKey(item: unknown, keyField: string): unknown {
  const key = (item as Record<string, unknown>)?.[keyField];
  if (typeof key === "string" && key !== "") return key;
  try {
    return JSON.stringify(item);
  } catch {
    // Too deep to serialise: a key of its own, so that the item is yielded rather than lost.
    return {};
  }
}

/** A signal that aborts when either does; either alone when the other is not given. */
export function joinSignals(first: AbortSignal | undefined, second: AbortSignal | undefined): AbortSignal | undefined {
  if (!first) return second;
  if (!second) return first;
  return anySignal([first, second]);
}
