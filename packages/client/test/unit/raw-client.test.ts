// The resource methods build their requests themselves; `client.raw` is openapi-fetch, loaded on its first
// call. The two must send the same thing for the same inputs, and the lazy raw client must behave as
// openapi-fetch's own does.
import fc from "fast-check";
import type { Middleware } from "openapi-fetch";
import { describe, expect, test } from "vitest";
import { InvalidInputError, SigmaMind } from "../../src/index.js";
import { emptyPage, fakeFetch, json } from "../support/fake-fetch.js";

const call = { callId: "call-1", status: "ended" };

function client(handler: Parameters<typeof fakeFetch>[0] = () => json(200, emptyPage), headers = {}) {
  const fake = fakeFetch(handler);
  const sigmamind = new SigmaMind({ apiKey: "test-key", fetch: fake.fetch, maxRetries: 0, headers });
  return { sigmamind, requests: fake.requests };
}

/** What a server would see of a request, headers included. */
async function seen(request: Request | undefined) {
  if (!request) throw new Error("no request was sent");
  return {
    method: request.method,
    url: request.url,
    headers: Object.fromEntries(request.headers),
    body: await request.text(),
  };
}

// Any text a user might filter by or pass as an id, including what URLs must escape.
const text = fc.string({ unit: fc.constantFrom("a", "Z", "0", " ", "/", "?", "&", "=", "#", "%", "+", "é", "😀") });
const callId = text.filter((id) => id.length > 0 && !/^(\.|%2e){1,2}$/i.test(id));
const headerValue = fc.string({ unit: fc.constantFrom("a", "0", " ", "-", "=", ";") }).map((value) => `v${value}v`);

describe("resource methods send what client.raw (openapi-fetch) sends", () => {
  test("calls.list: the same URL for any query", async () => {
    const query = fc.record(
      { status: text, page: fc.nat({ max: 2 ** 31 - 1 }), size: fc.integer({ min: 1, max: 2 ** 31 - 1 }) },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(query, headerValue, async (params, trace) => {
        const { sigmamind, requests } = client();
        await sigmamind.calls.list(params, { headers: { "X-Trace-Id": trace } });
        await sigmamind.raw.GET("/v1/calls", { params: { query: params }, headers: { "X-Trace-Id": trace } });
        expect(await seen(requests[0])).toEqual(await seen(requests[1]));
      }),
    );
  });

  test("calls.get and calls.delete: the same path for any call id", async () => {
    await fc.assert(
      fc.asyncProperty(callId, async (id) => {
        const { sigmamind, requests } = client(() => json(200, call));
        await sigmamind.calls.get(id);
        await sigmamind.raw.GET("/v1/calls/{callId}", { params: { path: { callId: id } } });
        await sigmamind.calls.delete(id);
        await sigmamind.raw.DELETE("/v1/calls/{callId}", { params: { path: { callId: id } } });
        expect(await seen(requests[0])).toEqual(await seen(requests[1]));
        expect(await seen(requests[2])).toEqual(await seen(requests[3]));
      }),
    );
  });

  test("calls.create: the same body and headers, client headers and a call's own included", async () => {
    const body = {
      fromPhoneNumber: "+14155552671",
      toPhoneNumber: "+14155550123",
      agentId: "agent-1",
      dynamicVariables: { name: "Ada", visits: 3, vip: true },
    };
    const { sigmamind, requests } = client(() => json(200, call), { "X-Team": "growth", "x-api-key": "not-it" });
    const callHeaders = { "X-Trace-Id": "t-1", "content-type": "application/json; charset=utf-8" };
    await sigmamind.calls.create(body, { headers: callHeaders });
    await sigmamind.raw.POST("/v1/calls", { body, headers: callHeaders });
    const [resource, raw] = [await seen(requests[0]), await seen(requests[1])];
    expect(resource).toEqual(raw);
    expect(resource.headers).toMatchObject({
      "x-api-key": "test-key",
      "x-team": "growth",
      "x-trace-id": "t-1",
      "content-type": "application/json; charset=utf-8",
    });
    expect(JSON.parse(resource.body)).toEqual(body);
  });
});

describe("client.raw, loaded on its first call", () => {
  test("middleware registered before the first call runs on it, in order; ejected middleware does not", async () => {
    const { sigmamind, requests } = client();
    const order: string[] = [];
    const tag = (name: string): Middleware => ({
      onRequest({ request }) {
        order.push(name);
        request.headers.set("x-middleware", order.join(","));
        return request;
      },
    });
    const first = tag("first");
    const ejected = tag("ejected");
    sigmamind.raw.use(first, ejected, tag("last"));
    sigmamind.raw.eject(ejected);
    const { data } = await sigmamind.raw.GET("/v1/calls");
    expect(data).toEqual(emptyPage);
    expect(requests[0]?.headers.get("x-middleware")).toBe("first,last");
    // Once loaded, use and eject go straight to openapi-fetch.
    sigmamind.raw.eject(first);
    order.length = 0;
    await sigmamind.raw.GET("/v1/calls");
    expect(requests[1]?.headers.get("x-middleware")).toBe("last");
  });

  test("middleware registered while the first call loads it still applies to later calls", async () => {
    const { sigmamind, requests } = client();
    const loading = sigmamind.raw.GET("/v1/calls");
    sigmamind.raw.use({
      onRequest({ request }) {
        request.headers.set("x-late", "yes");
        return request;
      },
    });
    await loading;
    await sigmamind.raw.GET("/v1/calls");
    expect(requests[1]?.headers.get("x-late")).toBe("yes");
  });

  test("a middleware that is not one is refused at once, as openapi-fetch refuses it", async () => {
    const { sigmamind } = client();
    const notMiddleware = { onSomething() {} } as unknown as Middleware;
    expect(() => sigmamind.raw.use(notMiddleware)).toThrow(InvalidInputError);
    expect(() => sigmamind.raw.use(notMiddleware)).toThrow(/onRequest\(\), onResponse\(\) or onError\(\)/);
    await sigmamind.raw.GET("/v1/calls");
    expect(() => sigmamind.raw.use(notMiddleware)).toThrow(InvalidInputError);
  });

  test("concurrent first calls load it once and all resolve", async () => {
    const { sigmamind, requests } = client();
    const results = await Promise.all([
      sigmamind.raw.GET("/v1/calls"),
      sigmamind.raw.GET("/v1/calls", { params: { query: { size: 2 } } }),
      sigmamind.raw.request("get", "/v1/calls", { params: { query: { size: 3 } } }),
    ]);
    expect(results.map((result) => result.data)).toEqual([emptyPage, emptyPage, emptyPage]);
    expect(requests.map((request) => request.url).sort()).toEqual([
      "https://api.sigmamind.ai/v1/calls",
      "https://api.sigmamind.ai/v1/calls?size=2",
      "https://api.sigmamind.ai/v1/calls?size=3",
    ]);
  });
});
