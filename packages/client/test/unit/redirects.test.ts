// A redirect is an answer the client reads, never a way for a server to send the key, or a phone call, elsewhere.
import { refusedUrl } from "@sigmamind/test-support/free-port";
import { describe, expect, test, vi } from "vitest";
import { APIError, InvalidInputError, RedirectError, SigmaMind, SigmaMindError } from "../../src/index.js";
import { fakeFetch } from "../support/fake-fetch.js";
import { json, reply } from "../support/fault-server.js";
import { API_KEY, clientOf, rejectionOf, serve } from "../support/socket-client.js";

const page = { data: [], page: 0, size: 10, totalCounts: 0, totalPages: 0, hasNext: false, hasPrevious: false };
const call = { callId: "call-1", status: "ended" };
const createParams = { fromPhoneNumber: "+14155552671", toPhoneNumber: "+14155550123", agentId: "agent-1" };

function redirect(status: number, location: string) {
  return reply(status, "", { location });
}

describe("a redirect to another origin is never followed", () => {
  test.each([301, 302, 303, 307, 308])(
    "%i to another port: nothing reaches it, RedirectError names it",
    async (status) => {
      const elsewhere = await serve(json(200, page));
      const api = await serve(redirect(status, `${elsewhere.url}/v1/calls`));
      const { client } = clientOf(api.url, { maxRetries: 3 });
      const error = await rejectionOf(client.calls.list());
      expect(error).toBeInstanceOf(RedirectError);
      expect(error).toBeInstanceOf(APIError);
      expect(error).toMatchObject({ status, location: `${elsewhere.url}/v1/calls` });
      expect(error.message).toContain(`${status}`);
      expect(error.message).toContain(`${elsewhere.url}/v1/calls`);
      expect(elsewhere.requests).toHaveLength(0);
      // A redirect is an answer, not a failure: it is not tried again.
      expect(api.requests).toHaveLength(1);
    },
  );

  test("to another host name on the same port: nothing is sent to it", async () => {
    const api = await serve((request) =>
      request.headers.host?.startsWith("localhost") ? json(200, page) : redirect(302, "/v1/calls"),
    );
    const other = await serve(json(200, page));
    const hostile = await serve(redirect(307, `http://localhost:${other.port}/v1/calls`));
    const { client } = clientOf(hostile.url);
    await expect(client.calls.list()).rejects.toBeInstanceOf(RedirectError);
    expect(other.requests).toHaveLength(0);
    expect(api.requests).toHaveLength(0);
  });

  test("an https API redirecting to plain http of the same host is refused before any request", async () => {
    const { fetch, requests } = fakeFetch(
      () => new Response(null, { status: 301, headers: { location: "http://api.sigmamind.ai/v1/calls" } }),
    );
    const client = new SigmaMind({ apiKey: API_KEY, fetch, logLevel: "off" });
    const error = await rejectionOf(client.calls.get("call-1"));
    expect(error).toBeInstanceOf(RedirectError);
    expect(error.message).toContain("http://api.sigmamind.ai/v1/calls");
    expect(requests.map((request) => request.url)).toEqual(["https://api.sigmamind.ai/v1/calls/call-1"]);
  });

  test("the Location is shown without credentials or query values", async () => {
    const elsewhere = await serve(json(200, page));
    const location = `http://user:hunter2@localhost:${elsewhere.port}/steal?key=${API_KEY}&token=abc`;
    const api = await serve(redirect(302, location));
    const { client } = clientOf(api.url);
    const error = (await rejectionOf(client.calls.list())) as RedirectError;
    expect(error.location).toBe(`http://localhost:${elsewhere.port}/steal?[redacted]`);
    for (const text of [error.message, error.stack ?? "", JSON.stringify(error.location)]) {
      expect(text).not.toContain("hunter2");
      expect(text).not.toContain(API_KEY);
      expect(text).not.toContain("abc");
    }
    expect(elsewhere.requests).toHaveLength(0);
  });
});

describe("a create is never followed, re-sent or turned into a GET", () => {
  test.each([301, 302, 303, 307, 308])("%i on the same origin: one POST, a RedirectError, no GET", async (status) => {
    const api = await serve((request) => (request.method === "POST" ? redirect(status, "/v1/calls") : json(200, page)));
    const { client, delays } = clientOf(api.url, { maxRetries: 3 });
    const error = await rejectionOf(client.calls.create(createParams));
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ status, mayHaveTakenEffect: true });
    expect(error.message).toMatch(/may have been placed/);
    expect(api.requests.map((request) => request.method)).toEqual(["POST"]);
    expect(delays).toEqual([]);
  });

  test("a 307 to a port that refuses connections sends the POST once, and only to the API", async () => {
    const { url: refused } = await refusedUrl();
    const api = await serve(redirect(307, `${refused}/v1/calls`));
    const { client, delays } = clientOf(api.url, { maxRetries: 3 });
    const error = await rejectionOf(client.calls.create(createParams));
    expect(error).toBeInstanceOf(RedirectError);
    expect(api.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });
});

