// Offset pagination as the API does it (`page` from 0, `size`, `hasNext`): a page you can step through, and
// from the list or any page, an async iterator over every item or every page that follows, with prefetch.
import { APIPromise, type Sent } from "./api-promise.js";
import { IncompleteListError, type IncompleteListReason, InvalidInputError, SigmaMindError } from "./errors.js";

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
export type FetchPage<Item> = (
  page: number,
  signal: AbortSignal | undefined,
) => Promise<Sent<OffsetPageResponse<Item>>>;

export interface PaginationOptions {
  /** While iterating, how many pages to fetch ahead, concurrently, of the one being read. Default 0. */
  prefetchPages?: number;
  /** While iterating, stop after this many items. */
  maxItems?: number;
  /**
   * What iterating does when the server stops making progress before it says the list has ended (pages that
   * only repeat what came before, a next page past `totalPages`, an empty page that claims a next one): log a
   * warning (`"warn"`, the default) or reject with `IncompleteListError` after the last item it got (`"throw"`).
   */
  onIncomplete?: "warn" | "throw";
}

/** How a list names and tells apart its items, and where it warns. */
export interface ListDescription<Item, Key> {
  /** What the items are called in messages: "calls". */
  noun: string;
  /** Identity of an item, to drop the repeats that offset pagination yields when rows shift. */
  keyOf: (item: Item) => Key;
  /** Where an iteration that ends incomplete warns. */
  warn: (message: string) => void;
}

/**
 * Pages in a row that hold only items already seen before a listing is taken to be stuck. A real server shows
 * such a page when a whole page of rows was inserted meanwhile; three in a row is a server that does not move.
 */
export const MAX_STALE_PAGES = 3;

/**
 * What a listing remembers from one page to the next: the keys of the last `MAX_STALE_PAGES` pages (enough for
 * rows shifted by inserts, and for a server cycling through a few pages), and how many pages in a row held only
 * items already seen. Memory stays at a few pages' keys, however long the list.
 */
interface Progress<Key> {
  recentKeys: readonly ReadonlySet<Key>[];
  staleStreak: number;
  /** The most pages the listing follows, from its first page's `totalPages`; unknown until that page. */
  pageBound: number | undefined;
}

const START: Progress<never> = { recentKeys: [], staleStreak: 0, pageBound: undefined };

/**
 * How far past its first page's `totalPages` a listing may go: rows created while it pages shift it by a page or
 * two, and a list that grew by a tenth meanwhile is still read to its end. A server whose `totalPages` grows
 * with every page (`page + 2`) would otherwise be followed forever.
 */
export function pageBoundOf(firstTotalPages: number): number {
  return firstTotalPages + Math.max(2, Math.ceil(firstTotalPages / 10));
}

/** Where a page leaves the listing: the items not seen before, and whether and why it cannot go on. */
interface PageStep<Item, Key> {
  fresh: Item[];
  progress: Progress<Key>;
  /** Whether another page may be requested. */
  more: boolean;
  /** Why the listing stops although the server said a next page follows. */
  incomplete: { reason: IncompleteListReason; explanation: string } | undefined;
}

/**
 * The one rule for every way of paging: a page is followed when the server says another follows, the page was
 * not empty, the next one is not past `totalPages`, and the listing still moves (a page of nothing new that
 * does not even carry the number asked for comes from a server that ignores `page`; `MAX_STALE_PAGES` such
 * pages in a row from any server).
 */
function stepThrough<Item, Key>(
  response: OffsetPageResponse<Item>,
  requested: number,
  { recentKeys, staleStreak: previousStaleStreak, pageBound: boundSoFar }: Progress<Key>,
  keyOf: (item: Item) => Key,
): PageStep<Item, Key> {
  const keys = new Set<Key>();
  const fresh: Item[] = [];
  for (const item of response.data) {
    const key = keyOf(item);
    if (!keys.has(key) && !recentKeys.some((seen) => seen.has(key))) fresh.push(item);
    keys.add(key);
  }
  const stale = fresh.length === 0 && response.data.length > 0;
  const staleStreak = stale ? previousStaleStreak + 1 : 0;
  const { totalPages } = response;
  const pageBound =
    boundSoFar ?? (Number.isInteger(totalPages) && totalPages >= 0 ? pageBoundOf(totalPages) : undefined);
  let incomplete: PageStep<Item, Key>["incomplete"];
  if (!response.hasNext) incomplete = undefined;
  else if (response.data.length === 0) {
    incomplete = {
      reason: "empty-page",
      explanation: `page ${requested} is empty though the server says a next page follows`,
    };
  } else if (stale && response.page !== requested) {
    incomplete = {
      reason: "no-progress",
      explanation: `the server sent page ${response.page} when asked for page ${requested}, holding only items already seen: it does not honour the page parameter`,
    };
  } else if (staleStreak >= MAX_STALE_PAGES) {
    incomplete = {
      reason: "no-progress",
      explanation: `the last ${staleStreak} pages repeated items already seen, so the server is not moving through the list`,
    };
  } else if (Number.isInteger(totalPages) && requested + 1 >= totalPages) {
    incomplete = {
      reason: "past-total-pages",
      explanation: `the server says a next page follows page ${requested}, but its totalPages is ${totalPages}`,
    };
  } else if (pageBound !== undefined && requested + 1 >= pageBound) {
    incomplete = {
      reason: "past-first-total",
      explanation: `the list grew past what its first page promised: ${pageBound} pages at most (its totalPages and a margin for calls created meanwhile), and the server says page ${requested + 1} follows`,
    };
  }
  const progress = { recentKeys: [...recentKeys, keys].slice(-MAX_STALE_PAGES), staleStreak, pageBound };
  return { fresh, progress, more: response.hasNext && incomplete === undefined, incomplete };
}

