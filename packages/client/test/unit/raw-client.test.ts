// `client.raw` is the openapi-fetch client every request goes through, resource methods included: its
// middleware sees all traffic, and it behaves as openapi-fetch's own does.
import type { Middleware } from "openapi-fetch";
import { describe, expect, test } from "vitest";
import { InvalidInputError, SigmaMind } from "../../src/index.js";
import { emptyPage, fakeFetch, json } from "../support/fake-fetch.js";
import { recordingSleep } from "../support/recording-sleep.js";

const call = { callId: "call-1", status: "ended" };

function client(handler: Parameters<typeof fakeFetch>[0] = () => json(200, emptyPage), headers = {}) {
  const fake = fakeFetch(handler);
  const sigmamind = new SigmaMind({ apiKey: "test-key", fetch: fake.fetch, maxRetries: 0, headers });
  return { sigmamind, requests: fake.requests };
}

const createBody = { fromPhoneNumber: "+14155552671", toPhoneNumber: "+14155550123", agentId: "agent-1" };

describe("one request path: client.raw's middleware sees the resource methods' traffic", () => {
  test("every request of calls.list (each page), get, create and delete, and each response", async () => {
    const pages = [
      { ...emptyPage, data: [call], hasNext: true, totalCounts: 2, totalPages: 2, size: 1 },
      { ...emptyPage, data: [{ ...call, callId: "call-2" }], page: 1, totalCounts: 2, totalPages: 2, size: 1 },
    ];
    const { sigmamind, requests } = client((request) => {
      const url = new URL(request.url);
      if (request.method === "GET" && url.pathname === "/v1/calls") {
        return json(200, pages[Number(url.searchParams.get("page") ?? 0)]);
      }
      return request.method === "DELETE" ? new Response(null, { status: 200 }) : json(200, call);
    });
    const seen: string[] = [];
    sigmamind.raw.use({
      onRequest({ request }) {
        seen.push(`${request.method} ${new URL(request.url).pathname}${new URL(request.url).search}`);
        request.headers.set("x-trace-id", "t-1");
        // Middleware cannot take the key over: the transport sets it after.
        request.headers.set("x-api-key", "middleware-key");
        return request;
      },
      onResponse({ response }) {
        seen.push(`→ ${response.status}`);
      },
    });
    const listed = [];
    for await (const item of sigmamind.calls.list({ size: 1 })) listed.push(item.callId);
    await sigmamind.calls.get("call-1");
    await sigmamind.calls.create(createBody);
    await sigmamind.calls.delete("call-1");
    expect(listed).toEqual(["call-1", "call-2"]);
    expect(seen).toEqual([
      "GET /v1/calls?size=1",
      "→ 200",
      "GET /v1/calls?size=1&page=1",
      "→ 200",
      "GET /v1/calls/call-1",
      "→ 200",
      "POST /v1/calls",
      "→ 200",
      "DELETE /v1/calls/call-1",
      "→ 200",
    ]);
    expect(requests.map((request) => request.headers.get("x-trace-id"))).toEqual(Array(5).fill("t-1"));
    expect(requests.map((request) => request.headers.get("x-api-key"))).toEqual(Array(5).fill("test-key"));
  });

  test("onError sees a resource method's failure, which still reaches the caller typed", async () => {
    const { sigmamind } = client(() => Promise.reject(new TypeError("fetch failed")));
    const errors: unknown[] = [];
    sigmamind.raw.use({
      onError({ error }) {
        errors.push(error);
      },
    });
    await expect(sigmamind.calls.get("call-1")).rejects.toMatchObject({ name: "APIConnectionError" });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ name: "APIConnectionError" });
  });

  test("each attempt is one request through the middleware: a retried GET passes onRequest twice, onError sees each failure typed", async () => {
    let attempt = 0;
    const fake = fakeFetch(() => {
      attempt++;
      if (attempt === 1) return Promise.reject(new TypeError("fetch failed", { cause: { code: "ECONNRESET" } }));
      if (attempt === 2) return json(503, { message: "busy" });
      return json(200, call);
    });
    const { sleep } = recordingSleep();
    const sigmamind = new SigmaMind({ apiKey: "test-key", fetch: fake.fetch, maxRetries: 2, sleep });
    const seen: string[] = [];
    sigmamind.raw.use({
      onRequest({ request }) {
        seen.push(`${request.method} ${new URL(request.url).pathname}`);
      },
      onResponse({ response }) {
        seen.push(`→ ${response.status}`);
      },
      onError({ error }) {
        seen.push(`✗ ${(error as Error).name}`);
      },
    });
    await expect(sigmamind.calls.get("call-1")).resolves.toMatchObject({ callId: "call-1" });
    expect(seen).toEqual([
      "GET /v1/calls/call-1",
      "✗ APIConnectionError",
      "GET /v1/calls/call-1",
      "→ 503",
      "GET /v1/calls/call-1",
      "→ 200",
    ]);
  });
});

