// Offset pagination as the API does it (`page` from 0, `size`, `hasNext`), as a page you can step through and
// as an async iterator over every item, with optional prefetch.
import { SigmaMindError } from "./errors.js";

/** The envelope every paged list of the API returns. */
export interface OffsetPageResponse<Item> {
  data: Item[];
  page: number;
  size: number;
  totalCounts: number;
  totalPages: number;
  hasNext: boolean;
  hasPrevious: boolean;
}

/** Fetches page number `page`; `signal` aborts it. */
export type FetchPage<Item> = (page: number, signal: AbortSignal | undefined) => Promise<OffsetPageResponse<Item>>;

export interface PaginationOptions {
  /** While iterating, how many pages to fetch ahead, concurrently, of the one being read. Default 0. */
  prefetchPages?: number;
  /** While iterating, stop after this many items. */
  maxItems?: number;
}

/** One page of a list: the API's envelope, plus `hasNextPage()` and `getNextPage()`. */
export class OffsetPage<Item> implements OffsetPageResponse<Item> {
  // Set in the constructor; `declare` keeps the build from emitting a field definition for each as well.
  declare data: Item[];
  declare page: number;
  declare size: number;
  declare totalCounts: number;
  declare totalPages: number;
  declare hasNext: boolean;
  declare hasPrevious: boolean;
  /** The page number this page was requested as, which the next page follows. */
  readonly #requestedPage: number;
  readonly #fetchPage: FetchPage<Item>;

  constructor(response: OffsetPageResponse<Item>, requestedPage: number, fetchPage: FetchPage<Item>) {
    this.data = response.data;
    this.page = response.page;
    this.size = response.size;
    this.totalCounts = response.totalCounts;
    this.totalPages = response.totalPages;
    this.hasNext = response.hasNext;
    this.hasPrevious = response.hasPrevious;
    this.#requestedPage = requestedPage;
    this.#fetchPage = fetchPage;
  }

  /** Whether another page follows: the server says so and this one was not empty. */
  hasNextPage(): boolean {
    return this.hasNext && this.data.length > 0;
  }

  /** The page after this one. Check `hasNextPage()` first. */
  async getNextPage(): Promise<OffsetPage<Item>> {
    if (!this.hasNextPage()) {
      throw new SigmaMindError("There is no next page: check hasNextPage() before calling getNextPage().");
    }
    const next = this.#requestedPage + 1;
    return new OffsetPage(await this.#fetchPage(next, undefined), next, this.#fetchPage);
  }
}

/**
 * What a list method returns: await it for the first page, or iterate it with `for await` for every item of
 * every page, in order. Nothing is requested until you do one or the other.
 */
export class PagePromise<Item, Key = unknown> implements PromiseLike<OffsetPage<Item>>, AsyncIterable<Item> {
  readonly #fetchPage: FetchPage<Item>;
  readonly #firstPageNumber: number;
  readonly #options: PaginationOptions;
  readonly #keyOf: (item: Item) => Key;
  #firstPage: Promise<OffsetPage<Item>> | undefined;

  constructor(
    fetchPage: FetchPage<Item>,
    firstPageNumber: number,
    options: PaginationOptions,
    /** Identity of an item, to drop the repeats that offset pagination yields when rows shift. */
    keyOf: (item: Item) => Key,
  ) {
    this.#fetchPage = fetchPage;
    this.#firstPageNumber = firstPageNumber;
    this.#options = options;
    this.#keyOf = keyOf;
  }

  // biome-ignore lint/suspicious/noThenProperty: awaiting the list for its first page is the point of this class
  then<Result = OffsetPage<Item>, Failure = never>(
    onFulfilled?: ((page: OffsetPage<Item>) => Result | PromiseLike<Result>) | null,
    onRejected?: ((reason: unknown) => Failure | PromiseLike<Failure>) | null,
  ): Promise<Result | Failure> {
    return this.#getFirstPage().then(onFulfilled, onRejected);
  }

  catch<Failure = never>(onRejected?: ((reason: unknown) => Failure | PromiseLike<Failure>) | null) {
    return this.#getFirstPage().catch(onRejected);
  }

  finally(onFinally?: (() => void) | null) {
    return this.#getFirstPage().finally(onFinally);
  }

  get [Symbol.toStringTag]() {
    return "PagePromise";
  }

  #getFirstPage(): Promise<OffsetPage<Item>> {
    this.#firstPage ??= this.#fetchPage(this.#firstPageNumber, undefined).then(
      (response) => new OffsetPage(response, this.#firstPageNumber, this.#fetchPage),
    );
    return this.#firstPage;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    const { prefetchPages = 0, maxItems = Number.POSITIVE_INFINITY } = this.#options;
    if (maxItems === 0) return;
    // Pages fetched ahead can be abandoned (a break, maxItems, an error): this stops their requests.
    const abandon = new AbortController();
    const ahead: Promise<OffsetPageResponse<Item>>[] = [];
    let lastRequested = this.#firstPageNumber;
    const request = () => {
      const page = this.#fetchPage(++lastRequested, abandon.signal);
      // A failure surfaces when its page is reached, in order; until then it must not go unhandled.
      page.catch(() => {});
      ahead.push(page);
    };

    let yielded = 0;
    // Only the previous page's keys are kept: a row that shifts moves by at most a page, and memory stays
    // bounded by the prefetch window instead of growing with the whole list.
    let previousKeys = new Set<Key>();
    try {
      let current: OffsetPageResponse<Item> = await this.#getFirstPage();
      let currentNumber = this.#firstPageNumber;
      for (;;) {
        const more = current.hasNext && current.data.length > 0;
        if (more) {
          // Fetch ahead while this page is read, never past the last page the server reports.
          const lastPage = Math.max(current.totalPages - 1, lastRequested - ahead.length + 1);
          while (ahead.length < prefetchPages && lastRequested < lastPage) request();
        }
        const keys = new Set<Key>();
        for (const item of current.data) {
          const key = this.#keyOf(item);
          const repeated = previousKeys.has(key) || keys.has(key);
          keys.add(key);
          if (repeated) continue;
          yield item;
          if (++yielded >= maxItems) return;
        }
        if (!more || isStuck(current, currentNumber, keys, previousKeys)) return;
        previousKeys = keys;
        if (ahead.length === 0) request();
        currentNumber++;
        current = await (ahead.shift() as Promise<OffsetPageResponse<Item>>);
      }
    } finally {
      abandon.abort();
    }
  }
}

/**
 * Whether the server is not moving through the list: a page made only of the previous page's items, that does
 * not even carry the page number asked for, comes from a server that ignores `page` (or a mock serving one
 * example). Iterating on would request the same page until totalPages runs out, so iteration ends there.
 * A real server's page that repeats because rows were inserted meanwhile carries the right number and goes on.
 */
function isStuck<Key>(
  page: OffsetPageResponse<unknown>,
  requestedNumber: number,
  keys: Set<Key>,
  previousKeys: Set<Key>,
): boolean {
  if (page.page === requestedNumber || keys.size === 0) return false;
  for (const key of keys) if (!previousKeys.has(key)) return false;
  return true;
}