describe("a redirect on the API's own origin", () => {
  test.each([301, 302, 303, 307, 308])("%i is followed for a GET, with the key, to the new path", async (status) => {
    const api = await serve((request) =>
      request.url.startsWith("/v2/") ? json(200, call) : redirect(status, `/v2/calls/call-1?from=v1`),
    );
    const { client } = clientOf(api.url);
    await expect(client.calls.get("call-1")).resolves.toEqual(call);
    expect(api.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      "GET /v1/calls/call-1",
      "GET /v2/calls/call-1?from=v1",
    ]);
    expect(api.requests[1]?.headers["x-api-key"]).toBe(API_KEY);
  });

  test.each([307, 308])("%i is followed for a DELETE, which stays a DELETE", async (status) => {
    const api = await serve((request) =>
      request.url.startsWith("/v2/") ? reply(204) : redirect(status, "/v2/calls/call-1"),
    );
    const { client } = clientOf(api.url);
    await client.calls.delete("call-1");
    expect(api.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      "DELETE /v1/calls/call-1",
      "DELETE /v2/calls/call-1",
    ]);
  });

  test.each([301, 302, 303])("%i, which fetch would turn into a GET, is not followed for a DELETE", async (status) => {
    const api = await serve(redirect(status, "/v2/calls/call-1"));
    const { client } = clientOf(api.url);
    await expect(client.calls.delete("call-1")).rejects.toBeInstanceOf(RedirectError);
    expect(api.requests).toHaveLength(1);
  });

  test("a loop of redirects ends after 5 hops with a RedirectError", async () => {
    const api = await serve((request) =>
      redirect(302, `/v1/calls?hop=${Number(new URL(request.url, "http://x").searchParams.get("hop") ?? 0) + 1}`),
    );
    const { client } = clientOf(api.url, { maxRetries: 2 });
    const error = await rejectionOf(client.calls.list());
    expect(error).toBeInstanceOf(RedirectError);
    expect(error.message).toMatch(/more than 5 redirects/);
    expect(api.requests).toHaveLength(6);
  });

  test("a same-origin hop that then leaves the origin is not followed past it", async () => {
    const elsewhere = await serve(json(200, page));
    const api = await serve((request) =>
      request.url.startsWith("/v1/") ? redirect(302, "/hop") : redirect(302, `${elsewhere.url}/v1/calls`),
    );
    const { client } = clientOf(api.url);
    await expect(client.calls.list()).rejects.toBeInstanceOf(RedirectError);
    expect(api.requests).toHaveLength(2);
    expect(elsewhere.requests).toHaveLength(0);
  });
});

describe("client.raw follows the same rules", () => {
  test("a cross-origin redirect is a RedirectError and nothing reaches the other origin", async () => {
    const elsewhere = await serve(json(200, page));
    const api = await serve(redirect(302, `${elsewhere.url}/v1/calls`));
    const { client } = clientOf(api.url);
    await expect(client.raw.GET("/v1/calls")).rejects.toBeInstanceOf(RedirectError);
    expect(elsewhere.requests).toHaveLength(0);
  });

  test("a POST answered by a 303 is sent once and never becomes a GET", async () => {
    const api = await serve((request) => (request.method === "POST" ? redirect(303, "/v1/calls") : json(200, page)));
    const { client } = clientOf(api.url, { maxRetries: 3 });
    await expect(client.raw.POST("/v1/calls", { body: createParams })).rejects.toBeInstanceOf(RedirectError);
    expect(api.requests.map((request) => request.method)).toEqual(["POST"]);
  });

  test("a per-request baseUrl on another origin is refused before anything is sent", async () => {
    const elsewhere = await serve(json(200, page));
    const api = await serve(json(200, page));
    const { client } = clientOf(api.url);
    const error = await rejectionOf(client.raw.GET("/v1/calls", { baseUrl: elsewhere.url }));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.message).toContain(api.url);
    expect(elsewhere.requests).toHaveLength(0);
  });

  test('a path parameter "." is refused, as the resource methods refuse it', async () => {
    const api = await serve(reply(204));
    const { client } = clientOf(api.url);
    for (const callId of [".", "..", "%2e"]) {
      const error = await rejectionOf(client.raw.DELETE("/v1/calls/{callId}", { params: { path: { callId } } }));
      expect(error).toBeInstanceOf(SigmaMindError);
      expect(error.message).toMatch(/relative path/);
    }
    expect(api.requests).toHaveLength(0);
  });
});

