import { describe, expect, test } from "vitest";
import { APIUserAbortError, InternalServerError, SigmaMind, SigmaMindError } from "../../src/index.js";

interface FakeCall {
  callId: string;
  status: "ended";
}

interface Envelope {
  data: FakeCall[];
  page: number;
  size: number;
  totalCounts: number;
  totalPages: number;
  hasNext: boolean;
  hasPrevious: boolean;
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (reason: unknown) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((onResolve, onReject) => {
    resolve = onResolve;
    reject = onReject;
  });
  return { promise, resolve, reject };
}

interface SeenRequest {
  /** The page asked for: 0 when the query carries none, as the API reads it. */
  page: number;
  query: URLSearchParams;
  /** The fake answered, or the request was aborted. */
  settled: boolean;
  /** Its `init.signal` aborted while the fake had not answered yet. */
  abortedInFlight: boolean;
}

interface FakeOptions {
  /** Pages whose answer waits for `release(page)`. */
  hold?: (page: number) => boolean;
  /** Answers a page differently; returning nothing serves `calls` as usual (after any change made to it). */
  respond?: (context: { page: number; size: number; calls: FakeCall[] }) => Response | undefined;
}

/** The list endpoint over `total` calls, answering in memory, with answers the test can hold back and release. */
function fakeCallsApi(total: number, options: FakeOptions = {}) {
  const calls: FakeCall[] = Array.from({ length: total }, (_, index) => ({ callId: `call-${index}`, status: "ended" }));
  const requests: SeenRequest[] = [];
  const held = new Map<number, Deferred<void>>();
  const waiters: { count: number; resolve: () => void }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;

  const fetch = async (request: Request, init?: RequestInit): Promise<Response> => {
    const query = new URL(request.url).searchParams;
    const page = Number(query.get("page") ?? 0);
    const size = Number(query.get("size") ?? 10);
    const seen: SeenRequest = { page, query, settled: false, abortedInFlight: false };
    requests.push(seen);
    // An iteration that never ends would spin on microtasks and starve the test timeout: fail it instead.
    if (requests.length > 1000) throw new Error("runaway pagination: more than 1000 requests");
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    for (const waiter of waiters.filter(({ count }) => requests.length >= count)) waiter.resolve();

    const gate = deferred<void>();
    if (options.hold?.(page)) held.set(page, gate);
    else gate.resolve();
    // Like a real fetch: an abort rejects the pending request.
    const signal = init?.signal;
    const onAbort = () => {
      if (!seen.settled) seen.abortedInFlight = true;
      gate.reject(signal?.reason);
    };
    if (signal?.aborted) onAbort();
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      await gate.promise;
      return options.respond?.({ page, size, calls }) ?? json(envelope(calls, page, size));
    } finally {
      seen.settled = true;
      inFlight--;
      signal?.removeEventListener("abort", onAbort);
    }
  };

  return {
    fetch,
    calls,
    requests,
    pages: () => requests.map(({ page }) => page),
    inFlight: () => inFlight,
    maxInFlight: () => maxInFlight,
    request(page: number): SeenRequest {
      const found = requests.find((request) => request.page === page);
      if (!found) throw new Error(`page ${page} was never requested`);
      return found;
    },
    /** Lets the held answer for `page` go. */
    release(page: number) {
      const gate = held.get(page);
      if (!gate) throw new Error(`page ${page} is not held`);
      held.delete(page);
      gate.resolve();
    },
    /** Lets every held answer go, the newest request first, so later pages arrive before earlier ones. */
    releaseAllNewestFirst() {
      for (const page of [...held.keys()].sort((a, b) => b - a)) this.release(page);
    },
    waitForRequests(count: number): Promise<void> {
      if (requests.length >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
  };
}

type FakeApi = ReturnType<typeof fakeCallsApi>;

function envelope(calls: FakeCall[], page: number, size: number): Envelope {
  const totalPages = Math.ceil(calls.length / size);
  return {
    data: calls.slice(page * size, page * size + size),
    page,
    size,
    totalCounts: calls.length,
    totalPages,
    hasNext: page < totalPages - 1,
    hasPrevious: page > 0,
  };
}

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

function serverError() {
  return json({ error: "Internal Server Error", message: "boom", status: 500 }, 500);
}

function clientFor(fake: FakeApi) {
  return new SigmaMind({ apiKey: "test-key", fetch: fake.fetch, maxRetries: 0 });
}

function ids(from: number, to: number) {
  return Array.from({ length: to - from }, (_, index) => `call-${from + index}`);
}

function range(from: number, to: number) {
  return Array.from({ length: to - from }, (_, index) => from + index);
}

async function collect(calls: AsyncIterable<{ callId: string }>, into: string[] = []) {
  for await (const call of calls) into.push(call.callId);
  return into;
}

/** Lets every promise chain that can move do so (macrotask turns, not a clock), so "nothing more happened" holds. */
async function settle() {
  for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
}

describe("awaiting calls.list", () => {
  test("gives the first page with the API envelope, and steps page by page until the last", async () => {
    const fake = fakeCallsApi(25);
    const client = clientFor(fake);

    const first = await client.calls.list({ size: 10 });
    expect(first).toMatchObject({
      page: 0,
      size: 10,
      totalCounts: 25,
      totalPages: 3,
      hasNext: true,
      hasPrevious: false,
    });
    expect(first.data.map((call) => call.callId)).toEqual(ids(0, 10));
    expect(first.hasNextPage()).toBe(true);

    const second = await first.getNextPage();
    expect(second.data.map((call) => call.callId)).toEqual(ids(10, 20));
    expect(second).toMatchObject({ page: 1, hasPrevious: true });

    const last = await second.getNextPage();
    expect(last.data.map((call) => call.callId)).toEqual(ids(20, 25));
    expect(last.hasNextPage()).toBe(false);
    await expect(last.getNextPage()).rejects.toBeInstanceOf(SigmaMindError);
    await expect(last.getNextPage()).rejects.toThrow(/check hasNextPage\(\)/);

    expect(fake.requests).toHaveLength(3);
    expect(fake.requests[0]?.query.has("page")).toBe(false);
    expect(fake.requests.map(({ query }) => query.get("page"))).toEqual([null, "1", "2"]);
    expect(fake.requests.map(({ query }) => query.get("size"))).toEqual(["10", "10", "10"]);
  });

  test("sends the page the caller asked for, page 0 included", async () => {
    const fake = fakeCallsApi(25);
    const client = clientFor(fake);

    await client.calls.list({ page: 0, size: 10 });
    await client.calls.list({ page: 2, size: 10 });

    expect(fake.requests.map(({ query }) => query.get("page"))).toEqual(["0", "2"]);
  });

  test("a page serialises to exactly the API envelope", async () => {
    const fake = fakeCallsApi(25);
    const page = await clientFor(fake).calls.list({ size: 10 });

    expect(JSON.parse(JSON.stringify(page))).toStrictEqual(envelope(fake.calls, 0, 10));
  });
});

describe("iterating calls.list", () => {
  test("yields every call in order, requesting each page once, and nothing before it is used", async () => {
    const fake = fakeCallsApi(50);
    const calls = clientFor(fake).calls.list({ size: 7 });
    await settle();
    expect(fake.requests).toHaveLength(0);

    expect(await collect(calls)).toEqual(ids(0, 50));
    expect(fake.pages()).toEqual(range(0, 8));
    expect(fake.requests[0]?.query.has("page")).toBe(false);
    expect(fake.requests.slice(1).map(({ query }) => query.get("page"))).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
  });

  test("after awaiting the same list, iteration reuses the first page instead of fetching it again", async () => {
    const fake = fakeCallsApi(30);
    const calls = clientFor(fake).calls.list({ size: 10 });

    const first = await calls;
    expect(first.data).toHaveLength(10);
    expect(await collect(calls)).toEqual(ids(0, 30));
    expect(fake.pages()).toEqual([0, 1, 2]);
  });

  test("starting at a given page iterates from that page on", async () => {
    const fake = fakeCallsApi(50);

    expect(await collect(clientFor(fake).calls.list({ page: 3, size: 10 }))).toEqual(ids(30, 50));
    expect(fake.pages()).toEqual([3, 4]);
    expect(fake.requests[0]?.query.get("page")).toBe("3");
  });

  test("a call repeated across pages because a row was inserted meanwhile is yielded once", async () => {
    let inserted = false;
    const fake = fakeCallsApi(30, {
      respond: ({ page, calls }) => {
        // A call created after page 0 was read pushes every row down by one, as offset pagination sees it.
        if (page === 1 && !inserted) {
          calls.unshift({ callId: "call-new", status: "ended" });
          inserted = true;
        }
        return undefined;
      },
    });

    const seen = await collect(clientFor(fake).calls.list({ size: 10 }));

    expect(seen).toEqual(ids(0, 30));
    expect(new Set(seen).size).toBe(seen.length);
  });

  test("a call pushed down again before the following page is still yielded once", async () => {
    const fake = fakeCallsApi(30, {
      respond: ({ page, calls }) => {
        // One call created before page 1 is read, ten more before page 2: call-9 opens both pages.
        const created = page === 1 ? 1 : page === 2 ? 10 : 0;
        for (let index = 0; index < created; index++) {
          calls.unshift({ callId: `call-new-${page}-${index}`, status: "ended" });
        }
        return undefined;
      },
    });

    const seen = await collect(clientFor(fake).calls.list({ size: 10 }));

    expect(seen).toEqual(ids(0, 30));
    expect(fake.pages()).toEqual([0, 1, 2, 3, 4]);
  });

  test("an empty page that claims a next one ends the iteration", async () => {
    const fake = fakeCallsApi(50, {
      respond: ({ page, size, calls }) =>
        page === 1 ? json({ ...envelope(calls, page, size), data: [], hasNext: true }) : undefined,
    });
    const client = clientFor(fake);

    expect(await collect(client.calls.list({ size: 10 }))).toEqual(ids(0, 10));
    expect(fake.pages()).toEqual([0, 1]);

    const empty = await (await client.calls.list({ size: 10 })).getNextPage();
    expect(empty.hasNextPage()).toBe(false);
  });

  test("an empty first page that claims a next one yields nothing", async () => {
    const fake = fakeCallsApi(50, {
      respond: ({ page, size, calls }) => json({ ...envelope(calls, page, size), data: [], hasNext: true }),
    });

    expect(await collect(clientFor(fake).calls.list({ size: 10 }))).toEqual([]);
    expect(fake.pages()).toEqual([0]);
  });

  test("a server that ignores the page asked for ends the iteration instead of looping to totalPages", async () => {
    // Like a mock serving one example: always page 0's calls, always "page": 0, and a thousand pages to go.
    const fake = fakeCallsApi(50, {
      respond: ({ size, calls }) => json({ ...envelope(calls, 0, size), totalPages: 1000, hasNext: true }),
    });

    expect(await collect(clientFor(fake).calls.list({ size: 10 }))).toEqual(ids(0, 10));
    expect(fake.pages()).toEqual([0, 1]);
  });

  test("a page of repeats that carries the page number asked for is followed, as rows may have been inserted", async () => {
    // Twenty calls inserted at the top before page 1 is read: page 1 then holds page 0's calls exactly.
    const fake = fakeCallsApi(30, {
      respond: ({ page, size, calls }) =>
        page === 1
          ? json({ ...envelope(calls, page, size), data: calls.slice(0, 10), totalPages: 5, hasNext: true })
          : undefined,
    });

    const yielded = await collect(clientFor(fake).calls.list({ size: 10 }));
    expect(fake.pages()).toEqual([0, 1, 2]);
    expect(yielded).toEqual([...ids(0, 10), ...ids(20, 30)]);
  });
});

describe("prefetching pages while iterating", () => {
  test.each([
    { label: "by default", options: {} },
    { label: "with prefetchPages 0", options: { prefetchPages: 0 } },
  ])("$label, the next page is requested only once every item of the current one was taken", async ({ options }) => {
    const fake = fakeCallsApi(30);
    const iterator = clientFor(fake).calls.list({ size: 10 }, options)[Symbol.asyncIterator]();

    for (let taken = 0; taken < 10; taken++) await iterator.next();
    await settle();
    expect(fake.pages()).toEqual([0]);

    expect((await iterator.next()).value?.callId).toBe("call-10");
    expect(fake.pages()).toEqual([0, 1]);

    const rest = await collect({ [Symbol.asyncIterator]: () => iterator });
    expect(rest).toEqual(ids(11, 30));
    expect(fake.pages()).toEqual([0, 1, 2]);
    expect(fake.maxInFlight()).toBe(1);
  });

  test("keeps at most prefetchPages requests in flight ahead of the page being read, and yields in order", async () => {
    const fake = fakeCallsApi(100, { hold: () => true });
    const iterator = clientFor(fake).calls.list({ size: 10 }, { prefetchPages: 4 })[Symbol.asyncIterator]();
    const seen: string[] = [];

    const first = iterator.next();
    await fake.waitForRequests(1);
    await settle();
    expect(fake.pages()).toEqual([0]);
    fake.release(0);
    seen.push((await first).value?.callId ?? "done");
    await fake.waitForRequests(5);
    await settle();
    expect(fake.pages()).toEqual([0, 1, 2, 3, 4]);
    expect(fake.inFlight()).toBe(4);

    for (let taken = 1; taken < 10; taken++) seen.push((await iterator.next()).value?.callId ?? "done");
    const eleventh = iterator.next();
    let eleventhArrived = false;
    void eleventh.then(() => {
      eleventhArrived = true;
    });
    // Pages 2 to 4 answer before page 1: none of their calls may come out first.
    fake.release(4);
    fake.release(3);
    fake.release(2);
    await settle();
    expect(eleventhArrived).toBe(false);
    expect(fake.pages()).toEqual([0, 1, 2, 3, 4]);
    fake.release(1);
    seen.push((await eleventh).value?.callId ?? "done");

    let mostUnconsumed = 0;
    for (;;) {
      const next = iterator.next();
      await settle();
      // Pages before the one the next call comes from are used up; the rest are held in memory or in flight.
      const readingPage = Math.floor(seen.length / 10);
      const unconsumed = fake.pages().filter((page) => page >= readingPage).length;
      mostUnconsumed = Math.max(mostUnconsumed, unconsumed);
      expect(unconsumed).toBeLessThanOrEqual(5);
      expect(fake.inFlight()).toBeLessThanOrEqual(4);
      fake.releaseAllNewestFirst();
      const result = await next;
      if (result.done) break;
      seen.push(result.value.callId);
    }

    expect(seen).toEqual(ids(0, 100));
    expect(fake.pages()).toEqual(range(0, 10));
    expect(fake.maxInFlight()).toBe(4);
    expect(mostUnconsumed).toBe(5);
  });

  test("never requests a page past the last one the server reports", async () => {
    const fake = fakeCallsApi(30);

    expect(await collect(clientFor(fake).calls.list({ size: 10 }, { prefetchPages: 8 }))).toEqual(ids(0, 30));
    expect(fake.pages()).toEqual([0, 1, 2]);
  });
});

describe("stopping an iteration early", () => {
  test("maxItems yields exactly that many calls and requests no further page", async () => {
    const fake = fakeCallsApi(100);

    expect(await collect(clientFor(fake).calls.list({ size: 10 }, { maxItems: 15 }))).toEqual(ids(0, 15));
    expect(fake.pages()).toEqual([0, 1]);
  });

  test("maxItems equal to the page size needs only the first page", async () => {
    const fake = fakeCallsApi(100);

    expect(await collect(clientFor(fake).calls.list({ size: 10 }, { maxItems: 10 }))).toEqual(ids(0, 10));
    expect(fake.pages()).toEqual([0]);
  });

  test("maxItems 0 yields nothing and requests nothing", async () => {
    const fake = fakeCallsApi(100);

    expect(await collect(clientFor(fake).calls.list({ size: 10 }, { maxItems: 0 }))).toEqual([]);
    await settle();
    expect(fake.requests).toHaveLength(0);
  });

  test("reaching maxItems aborts the prefetched requests still in flight", async () => {
    const fake = fakeCallsApi(100, { hold: (page) => page > 0 });
    const seen: string[] = [];
    const loop = (async () => {
      for await (const call of clientFor(fake).calls.list({ size: 10 }, { prefetchPages: 3, maxItems: 15 })) {
        seen.push(call.callId);
        // Page 1's arrival tops the window up with page 4; stop only once that request has reached the server.
        if (seen.length === 11) await fake.waitForRequests(5);
      }
    })();

    await fake.waitForRequests(4);
    fake.release(1);
    await loop;

    expect(seen).toEqual(ids(0, 15));
    expect(fake.pages()).toEqual([0, 1, 2, 3, 4]);
    expect(fake.request(1).abortedInFlight).toBe(false);
    expect([2, 3, 4].map((page) => fake.request(page).abortedInFlight)).toEqual([true, true, true]);
    await settle();
    expect(fake.inFlight()).toBe(0);
  });

  test("breaking out of the loop aborts the prefetched requests in flight", async () => {
    const fake = fakeCallsApi(100, { hold: (page) => page > 0 });
    const seen: string[] = [];

    for await (const call of clientFor(fake).calls.list({ size: 10 }, { prefetchPages: 3 })) {
      seen.push(call.callId);
      // Break only once the prefetches have reached the server, so there is something in flight to abort.
      await fake.waitForRequests(4);
      break;
    }

    expect(seen).toEqual(["call-0"]);
    expect(fake.pages()).toEqual([0, 1, 2, 3]);
    expect([1, 2, 3].map((page) => fake.request(page).abortedInFlight)).toEqual([true, true, true]);
    await settle();
    expect(fake.inFlight()).toBe(0);
  });

  test("the caller's signal aborted mid-iteration rejects the loop with APIUserAbortError", async () => {
    const fake = fakeCallsApi(50, { hold: (page) => page === 1 });
    const controller = new AbortController();
    const seen: string[] = [];
    const loop = collect(clientFor(fake).calls.list({ size: 10 }, { signal: controller.signal }), seen);

    await fake.waitForRequests(2);
    controller.abort();

    await expect(loop).rejects.toBeInstanceOf(APIUserAbortError);
    expect(seen).toEqual(ids(0, 10));
    expect(fake.request(1).abortedInFlight).toBe(true);
    expect(fake.pages()).toEqual([0, 1]);
  });
});

describe("a page that fails", () => {
  test("surfaces after every call of the pages before it", async () => {
    const fake = fakeCallsApi(50, { respond: ({ page }) => (page === 2 ? serverError() : undefined) });
    const seen: string[] = [];

    await expect(collect(clientFor(fake).calls.list({ size: 10 }), seen)).rejects.toBeInstanceOf(InternalServerError);
    expect(seen).toEqual(ids(0, 20));
    expect(fake.pages()).toEqual([0, 1, 2]);
  });

  test("surfaces in order even when a prefetched page fails before the pages ahead of it arrive", async () => {
    const fake = fakeCallsApi(50, {
      hold: (page) => page === 1,
      respond: ({ page }) => (page === 2 ? serverError() : undefined),
    });
    const seen: string[] = [];
    const loop = collect(clientFor(fake).calls.list({ size: 10 }, { prefetchPages: 4 }), seen);

    await fake.waitForRequests(5);
    await settle();
    fake.release(1);

    await expect(loop).rejects.toBeInstanceOf(InternalServerError);
    expect(seen).toEqual(ids(0, 20));
  });

  test("a prefetched page that fails but is never reached is not an unhandled rejection", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      const fake = fakeCallsApi(100, {
        hold: (page) => page === 1,
        respond: ({ page }) => (page === 3 ? serverError() : undefined),
      });
      const seen: string[] = [];
      const loop = collect(clientFor(fake).calls.list({ size: 10 }, { prefetchPages: 4, maxItems: 15 }), seen);

      await fake.waitForRequests(5);
      await settle();
      expect(fake.request(3).settled).toBe(true);
      fake.release(1);

      await loop;
      await settle();
      expect(seen).toEqual(ids(0, 15));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });
});