describe("client.raw reads bodies as openapi-fetch does", () => {
  test.each([
    ["json", (data: unknown) => expect(data).toEqual(call)],
    ["text", (data: unknown) => expect(JSON.parse(data as string)).toEqual(call)],
    ["blob", async (data: unknown) => expect(JSON.parse(await (data as Blob).text())).toEqual(call)],
    ["arrayBuffer", (data: unknown) => expect(JSON.parse(new TextDecoder().decode(data as ArrayBuffer))).toEqual(call)],
    ["stream", async (data: unknown) => expect(await new Response(data as ReadableStream).json()).toEqual(call)],
  ] as const)("parseAs %s", async (parseAs, check) => {
    const { sigmamind } = client(() => json(200, call));
    const { data, error } = await sigmamind.raw.GET("/v1/calls/{callId}", {
      params: { path: { callId: "call-1" } },
      parseAs,
    });
    expect(error).toBeUndefined();
    await check(data);
  });

  test("a binary body arrives byte for byte", async () => {
    const bytes = new Uint8Array([0, 255, 128, 10, 13, 0xc3, 0x28]);
    const { sigmamind } = client(() => new Response(bytes, { status: 200 }));
    const { data } = await sigmamind.raw.GET("/v1/calls/{callId}", {
      params: { path: { callId: "call-1" } },
      parseAs: "arrayBuffer",
    });
    expect(new Uint8Array(data as unknown as ArrayBuffer)).toEqual(bytes);
  });
});

describe("client.raw's middleware", () => {
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
    sigmamind.raw.eject(first);
    order.length = 0;
    await sigmamind.raw.GET("/v1/calls");
    expect(requests[1]?.headers.get("x-middleware")).toBe("last");
  });

  test("a middleware that is not one is refused at once, as openapi-fetch refuses it", async () => {
    const { sigmamind } = client();
    const notMiddleware = { onSomething() {} } as unknown as Middleware;
    expect(() => sigmamind.raw.use(notMiddleware)).toThrow(InvalidInputError);
    expect(() => sigmamind.raw.use(notMiddleware)).toThrow(/onRequest\(\), onResponse\(\) or onError\(\)/);
    await sigmamind.raw.GET("/v1/calls");
    expect(() => sigmamind.raw.use(notMiddleware)).toThrow(InvalidInputError);
  });

  test("concurrent calls all resolve", async () => {
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

describe("client.raw and a server that echoes the key", () => {
  test("the error it hands back holds no key, neither as a value nor as a property name, as calls.get's does", async () => {
    const { sigmamind } = client(() => json(500, { message: "bad key test-key", "test-key": 1 }));
    const { error, response } = await sigmamind.raw.GET("/v1/calls/{callId}", { params: { path: { callId: "c" } } });
    expect(response.status).toBe(500);
    expect(JSON.stringify(error)).not.toContain("test-key");
    expect(error).toEqual({ message: "bad key [redacted]", "[redacted]": 1 });
    const thrown = await sigmamind.calls.get("c").catch((caught: unknown) => caught);
    expect(JSON.stringify((thrown as { error?: unknown }).error)).toBe(JSON.stringify(error));
  });
});