describe("a hostile Location", () => {
  test("a key echoed in the Location's path is not shown anywhere in the error", async () => {
    const api = await serve(redirect(302, `/v1/${API_KEY}?${API_KEY}`));
    const { client } = clientOf(api.url);
    const error = (await rejectionOf(client.calls.create(createParams))) as RedirectError;
    for (const text of [error.message, error.stack ?? "", String(error.location)]) expect(text).not.toContain(API_KEY);
  });

  test("a Location on the API's origin that carries credentials is not followed", async () => {
    const api = await serve((request) =>
      request.url === "/ok"
        ? json(200, call)
        : redirect(302, `http://user:hunter2@127.0.0.1:${request.headers.host?.split(":")[1]}/ok`),
    );
    const { client } = clientOf(api.url);
    const error = await rejectionOf(client.calls.get("call-1"));
    expect(error).toBeInstanceOf(RedirectError);
    expect(error.message).toMatch(/carries credentials/);
    expect(error.message).not.toContain("hunter2");
    expect(api.requests).toHaveLength(1);
  });

  test("a status the client does not follow says so", async () => {
    const api = await serve(redirect(300, "/v2/calls"));
    const { client } = clientOf(api.url);
    const error = await rejectionOf(client.calls.list());
    expect(error).toBeInstanceOf(RedirectError);
    expect(error.message).toMatch(/does not follow a 300/);
  });
});

describe("a fetch of the caller's own", () => {
  /** A fetch that drops `redirect: "manual"` and follows redirects wherever they lead. */
  const followingFetch = async (request: Request, init?: RequestInit) =>
    fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: (await request.text()) || undefined,
      signal: init?.signal ?? null,
    });

  test("that followed a redirect itself makes the create fail, saying it may have been placed", async () => {
    const elsewhere = await serve(json(200, call));
    const api = await serve(redirect(307, `${elsewhere.url}/v1/calls`));
    const { client } = clientOf(api.url, { fetch: followingFetch });
    const error = await rejectionOf(client.calls.create(createParams));
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ mayHaveTakenEffect: true });
    expect(error.message).toMatch(/redirect: "manual"/);
  });
});

describe("a global fetch replaced by one that follows redirects (an interceptor, a polyfill)", () => {
  /** A wrapper that follows redirects: by fetch's own `redirect: "follow"`, or by hand (then not `redirected`). */
  const followers = {
    "redirect: follow": (original: typeof fetch) => (input: RequestInfo | URL, init?: RequestInit) =>
      original(input, { ...init, redirect: "follow" }),
    "by hand": (original: typeof fetch) => async (input: RequestInfo | URL, init?: RequestInit) => {
      let response = await original(input, init);
      while (response.status >= 300 && response.status < 400) {
        const location = new URL(response.headers.get("location") ?? "", response.url || String(input));
        response = await original(location, { headers: init?.headers });
      }
      return response;
    },
  };

  test.each(Object.keys(followers) as (keyof typeof followers)[])(
    "that followed a redirect elsewhere (%s) makes the call fail, although the answer was a success",
    async (how) => {
      const elsewhere = await serve(json(200, page));
      const api = await serve(redirect(302, `${elsewhere.url}/v1/calls`));
      vi.stubGlobal("fetch", followers[how](globalThis.fetch));
      try {
        const { client } = clientOf(api.url);
        const error = await rejectionOf(client.calls.list());
        expect(error).toBeInstanceOf(RedirectError);
        expect(error.message).toContain(
          `The global fetch, which something in this process replaced, followed a redirect of GET /v1/calls to ${elsewhere.url}/v1/calls`,
        );
      } finally {
        vi.unstubAllGlobals();
      }
    },
  );

  test("a global fetch that takes only URL strings still serves a read: a request without a body goes as one", async () => {
    const original = globalThis.fetch;
    vi.stubGlobal("fetch", (input: RequestInfo | URL, init?: RequestInit) =>
      typeof input === "string"
        ? original(input, init)
        : Promise.reject(new TypeError(`Invalid URL: ${String(input)}`)),
    );
    try {
      const api = await serve(json(200, page));
      const { client } = clientOf(api.url);
      await expect(client.calls.list()).resolves.toMatchObject({ data: [] });
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe("client.raw refuses what would go around the transport", () => {
  test("a per-request fetch is refused before anything is sent", async () => {
    const api = await serve(json(200, page));
    const { client } = clientOf(api.url);
    const error = await rejectionOf(client.raw.GET("/v1/calls", { fetch: globalThis.fetch } as never));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.message).toMatch(/fetch/);
    expect(api.requests).toHaveLength(0);
  });

  test("any other failure is a SigmaMindError too", async () => {
    const api = await serve(reply(200, "<html>not json</html>", { "content-type": "text/html" }));
    const { client } = clientOf(api.url);
    await expect(client.raw.GET("/v1/calls")).rejects.toBeInstanceOf(SigmaMindError);
  });
});