describe("iteration options", () => {
  const badOptions = [
    { options: { prefetchPages: -1 }, name: "prefetchPages" },
    { options: { prefetchPages: 1.5 }, name: "prefetchPages" },
    { options: { prefetchPages: 33 }, name: "prefetchPages" },
    { options: { maxItems: -1 }, name: "maxItems" },
  ];

  test.each(badOptions)(
    "iterating with $options is refused, naming $name, before any request",
    async ({ options, name }) => {
      const fake = fakeCallsApi(30);
      const iteration = collect(clientFor(fake).calls.list({ size: 10 }, options));

      await expect(iteration).rejects.toBeInstanceOf(SigmaMindError);
      await expect(iteration).rejects.toThrow(name);
      expect(fake.requests).toHaveLength(0);
    },
  );

  test.each(badOptions)(
    "awaiting with $options is refused, naming $name, before any request",
    async ({ options, name }) => {
      const fake = fakeCallsApi(30);
      const page = clientFor(fake).calls.list({ size: 10 }, options);

      await expect(page).rejects.toBeInstanceOf(SigmaMindError);
      await expect(page).rejects.toThrow(name);
      expect(fake.requests).toHaveLength(0);
    },
  );
});

describe("iterating a page, and iterating pages", () => {
  test("for await over an awaited page yields its calls and every call after it", async () => {
    const api = fakeCallsApi(7);
    const page = await clientFor(api).calls.list({ size: 3 });
    const ids: string[] = [];
    for await (const call of page) ids.push(call.callId);
    expect(ids).toEqual(api.calls.map((call) => call.callId));
    expect(api.pages()).toEqual([0, 1, 2]);
  });

  test("a page's data sorted or emptied by its reader changes neither what iterating yields nor hasNextPage()", async () => {
    const api = fakeCallsApi(5);
    const page = await clientFor(api).calls.list({ size: 3 });
    page.data.reverse();
    const ids: string[] = [];
    for await (const call of page) ids.push(call.callId);
    expect(ids).toEqual(api.calls.map((call) => call.callId));

    const emptied = await clientFor(api).calls.list({ size: 3 });
    emptied.data.length = 0;
    emptied.hasNext = false;
    expect(emptied.hasNextPage()).toBe(true);
    expect(emptied.incompleteReason).toBeUndefined();
  });

  test("items their reader changed in place before iterating are still told apart by the ids they came with", async () => {
    // Rows shifted between the pages: page 1 repeats call-2, which iterating yields once.
    const api = fakeCallsApi(5, {
      respond: ({ page, calls }) =>
        page === 1
          ? json({ ...envelope(calls, 1, 3), data: calls.slice(2, 5).map((call) => ({ ...call })) })
          : undefined,
    });
    const page = await clientFor(api).calls.list({ size: 3 });
    for (const call of page.data) call.callId = call.callId.toUpperCase();
    const ids: string[] = [];
    for await (const call of page) ids.push(call.callId);
    expect(ids).toEqual(["CALL-0", "CALL-1", "CALL-2", "call-3", "call-4"]);
  });

  test("for await over a later page starts there", async () => {
    const api = fakeCallsApi(7);
    const second = await (await clientFor(api).calls.list({ size: 3 })).getNextPage();
    const ids: string[] = [];
    for await (const call of second) ids.push(call.callId);
    expect(ids).toEqual(["call-3", "call-4", "call-5", "call-6"]);
  });

  test("iterPages() yields each page once, in order, from the list or from a page", async () => {
    const api = fakeCallsApi(7);
    const list = clientFor(api).calls.list({ size: 3 }, { prefetchPages: 2 });
    const numbers: number[] = [];
    for await (const page of list.iterPages()) numbers.push(page.page);
    expect(numbers).toEqual([0, 1, 2]);
    const fromSecond: number[] = [];
    for await (const page of (await list).iterPages()) fromSecond.push(page.page);
    expect(fromSecond).toEqual([0, 1, 2]);
  });

  test("iterPages() on a list that stops early rejects after its last page, with onIncomplete: throw", async () => {
    const api = fakeCallsApi(6, {
      respond: ({ page, size, calls }) =>
        page === 1 ? json({ ...envelope(calls, page, size), data: [], hasNext: true }) : undefined,
    });
    const numbers: number[] = [];
    const walk = async () => {
      for await (const page of clientFor(api).calls.list({ size: 2 }, { onIncomplete: "throw" }).iterPages()) {
        numbers.push(page.page);
      }
    };
    await expect(walk()).rejects.toMatchObject({ name: "IncompleteListError", reason: "empty-page" });
    expect(numbers).toEqual([0, 1]);
  });

  test("getNextPage({ signal }) aborts its request", async () => {
    const api = fakeCallsApi(6, { hold: (page) => page === 1 });
    const first = await clientFor(api).calls.list({ size: 2 });
    const controller = new AbortController();
    const next = first.getNextPage({ signal: controller.signal });
    await api.waitForRequests(2);
    controller.abort();
    await expect(next).rejects.toBeInstanceOf(APIUserAbortError);
    expect(api.request(1).abortedInFlight).toBe(true);
  });
});
