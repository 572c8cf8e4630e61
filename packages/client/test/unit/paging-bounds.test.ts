// Every way of paging ends within a bounded number of requests when the server stops making progress, never
// passes the last page the server reports, and says why it stopped.
import { describe, expect, test } from "vitest";
import { IncompleteListError, type OffsetPage } from "../../src/index.js";
import { json, type RecordedRequest } from "../support/fault-server.js";
import { clientOf, serve } from "../support/socket-client.js";

const row = { callId: "call-1", status: "ended" };

function pageAsked(request: RecordedRequest): number {
  return Number(new URL(request.url, "http://x").searchParams.get("page") ?? 0);
}

/** Answers any page with the page number asked for, the same row and `hasNext: true`, forever. */
function echoingServer(totalPages = 123) {
  return serve((request) =>
    json(200, {
      data: [row],
      page: pageAsked(request),
      size: 1,
      totalCounts: 123,
      totalPages,
      hasNext: true,
      hasPrevious: pageAsked(request) > 0,
    }),
  );
}

/** Today's mock: page 123 of 123 whatever is asked, with the same row and `hasNext: true`. */
function fixedPageServer() {
  return serve(
    json(200, {
      data: [row],
      page: 123,
      size: 123,
      totalCounts: 123,
      totalPages: 123,
      hasNext: true,
      hasPrevious: true,
    }),
  );
}

/** Fresh rows on every page, `hasNext: true` forever, but `totalPages: 3`. */
function endlessServer() {
  return serve((request) =>
    json(200, {
      data: [{ callId: `call-${pageAsked(request)}`, status: "ended" }],
      page: pageAsked(request),
      size: 1,
      totalCounts: 3,
      totalPages: 3,
      hasNext: true,
      hasPrevious: false,
    }),
  );
}

