// Attacks on the one request path and the surface around it: whatever a caller, a middleware or a server does,
// the client throws only SigmaMindErrors, keeps the key out of them, and sends nothing it did not check.
import { describe, expect, test } from "vitest";
import { InvalidInputError, SigmaMind, SigmaMindError, WaitTimeoutError } from "../../src/index.js";
import { emptyPage, fakeFetch, json } from "../support/fake-fetch.js";

const KEY = "k_8f3Za9";
const createBody = { fromPhoneNumber: "+14155552671", toPhoneNumber: "+14155550123", agentId: "agent-1" };
const call = { callId: "call-1", status: "scheduled" };

function client(handler: Parameters<typeof fakeFetch>[0] = () => json(200, emptyPage)) {
  const fake = fakeFetch(handler);
  return { sigmamind: new SigmaMind({ apiKey: KEY, fetch: fake.fetch, maxRetries: 0 }), requests: fake.requests };
}

async function failure(promise: PromiseLike<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a rejection");
}

describe("only SigmaMindErrors from the resource methods", () => {
  test("an unknown parameter openapi-fetch cannot serialise", async () => {
    const { sigmamind } = client();
    const error = await failure(sigmamind.calls.list({ filter: { a: { b: 1 } } } as never));
    expect(error).toBeInstanceOf(SigmaMindError);
    expect(error.message).toMatch(/^calls\.list: /);
  });

  test("a middleware that throws, or consumes the body it was given", async () => {
    const { sigmamind, requests } = client(() => json(200, call));
    sigmamind.raw.use({
      async onRequest({ request }) {
        if (request.method === "GET") throw new TypeError("middleware bug");
        await request.text();
        return request;
      },
    });
    expect(await failure(sigmamind.calls.get("call-1"))).toBeInstanceOf(SigmaMindError);
    const consumed = await failure(sigmamind.calls.create(createBody));
    expect(consumed).toBeInstanceOf(InvalidInputError);
    expect(consumed).toMatchObject({ mayHaveTakenEffect: false });
    expect(consumed.message).toBe(
      "calls.create: a middleware read the body of the request it passed on (request.bodyUsed), so it cannot be sent: read a clone (request.clone().text()) instead. Nothing was sent.",
    );
    expect(requests).toHaveLength(0);
  });

  test("a create whose answer a middleware broke after it was sent says the call may have been placed", async () => {
    const { sigmamind, requests } = client(() => json(200, call));
    sigmamind.raw.use({ onResponse: () => "not a response" as unknown as Response });
    const error = await failure(sigmamind.calls.create(createBody));
    expect(requests).toHaveLength(1);
    expect(error).toBeInstanceOf(SigmaMindError);
    expect((error as SigmaMindError).mayHaveTakenEffect).toBe(true);
    expect(error.message).toContain("The call may have been placed");
  });
});

describe("the key stays out of client.raw's errors", () => {
  test("a success body that is not JSON and echoes the key", async () => {
    const { sigmamind } = client((request) => new Response(request.headers.get("x-api-key"), { status: 200 }));
    const error = await failure(sigmamind.raw.GET("/v1/calls"));
    expect(error).toBeInstanceOf(SigmaMindError);
    expect(`${error.message} ${String((error as { cause?: unknown }).cause ?? "")}`).not.toContain(KEY.slice(0, 6));
  });
});

describe("unknown parameters", () => {
  test.each(["size=-5&x", "x#", "a b", "é"])(
    "a name URLs would read otherwise, %j, is refused, and nothing is sent",
    async (name) => {
      const { sigmamind, requests } = client();
      const error = await failure(sigmamind.calls.list({ status: "ended", [name]: "1" } as never));
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(error.message).toContain("calls.list: ");
      expect(requests).toHaveLength(0);
    },
  );
});

describe("calls.waitFor's timeoutMs bounds the whole wait", () => {
  test("a poll that hangs ends at the deadline with WaitTimeoutError, not after the client's own timeouts", async () => {
    // Answers nothing until the request is aborted, as a server that hangs would.
    const hanging = (_request: Request, init?: RequestInit) =>
      new Promise<Response>((_, reject) => {
        init?.signal?.addEventListener("abort", () => reject(init.signal?.reason));
      });
    const sigmamind = new SigmaMind({ apiKey: KEY, fetch: hanging, timeoutMs: 600_000, maxRetries: 2 });
    const error = await failure(sigmamind.calls.waitFor("call-1", { timeoutMs: 200 }));
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect((error as WaitTimeoutError).call).toBeUndefined();
    expect(error.message).toMatch(/call call-1 gave no answer within 200 ms/);
  });
});

describe("small edges", () => {
  test("withOptions() without options is the same defaults; detached, it says what to do", () => {
    const { sigmamind } = client();
    expect(sigmamind.withOptions().maxRetries).toBe(0);
    const detached = sigmamind.withOptions;
    expect(() => detached.call({} as SigmaMind, {})).toThrow(InvalidInputError);
  });

  test("asResponse() drops the encoding and length of a body fetch already decoded", async () => {
    const { sigmamind } = client(() => json(200, call, { "content-encoding": "gzip", "content-length": "5" }));
    const response = await sigmamind.calls.get("call-1").asResponse();
    expect(response.headers.get("content-encoding")).toBeNull();
    expect(response.headers.get("content-length")).toBeNull();
    expect(await response.json()).toEqual(call);
  });

  test("getNextPage with a signal that is not an AbortSignal is refused", async () => {
    const { sigmamind } = client(() =>
      json(200, { ...emptyPage, data: [call], hasNext: true, totalPages: 2, totalCounts: 2 }),
    );
    const page = await sigmamind.calls.list();
    expect(await failure(page.getNextPage({ signal: "nope" as never }))).toBeInstanceOf(InvalidInputError);
  });
});