/**
 * Where a page's successors come from, how its items are told apart, and how iterating goes. Declared as methods,
 * whose parameters TypeScript compares loosely, so that a page of calls stays assignable to a page of `unknown`.
 */
interface PageSource<Item> {
  fetchPage(page: number, signal: AbortSignal | undefined): Promise<Sent<OffsetPageResponse<Item>>>;
  keyOf(item: Item): unknown;
  warn(message: string): void;
  readonly noun: string;
  readonly options: PaginationOptions;
}

/**
 * One page of a list: the API's envelope, plus `hasNextPage()` and `getNextPage()`. Iterate it with `for await`
 * for its items and those of every page after it; `iterPages()` for the pages themselves.
 */
export class OffsetPage<Item> implements OffsetPageResponse<Item>, AsyncIterable<Item> {
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
  readonly #source: PageSource<Item>;
  readonly #step: PageStep<Item, unknown>;

  constructor(
    response: OffsetPageResponse<Item>,
    requestedPage: number,
    source: PageSource<Item>,
    progress: Progress<unknown> = START,
  ) {
    this.data = response.data;
    this.page = response.page;
    this.size = response.size;
    this.totalCounts = response.totalCounts;
    this.totalPages = response.totalPages;
    this.hasNext = response.hasNext;
    this.hasPrevious = response.hasPrevious;
    this.#requestedPage = requestedPage;
    this.#source = source;
    // A page keeps what the listing remembers, not the pages before it: a chain of pages holds a few pages' keys.
    this.#step = stepThrough(response, requestedPage, progress, (item: Item) => source.keyOf(item));
  }

  /**
   * Whether another page follows: the server says so, this page was not empty, the next one is not past
   * `totalPages`, and the listing still moves. When it says no although `hasNext` is true, `incompleteReason`
   * says why.
   */
  hasNextPage(): boolean {
    return this.#step.more;
  }

  /** Why no next page is fetched although the server says one follows; undefined when the list really ended. */
  get incompleteReason(): string | undefined {
    return this.#step.incomplete?.explanation;
  }

  /** The page after this one. Check `hasNextPage()` first. `signal` aborts its request. */
  async getNextPage(options: { signal?: AbortSignal | undefined } = {}): Promise<OffsetPage<Item>> {
    const signal = options?.signal;
    if (signal !== undefined && !(signal instanceof AbortSignal)) {
      throw new InvalidInputError(`getNextPage(options): signal must be an AbortSignal, got ${typeof signal}.`);
    }
    if (!this.hasNextPage()) {
      const reason = this.incompleteReason;
      throw new SigmaMindError(
        reason
          ? `There is no next page to fetch: ${reason}.`
          : "There is no next page: check hasNextPage() before calling getNextPage().",
      );
    }
    return this.#successor((await this.#source.fetchPage(this.#requestedPage + 1, signal)).data);
  }

  #successor(response: OffsetPageResponse<Item>): OffsetPage<Item> {
    return new OffsetPage(response, this.#requestedPage + 1, this.#source, this.#step.progress);
  }

