import { describe, expect, test } from "vitest";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
  SigmaMind,
} from "../../src/index.js";
import { emptyPage, fakeFetch, json } from "../support/fake-fetch.js";
import { recordingSleep } from "../support/recording-sleep.js";

const call = { callId: "call-1", status: "ended" };
const createParams = { fromPhoneNumber: "+14155552671", toPhoneNumber: "+14155550123", agentId: "agent-1" };

/** A fetch that answers with each response in turn (the last one repeats). */
function sequence(...responses: (() => Response | Promise<Response>)[]) {
  let index = 0;
  return fakeFetch(() => {
    const next = responses[Math.min(index, responses.length - 1)] as () => Response;
    index++;
    return next();
  });
}

const refused = () => {
  throw new TypeError("fetch failed", {
    cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
  });
};
const reset = () => {
  throw new TypeError("fetch failed", { cause: Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }) });
};

function client(fetch: ReturnType<typeof fakeFetch>["fetch"], options: Record<string, unknown> = {}) {
  const recorder = recordingSleep();
  return { sigmamind: new SigmaMind({ apiKey: "test-key", fetch, sleep: recorder.sleep, ...options }), ...recorder };
}

describe("what is retried", () => {
  test.each([408, 409, 429, 500, 502, 503, 504])("GET after %i, then succeeds", async (status) => {
    const { fetch, requests } = sequence(
      () => json(status, {}),
      () => json(200, emptyPage),
    );
    const { sigmamind, delays } = client(fetch);
    await expect(sigmamind.calls.list()).resolves.toMatchObject(emptyPage);
    expect(requests).toHaveLength(2);
    expect(delays).toHaveLength(1);
  });

  test("DELETE after a 500 and a connection reset", async () => {
    const { fetch, requests } = sequence(
      () => json(500, {}),
      reset,
      () => new Response("OK"),
    );
    const { sigmamind } = client(fetch);
    await expect(sigmamind.calls.delete("call-1")).resolves.toBeUndefined();
    expect(requests).toHaveLength(3);
  });

  test.each([400, 401, 403, 404, 422])("never a %i", async (status) => {
    const { fetch, requests } = sequence(() => json(status, { message: "no", error: "E", status }));
    const { sigmamind, delays } = client(fetch);
    await expect(sigmamind.calls.get("call-1")).rejects.toMatchObject({ status });
    expect(requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  test("attempts are bounded by maxRetries", async () => {
    const { fetch, requests } = sequence(() => json(503, {}));
    const { sigmamind, delays } = client(fetch, { maxRetries: 3 });
    await expect(sigmamind.calls.list()).rejects.toBeInstanceOf(InternalServerError);
    expect(requests).toHaveLength(4);
    expect(delays).toHaveLength(3);
  });

  test("a call's maxRetries overrides the client's", async () => {
    const { fetch, requests } = sequence(() => json(503, {}));
    const { sigmamind } = client(fetch, { maxRetries: 5 });
    await expect(sigmamind.calls.get("call-1", { maxRetries: 0 })).rejects.toBeInstanceOf(InternalServerError);
    expect(requests).toHaveLength(1);
  });

  test("the raw client retries too", async () => {
    const { fetch, requests } = sequence(
      () => json(502, {}),
      () => json(200, call),
    );
    const { sigmamind } = client(fetch);
    const { data } = await sigmamind.raw.GET("/v1/calls/{callId}", { params: { path: { callId: "call-1" } } });
    expect(data).toEqual(call);
    expect(requests).toHaveLength(2);
  });
});

describe("POST /v1/calls places a real call and is never sent twice", () => {
  test.each([
    ["a 500", () => json(500, {})],
    ["a 503", () => json(503, {})],
    ["a 429", () => json(429, {}, { "retry-after": "1" })],
    ["a reset connection", reset],
  ])("not retried after %s", async (_name, failure) => {
    const { fetch, requests } = sequence(failure, () => json(200, call));
    const { sigmamind, delays } = client(fetch);
    await expect(sigmamind.calls.create(createParams)).rejects.toThrow();
    expect(requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  test("not retried after a timeout", async () => {
    const { fetch, requests } = fakeFetch(
      (request) =>
        new Promise((_resolve, reject) =>
          request.signal.addEventListener("abort", () => reject(request.signal.reason)),
        ),
    );
    const hanging = async (request: Request, init?: RequestInit) => fetch(new Request(request, init));
    const { sigmamind } = client(hanging, { timeoutMs: 20 });
    await expect(sigmamind.calls.create(createParams)).rejects.toBeInstanceOf(APIConnectionTimeoutError);
    expect(requests).toHaveLength(1);
  });

  test("retried when the connection was refused, since nothing was sent", async () => {
    const { fetch, requests } = sequence(refused, () => json(200, call));
    const { sigmamind } = client(fetch);
    await expect(sigmamind.calls.create(createParams)).resolves.toEqual(call);
    expect(requests).toHaveLength(2);
    expect(await requests[1]?.json()).toEqual(createParams);
  });
});

describe("how long it waits", () => {
  test("exponential backoff with jitter, capped", async () => {
    const { fetch } = sequence(() => json(503, {}));
    const { sigmamind, delays } = client(fetch, { maxRetries: 6 });
    await expect(sigmamind.calls.list()).rejects.toBeInstanceOf(InternalServerError);
    const ceilings = [500, 1000, 2000, 4000, 8000, 8000];
    expect(delays).toHaveLength(ceilings.length);
    delays.forEach((delay, index) => {
      const ceiling = ceilings[index] as number;
      expect(delay).toBeLessThanOrEqual(ceiling);
      expect(delay).toBeGreaterThanOrEqual(ceiling * 0.75);
    });
  });

  test.each([
    ["Retry-After in seconds", { "retry-after": "3" }, 3000],
    ["Retry-After with a fraction", { "retry-after": "0.5" }, 500],
    ["retry-after-ms", { "retry-after-ms": "250" }, 250],
    ["retry-after-ms over Retry-After", { "retry-after-ms": "40", "retry-after": "9" }, 40],
  ])("honours %s", async (_name, headers, expected) => {
    const { fetch } = sequence(
      () => json(429, {}, headers),
      () => json(200, emptyPage),
    );
    const { sigmamind, delays } = client(fetch);
    await sigmamind.calls.list();
    expect(delays).toEqual([expected]);
  });

  test("honours Retry-After as an HTTP date", async () => {
    const inFiveSeconds = new Date(Date.now() + 5_000).toUTCString();
    const { fetch } = sequence(
      () => json(503, {}, { "retry-after": inFiveSeconds }),
      () => json(200, emptyPage),
    );
    const { sigmamind, delays } = client(fetch);
    await sigmamind.calls.list();
    expect(delays[0]).toBeGreaterThan(3_000);
    expect(delays[0]).toBeLessThanOrEqual(5_000);
  });

  test("a Retry-After past the 60 s cap goes to the caller at once, with the wait it asked for", async () => {
    const { fetch, requests } = sequence(() => json(429, { message: "slow down" }, { "retry-after": "3600" }));
    const { sigmamind, delays } = client(fetch);
    const error = await sigmamind.calls.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(3_600_000);
    expect(requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });
});

describe("time and aborts", () => {
  test("each attempt has its own timeout", async () => {
    let attempts = 0;
    const hangs = (_request: Request, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        attempts++;
        init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
      });
    const { sigmamind, delays } = client(hangs, { timeoutMs: 15, maxRetries: 2 });
    const error = await sigmamind.calls.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toMatch(/did not answer within 15 ms; gave up after 3 attempts/);
    expect(attempts).toBe(3);
    expect(delays).toHaveLength(2);
  });

  test("a body that stalls after the headers is a timeout too", async () => {
    const stalls = (_request: Request, init?: RequestInit) => {
      const body = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"data":['));
          init?.signal?.addEventListener("abort", () => controller.error(new DOMException("aborted", "AbortError")));
        },
      });
      return Promise.resolve(new Response(body, { status: 200 }));
    };
    const { sigmamind } = client(stalls, { timeoutMs: 15, maxRetries: 0 });
    await expect(sigmamind.calls.list()).rejects.toBeInstanceOf(APIConnectionTimeoutError);
  });

  test("aborting during a backoff wait stops at once", async () => {
    const controller = new AbortController();
    const { fetch, requests } = sequence(() => json(503, {}, { "retry-after": "30" }));
    // The real, timer-based sleep: the abort must cut its 30 s wait short.
    const sigmamind = new SigmaMind({ apiKey: "test-key", fetch });
    const started = Date.now();
    const pending = sigmamind.calls.list({}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    await expect(pending).rejects.toBeInstanceOf(APIUserAbortError);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(requests).toHaveLength(1);
  });

  test("the raw client's signal aborts a backoff wait too", async () => {
    const controller = new AbortController();
    const { fetch, requests } = sequence(() => json(503, {}, { "retry-after": "30" }));
    const sigmamind = new SigmaMind({ apiKey: "test-key", fetch });
    const pending = sigmamind.raw.GET("/v1/calls", { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    await expect(pending).rejects.toBeInstanceOf(APIUserAbortError);
    expect(requests).toHaveLength(1);
  });

  test("an already aborted signal sends nothing", async () => {
    const { fetch, requests } = sequence(() => json(200, emptyPage));
    const { sigmamind } = client(fetch);
    await expect(sigmamind.calls.list({}, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(APIUserAbortError);
    expect(requests).toHaveLength(0);
  });

  test("a 404 after retries keeps its own class", async () => {
    const { fetch } = sequence(
      () => json(503, {}),
      () => json(404, { message: "Call not found", error: "Not Found", status: 404 }),
    );
    const { sigmamind } = client(fetch);
    await expect(sigmamind.calls.get("call-1")).rejects.toBeInstanceOf(NotFoundError);
  });
});
