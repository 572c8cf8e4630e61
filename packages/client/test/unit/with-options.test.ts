// client.withOptions(): another client with other defaults, sharing the key, base URL, transport and middleware.
import { describe, expect, test } from "vitest";
import { InvalidInputError, SigmaMind } from "../../src/index.js";
import { emptyPage, fakeFetch, json } from "../support/fake-fetch.js";
import { recordingSleep } from "../support/recording-sleep.js";

describe("client.withOptions()", () => {
  test("other defaults for retries, timeouts and headers; the same key, base URL and fetch", async () => {
    let failures = 2;
    const { fetch, requests } = fakeFetch(() => (failures-- > 0 ? json(503, {}) : json(200, emptyPage)));
    const sleep = recordingSleep();
    const base = new SigmaMind({
      apiKey: "test-key",
      fetch,
      sleep: sleep.sleep,
      maxRetries: 0,
      headers: { "x-team": "a" },
    });
    const patient = base.withOptions({ maxRetries: 3, timeoutMs: 5_000, headers: { "x-feature": "b" } });
    expect(patient).toBeInstanceOf(SigmaMind);
    expect({ maxRetries: patient.maxRetries, timeoutMs: patient.timeoutMs, baseUrl: patient.baseUrl }).toEqual({
      maxRetries: 3,
      timeoutMs: 5_000,
      baseUrl: base.baseUrl,
    });
    await patient.calls.list();
    expect(requests).toHaveLength(3);
    expect(requests[2]?.headers.get("x-api-key")).toBe("test-key");
    expect(requests[2]?.headers.get("x-team")).toBe("a");
    expect(requests[2]?.headers.get("x-feature")).toBe("b");
    // The original keeps its own defaults.
    failures = 1;
    await expect(base.calls.list()).rejects.toMatchObject({ status: 503 });
    expect(base.maxRetries).toBe(0);
  });

  test("middleware registered on the client applies to the derived one too, raw calls included", async () => {
    const { fetch, requests } = fakeFetch(() => json(200, emptyPage));
    const base = new SigmaMind({ apiKey: "test-key", fetch });
    base.raw.use({
      onRequest({ request }) {
        request.headers.set("x-traced", "yes");
        return request;
      },
    });
    const derived = base.withOptions({ timeoutMs: 1_000 });
    await derived.calls.list();
    await derived.raw.GET("/v1/calls");
    expect(requests.map((request) => request.headers.get("x-traced"))).toEqual(["yes", "yes"]);
  });

  test("what only a new client can change is refused, saying so", () => {
    const base = new SigmaMind({ apiKey: "test-key" });
    expect(() => base.withOptions({ apiKey: "other" } as never)).toThrow(InvalidInputError);
    expect(() => base.withOptions({ baseUrl: "https://other.example" } as never)).toThrow(
      /client\.withOptions\(options\): unknown option "baseUrl"\. Known: .*; create another client with new SigmaMind\(\) to change the others/,
    );
    expect(() => base.withOptions({ maxRetries: -1 })).toThrow(/client\.withOptions\(options\): maxRetries must be/);
  });
});