  /**
   * This page and every page after it, in order, fetching `prefetchPages` ahead. A list that stops before the
   * server says it ended warns, or with `onIncomplete: "throw"` rejects with `IncompleteListError`, after the
   * last page it got.
   */
  async *iterPages(): AsyncGenerator<OffsetPage<Item>, void, undefined> {
    const { prefetchPages = 0, onIncomplete = "warn" } = this.#source.options;
    // Pages fetched ahead can be abandoned (a break, maxItems, an error): this stops their requests.
    const abandon = new AbortController();
    const ahead: Promise<Sent<OffsetPageResponse<Item>>>[] = [];
    let lastRequested = this.#requestedPage;
    const request = () => {
      const page = this.#source.fetchPage(++lastRequested, abandon.signal);
      // A failure surfaces when its page is reached, in order; until then it must not go unhandled.
      page.catch(() => {});
      ahead.push(page);
    };
    // Memory stays bounded by the prefetch window and a few pages' keys instead of growing with the whole list.
    let current: OffsetPage<Item> = this;
    let items = 0;
    try {
      for (;;) {
        if (current.#step.more) {
          // Fetch ahead while this page is read, never at or past the last page the server reports.
          const { totalPages } = current;
          const lastPage = Number.isInteger(totalPages) ? totalPages - 1 : Number.POSITIVE_INFINITY;
          while (ahead.length < prefetchPages && lastRequested < lastPage) request();
        }
        yield current;
        items += current.#step.fresh.length;
        const { incomplete } = current.#step;
        if (incomplete) {
          const total = Number.isFinite(current.totalCounts) ? current.totalCounts : undefined;
          const message = `The listing is incomplete: ${items} of ${total ?? "an unknown number of"} ${this.#source.noun}, because ${incomplete.explanation}.`;
          if (onIncomplete === "throw") throw new IncompleteListError(message, incomplete.reason, items, total);
          this.#source.warn(`${message} Pass onIncomplete: "throw" to make this an error.`);
          return;
        }
        if (!current.#step.more) return;
        if (ahead.length === 0) request();
        current = current.#successor((await (ahead.shift() as Promise<Sent<OffsetPageResponse<Item>>>)).data);
      }
    } finally {
      abandon.abort();
    }
  }

  /**
   * Every item of this page and of the pages after it, in order, each once: offset paging shows an item twice
   * when rows shift, and the repeat is dropped. Stops after `maxItems`.
   */
  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    const { maxItems = Number.POSITIVE_INFINITY } = this.#source.options;
    if (maxItems === 0) return;
    let yielded = 0;
    for await (const page of this.iterPages()) {
      for (const item of page.#step.fresh) {
        yield item;
        if (++yielded >= maxItems) return;
      }
    }
  }
}

/**
 * What a list method returns: await it for the first page, or iterate it with `for await` for every item of
 * every page, in order. Nothing is requested until you do one or the other.
 */
export class PagePromise<Item, Key = unknown> extends APIPromise<OffsetPage<Item>> implements AsyncIterable<Item> {
  readonly #maxItems: number | undefined;

  constructor(
    fetchPage: FetchPage<Item>,
    firstPageNumber: number,
    options: PaginationOptions,
    list: ListDescription<Item, Key>,
  ) {
    const { noun, keyOf, warn } = list;
    const source: PageSource<Item> = { fetchPage, keyOf, warn, noun, options };
    // The first page, requested once, when the listing is first awaited or iterated.
    super(() =>
      fetchPage(firstPageNumber, undefined).then(({ data, response, text }) => ({
        data: new OffsetPage(data, firstPageNumber, source),
        response,
        text,
      })),
    );
    this.#maxItems = options.maxItems;
  }

  override get [Symbol.toStringTag]() {
    return "PagePromise";
  }

  /** Every page from the first, in order; see `OffsetPage.iterPages()`. */
  async *iterPages(): AsyncGenerator<OffsetPage<Item>, void, undefined> {
    yield* (await this.sent()).data.iterPages();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    if (this.#maxItems === 0) return;
    yield* (await this.sent()).data;
  }

  /**
   * At most `limit` items, from the first page on, across as many pages as that takes, each once, in order: the
   * pages fetched ahead are stopped once it has them. `limit` is required, so a listing of millions never fills
   * memory by accident; iterate with `for await` to go through more.
   */
  async toArray(options: { limit: number }): Promise<Item[]> {
    const limit = (options as { limit?: unknown } | undefined)?.limit;
    if (typeof limit !== "number" || !Number.isSafeInteger(limit) || limit < 1) {
      throw InvalidInputError.of(
        "toArray(options)",
        "limit",
        `must be a whole number of items, 1 or more, got ${describeLimit(limit)}; for a listing of any length, iterate it with for await`,
      );
    }
    const items: Item[] = [];
    if (this.#maxItems === 0) return items;
    for await (const item of this) {
      items.push(item);
      if (items.length >= limit) break;
    }
    return items;
  }
}

/** What a limit that is not one is, without echoing an object. */
function describeLimit(value: unknown): string {
  return typeof value === "number" ? String(value) : value === undefined ? "none" : `a ${typeof value}`;
}