async function collect(iterable: AsyncIterable<{ callId?: string }>) {
  const items: unknown[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe("for await over a server that repeats the same rows on every page it is asked for", () => {
  test("ends after a bounded number of requests and warns that the listing is incomplete", async () => {
    const server = await echoingServer();
    const { client, logs } = clientOf(server.url);
    await expect(collect(client.calls.list())).resolves.toEqual([row]);
    expect(server.requests.length).toBeLessThanOrEqual(4);
    expect(logs.join("\n")).toMatch(/listing is incomplete.*1 of 123 calls.*repeated/i);
  });

  test("break and maxItems still work, since every request either yields or counts toward the bound", async () => {
    const server = await echoingServer();
    const { client } = clientOf(server.url);
    await expect(collect(client.calls.list({}, { maxItems: 5 }))).resolves.toHaveLength(1);
    expect(server.requests.length).toBeLessThanOrEqual(4);
  });

  test('with onIncomplete: "throw", the loop rejects with IncompleteListError after yielding what it got', async () => {
    const server = await echoingServer();
    const { client } = clientOf(server.url);
    const seen: unknown[] = [];
    let failure: unknown;
    try {
      for await (const call of client.calls.list({}, { onIncomplete: "throw" })) seen.push(call);
    } catch (error) {
      failure = error;
    }
    expect(seen).toEqual([row]);
    expect(failure).toBeInstanceOf(IncompleteListError);
    expect(failure).toMatchObject({ reason: "no-progress", itemCount: 1, totalCounts: 123 });
  });
});

describe("a hand-written hasNextPage() / getNextPage() loop", () => {
  test("ends against today's mock page, and the last page says why", async () => {
    const server = await fixedPageServer();
    const { client } = clientOf(server.url);
    let page: OffsetPage<unknown> = await client.calls.list();
    while (page.hasNextPage()) page = await page.getNextPage();
    expect(server.requests.length).toBeLessThanOrEqual(2);
    expect(page.incompleteReason).toMatch(/page 123 .* asked for page 1/);
    await expect(page.getNextPage()).rejects.toThrow(page.incompleteReason as string);
  });

  test("ends against a server that echoes the page number with the same rows", async () => {
    const server = await echoingServer();
    const { client } = clientOf(server.url);
    let page: OffsetPage<unknown> = await client.calls.list();
    while (page.hasNextPage()) page = await page.getNextPage();
    expect(server.requests.length).toBeLessThanOrEqual(4);
    expect(page.incompleteReason).toMatch(/repeated/);
  });
});

describe("totalPages is an upper bound", () => {
  test("iteration never requests a page at or past totalPages, and says why it stopped", async () => {
    const server = await endlessServer();
    const { client, logs } = clientOf(server.url);
    const calls = await collect(client.calls.list({}, { prefetchPages: 4 }));
    expect(calls.map((call) => (call as { callId: string }).callId)).toEqual(["call-0", "call-1", "call-2"]);
    expect(server.requests.map(pageAsked).sort()).toEqual([0, 1, 2]);
    expect(logs.join("\n")).toMatch(/listing is incomplete.*totalPages/i);
  });

  test("hasNextPage() is false on the last page totalPages allows", async () => {
    const server = await endlessServer();
    const { client } = clientOf(server.url);
    let page: OffsetPage<unknown> = await client.calls.list();
    while (page.hasNextPage()) page = await page.getNextPage();
    expect(page.page).toBe(2);
    expect(server.requests).toHaveLength(3);
    expect(page.incompleteReason).toMatch(/totalPages/);
  });

  test("a listing that ends as the server says (hasNext: false) is not incomplete", async () => {
    const server = await serve((request) =>
      json(200, {
        data: [{ callId: `call-${pageAsked(request)}` }],
        page: pageAsked(request),
        size: 1,
        totalCounts: 2,
        totalPages: 2,
        hasNext: pageAsked(request) < 1,
        hasPrevious: false,
      }),
    );
    const { client, logs } = clientOf(server.url);
    await expect(collect(client.calls.list({}, { onIncomplete: "throw" }))).resolves.toHaveLength(2);
    const last = await (await client.calls.list()).getNextPage();
    expect(last.incompleteReason).toBeUndefined();
    expect(logs.join("\n")).not.toMatch(/incomplete/);
  });
});

describe("items are never lost to deduplication", () => {
  test("items without a callId are all yielded, not folded into one", async () => {
    const rows = [{ status: "ended" }, { status: "queued" }, { status: "ended", duration: 3 }];
    const server = await serve(
      json(200, { data: rows, page: 0, size: 3, totalCounts: 3, totalPages: 1, hasNext: false, hasPrevious: false }),
    );
    const { client } = clientOf(server.url);
    await expect(collect(client.calls.list())).resolves.toEqual(rows);
  });
});

describe("a server that cycles through the same pages", () => {
  test("pages A, B, A, B ... with honest page numbers end within a bounded number of requests", async () => {
    const server = await serve((request) =>
      json(200, {
        data: pageAsked(request) % 2 ? [{ callId: "c" }, { callId: "d" }] : [{ callId: "a" }, { callId: "b" }],
        page: pageAsked(request),
        size: 2,
        totalCounts: 2_000_000,
        totalPages: 1_000_000,
        hasNext: true,
        hasPrevious: pageAsked(request) > 0,
      }),
    );
    const { client, logs } = clientOf(server.url);
    await expect(collect(client.calls.list())).resolves.toHaveLength(4);
    expect(server.requests.length).toBeLessThanOrEqual(6);
    expect(logs.join("\n")).toMatch(/listing is incomplete/);
  });
});

describe("a list that grows with every page it sends", () => {
  /** `totalPages` is always two ahead of the page asked for, with two new calls a page and `hasNext: true`. */
  function growingServer() {
    return serve((request) => {
      const page = pageAsked(request);
      return json(200, {
        data: [
          { callId: `call-${page}-a`, status: "ended" },
          { callId: `call-${page}-b`, status: "ended" },
        ],
        page,
        size: 2,
        totalCounts: (page + 2) * 2,
        totalPages: page + 2,
        hasNext: true,
        hasPrevious: page > 0,
      });
    });
  }

  test("for await stops at what the first page promised, plus the margin, and warns", async () => {
    const server = await growingServer();
    const { client, logs } = clientOf(server.url);
    const seen: string[] = [];
    for await (const call of client.calls.list({ size: 2 })) {
      seen.push(call.callId);
      // Were the bound missing, the loop would go on for as long as the server answers.
      if (seen.length > 100) break;
    }
    // The first page says 2 pages: 2 + the margin of 2 = 4 pages of 2 calls.
    expect(seen).toHaveLength(8);
    expect(server.requests).toHaveLength(4);
    expect(logs.join("\n")).toMatch(/grew past what its first page promised: 4 pages at most/);
  });

  test('with onIncomplete: "throw", the loop rejects with IncompleteListError, reason past-first-total', async () => {
    const server = await growingServer();
    const { client } = clientOf(server.url);
    let count = 0;
    const iterate = async () => {
      for await (const _call of client.calls.list({ size: 2 }, { onIncomplete: "throw" })) count++;
    };
    await expect(iterate()).rejects.toMatchObject({ name: "IncompleteListError", reason: "past-first-total" });
    expect(count).toBe(8);
  });

  test("a hand-written loop over pages ends there too", async () => {
    const server = await growingServer();
    const { client } = clientOf(server.url);
    let page: OffsetPage<unknown> = await client.calls.list({ size: 2 });
    let pages = 1;
    while (page.hasNextPage() && pages < 100) {
      page = await page.getNextPage();
      pages++;
    }
    expect(pages).toBe(4);
    expect(page.incompleteReason).toMatch(/grew past what its first page promised/);
  });

  test("a list that grew by a page while it was read is still read to its end", async () => {
    // 10 pages promised, 11 sent: within the margin.
    const server = await serve((request) => {
      const page = pageAsked(request);
      return json(200, {
        data: [{ callId: `call-${page}`, status: "ended" }],
        page,
        size: 1,
        totalCounts: 11,
        totalPages: page === 0 ? 10 : 11,
        hasNext: page < 10,
        hasPrevious: page > 0,
      });
    });
    const { client, logs } = clientOf(server.url);
    let count = 0;
    for await (const _call of client.calls.list({ size: 1 })) count++;
    expect(count).toBe(11);
    expect(logs.join("\n")).not.toMatch(/incomplete/);
  });
});
