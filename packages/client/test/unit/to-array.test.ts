// calls.list().toArray({ limit }): at most `limit` calls across pages, as Stripe's autoPagingToArray collects.
import { expect, test } from "vitest";
import { InvalidInputError, SigmaMind } from "../../src/index.js";
import { fakeFetch, json } from "../support/fake-fetch.js";

/** A list of `total` calls in pages of `size`, answering each page asked for. */
function listingClient(total: number, size: number) {
  const fake = fakeFetch((request) => {
    const page = Number(new URL(request.url).searchParams.get("page") ?? 0);
    const ids = Array.from({ length: total }, (_, index) => `call-${index + 1}`).slice(page * size, page * size + size);
    const totalPages = Math.ceil(total / size);
    return json(200, {
      data: ids.map((callId) => ({ callId, status: "ended" })),
      page,
      size,
      totalCounts: total,
      totalPages,
      hasNext: page < totalPages - 1,
      hasPrevious: page > 0,
    });
  });
  return { client: new SigmaMind({ apiKey: "test-key", fetch: fake.fetch }), requests: fake.requests };
}

const pagesAsked = (requests: Request[]) => requests.map((request) => new URL(request.url).searchParams.get("page"));

test("collects at most limit calls across pages, asking for no page past the one that fills it", async () => {
  const { client, requests } = listingClient(25, 10);
  const calls = await client.calls.list({ size: 10 }).toArray({ limit: 12 });
  expect(calls.map((call) => call.callId)).toEqual(Array.from({ length: 12 }, (_, index) => `call-${index + 1}`));
  expect(pagesAsked(requests)).toEqual([null, "1"]);
});

test("collects every call when the list holds fewer than limit", async () => {
  const { client, requests } = listingClient(25, 10);
  expect(await client.calls.list({ size: 10 }).toArray({ limit: 1000 })).toHaveLength(25);
  expect(pagesAsked(requests)).toEqual([null, "1", "2"]);
});

test("keeps to maxItems when that is fewer, and stops the pages fetched ahead", async () => {
  const { client, requests } = listingClient(100, 10);
  const calls = await client.calls.list({ size: 10 }, { maxItems: 5, prefetchPages: 3 }).toArray({ limit: 50 });
  expect(calls).toHaveLength(5);
  expect(requests.length).toBeLessThanOrEqual(4);
});

test.each([
  [undefined, "none"],
  [0, "0"],
  [-1, "-1"],
  [1.5, "1.5"],
  ["10", "a string"],
])("limit %s is refused before anything is sent, saying what it must be", async (limit, got) => {
  const { client, requests } = listingClient(25, 10);
  const error = await client.calls
    .list()
    .toArray({ limit } as { limit: number })
    .catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(InvalidInputError);
  expect(error).toMatchObject({ operation: "toArray(options)", field: "limit" });
  expect((error as Error).message).toBe(
    `toArray(options): limit must be a whole number of items, 1 or more, got ${got}; for a listing of any length, iterate it with for await.`,
  );
  expect(requests).toEqual([]);
});
