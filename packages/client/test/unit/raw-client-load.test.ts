// client.raw loads openapi-fetch on its first call. A load that fails must fail that call, not every later one.
import { describe, expect, test, vi } from "vitest";
import { SigmaMind } from "../../src/index.js";
import { emptyPage, fakeFetch, json } from "../support/fake-fetch.js";

const load = vi.hoisted(() => ({ failuresLeft: 0 }));

vi.mock(import("../../src/core/openapi-fetch-client.js"), async (importOriginal) => {
  const actual = await importOriginal();
  return {
    ...actual,
    createOpenapiFetchClient(parts) {
      if (load.failuresLeft > 0) {
        load.failuresLeft--;
        throw new TypeError("Failed to fetch dynamically imported module");
      }
      return actual.createOpenapiFetchClient(parts);
    },
  };
});

describe("client.raw when loading openapi-fetch fails", () => {
  test("the call that loads it rejects with the load's error, and the next call loads it again", async () => {
    const fake = fakeFetch(() => json(200, emptyPage));
    const client = new SigmaMind({ apiKey: "test-key", fetch: fake.fetch });
    load.failuresLeft = 1;
    await expect(client.raw.GET("/v1/calls")).rejects.toThrow(/dynamically imported module/);
    expect(fake.requests).toHaveLength(0);
    const { data } = await client.raw.GET("/v1/calls");
    expect(data).toEqual(emptyPage);
    expect(fake.requests).toHaveLength(1);
  });
});
