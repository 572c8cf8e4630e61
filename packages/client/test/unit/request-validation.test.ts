// Inputs are checked against the constraints generated from the spec before anything is sent.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { InvalidInputError, SigmaMind, SigmaMindError } from "../../src/index.js";
import { emptyPage, fakeFetch, json } from "../support/fake-fetch.js";

const E164 = /^\+[1-9][0-9]{6,14}$/;
const validCreate = { fromPhoneNumber: "+14155552671", toPhoneNumber: "+14155550123", agentId: "agent-1" };

function client() {
  const fake = fakeFetch((request) => {
    const { pathname } = new URL(request.url);
    if (request.method === "GET" && pathname === "/v1/calls") return json(200, emptyPage);
    // The call asked for, by the id in the path, as the API answers a get: a body naming another is refused.
    const asked = pathname.split("/")[3];
    return json(200, { callId: asked === undefined ? "call-1" : decodeURIComponent(asked), status: "scheduled" });
  });
  return {
    sigmamind: new SigmaMind({ apiKey: "test-key", fetch: fake.fetch, maxRetries: 0 }),
    requests: fake.requests,
  };
}

async function rejection(promise: PromiseLike<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a rejection");
}

describe("list parameters", () => {
  test("any page >= 0 and size >= 1 within int32 is sent as given", async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (page, size) => {
        const { sigmamind, requests } = client();
        await sigmamind.calls.list({ page, size });
        const query = new URL(requests[0]?.url ?? "").searchParams;
        expect(query.get("page")).toBe(String(page));
        expect(query.get("size")).toBe(String(size));
      }),
    );
  });

  test("any negative or fractional page is refused before a request", async () => {
    const badPage = fc.oneof(
      fc.integer({ max: -1 }),
      fc.double({ noNaN: true }).filter((n) => !Number.isInteger(n)),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY),
    );
    await fc.assert(
      fc.asyncProperty(badPage, async (page) => {
        const { sigmamind, requests } = client();
        const error = await rejection(sigmamind.calls.list({ page }));
        expect(error).toBeInstanceOf(InvalidInputError);
        expect(error).toBeInstanceOf(SigmaMindError);
        expect(error.message).toMatch(/^calls\.list: page must be/);
        expect(requests).toHaveLength(0);
      }),
    );
  });

  test("any size below 1 is refused", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ max: 0 }), async (size) => {
        const { sigmamind, requests } = client();
        await expect(sigmamind.calls.list({ size })).rejects.toThrow(/calls\.list: size must be 1 or more/);
        expect(requests).toHaveLength(0);
      }),
    );
  });

  test.each([
    [{ page: "2" }, /page must be an integer, got a string/],
    [{ size: 2 ** 31 }, /size must be 2147483647 or less/],
    [{ status: 3 }, /status must be a string/],
    ["ended", /parameters must be an object/],
  ])("refuses %o", async (params, message) => {
    const { sigmamind, requests } = client();
    await expect(sigmamind.calls.list(params as never)).rejects.toThrow(message);
    expect(requests).toHaveLength(0);
  });

  test("any status string is sent, known or not", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), async (status) => {
        const { sigmamind, requests } = client();
        await sigmamind.calls.list({ status });
        expect(new URL(requests[0]?.url ?? "").searchParams.get("status")).toBe(status);
      }),
    );
  });
});

describe("call ids", () => {
  test("any non-empty id reaches the server intact in one path segment", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1 }).filter((id) => !/^(\.|%2e){1,2}$/i.test(id)),
        async (callId) => {
          const { sigmamind, requests } = client();
          await sigmamind.calls.get(callId);
          const path = new URL(requests[0]?.url ?? "").pathname;
          const segments = path.split("/");
          expect(segments).toHaveLength(4);
          expect(decodeURIComponent(segments[3] ?? "")).toBe(callId);
        },
      ),
    );
  });

  test.each([
    ["get", (sigmamind: SigmaMind) => sigmamind.calls.get("")],
    ["delete", (sigmamind: SigmaMind) => sigmamind.calls.delete("")],
  ])("an empty id is refused by %s", async (method, run) => {
    const { sigmamind, requests } = client();
    await expect(run(sigmamind)).rejects.toThrow(`calls.${method}: callId must not be empty`);
    expect(requests).toHaveLength(0);
  });

  test.each([".", "..", "%2e", "%2E%2e", ".%2E"])(
    "%s is refused: URLs read it as a relative path, and a delete would hit another resource",
    async (callId) => {
      const { sigmamind, requests } = client();
      await expect(sigmamind.calls.delete(callId)).rejects.toThrow(`calls.delete: callId cannot be "${callId}"`);
      await expect(sigmamind.calls.get(callId)).rejects.toBeInstanceOf(InvalidInputError);
      expect(requests).toHaveLength(0);
    },
  );

  test("a non-string id is refused", async () => {
    const { sigmamind } = client();
    await expect(sigmamind.calls.get(42 as never)).rejects.toThrow("calls.get: callId must be a string, got 42");
  });
});

describe("create", () => {
  test("any E.164 number is accepted", async () => {
    const e164 = fc.stringMatching(E164);
    await fc.assert(
      fc.asyncProperty(e164, e164, async (from, to) => {
        const { sigmamind, requests } = client();
        await sigmamind.calls.create({ ...validCreate, fromPhoneNumber: from, toPhoneNumber: to });
        expect(await requests[0]?.json()).toMatchObject({ fromPhoneNumber: from, toPhoneNumber: to });
      }),
    );
  });

  test("anything that is not E.164 is refused, naming the field and the form wanted", async () => {
    const notE164 = fc.string().filter((candidate) => !E164.test(candidate));
    await fc.assert(
      fc.asyncProperty(notE164, async (number) => {
        const { sigmamind, requests } = client();
        const error = await rejection(sigmamind.calls.create({ ...validCreate, toPhoneNumber: number }));
        expect(error).toBeInstanceOf(InvalidInputError);
        expect(error.message).toMatch(/^calls\.create: toPhoneNumber must/);
        expect(requests).toHaveLength(0);
      }),
    );
  });

  test.each([
    [{ toPhoneNumber: "14155550123" }, /toPhoneNumber must match .* such as "\+14155552671"/],
    [{ toPhoneNumber: 14155550123 }, /toPhoneNumber must be a string/],
    [{ agentId: "" }, /agentId must not be empty/],
    [{ agentId: "a".repeat(65) }, /agentId must be at most 64 characters long, got 65/],
    [{ agentId: undefined }, /agentId is required/],
    [
      { dynamicVariables: { customer: { name: "M" } } },
      /dynamicVariables has "customer" that must be a string or a number or a boolean/,
    ],
    [{ dynamicVariables: [] }, /dynamicVariables must be an object, got an array/],
  ])("refuses %o", async (change, message) => {
    const { sigmamind, requests } = client();
    await expect(sigmamind.calls.create({ ...validCreate, ...change } as never)).rejects.toThrow(message);
    expect(requests).toHaveLength(0);
  });

  test("a parameter or field this version does not know is sent as given, with a debug line naming it", async () => {
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    const fake = fakeFetch((request) =>
      json(200, request.method === "POST" ? { callId: "call-1", status: "scheduled" } : emptyPage),
    );
    const sigmamind = new SigmaMind({
      apiKey: "test-key",
      fetch: fake.fetch,
      logLevel: "debug",
      logger: { error: log, warn: log, info: log, debug: log },
    });
    await sigmamind.calls.list({ size: 5, sort: "asc" } as never);
    await sigmamind.calls.create({ ...validCreate, callerName: "Ada" } as never);
    expect(new URL(fake.requests[0]?.url ?? "").searchParams.get("sort")).toBe("asc");
    expect(JSON.parse(await (fake.requests[1] as Request).text())).toEqual({ ...validCreate, callerName: "Ada" });
    expect(lines.filter((line) => line.includes("not in the spec"))).toEqual([
      "calls.list: sort is not in the spec this version of @sigmamind/client was built from; it is sent as given.",
      "calls.create: callerName is not in the spec this version of @sigmamind/client was built from; it is sent as given.",
    ]);
  });

  test("an option the client does not know is still refused: options are the client's own", async () => {
    const { sigmamind, requests } = client();
    await expect(sigmamind.calls.list({}, { timeout: 5 } as never)).rejects.toThrow(/unknown option "timeout"/);
    expect(requests).toHaveLength(0);
  });

  test("a body that is not an object is refused", async () => {
    const { sigmamind } = client();
    await expect(sigmamind.calls.create(null as never)).rejects.toThrow(
      "calls.create: the body must be an object, got null",
    );
  });
});

describe("per-call options", () => {
  test.each([
    [{ timeoutMs: 0 }, /calls\.get: timeoutMs must be a positive number/],
    [{ maxRetries: -1 }, /calls\.get: maxRetries must be a whole number from 0 to 10/],
    [{ maxRetries: 1.5 }, /maxRetries must be a whole number/],
    [{ signal: "stop" }, /calls\.get: signal must be an AbortSignal/],
    [
      { headers: { "X-A": 1 } },
      /calls\.get: headers has "X-A" that must be a header value without line breaks or control characters, got a number/,
    ],
    [{ timeout: 5 }, /calls\.get: unknown option "timeout"/],
  ])("refuses %o", async (options, message) => {
    const { sigmamind, requests } = client();
    await expect(sigmamind.calls.get("call-1", options as never)).rejects.toThrow(message);
    expect(requests).toHaveLength(0);
  });
});

describe("an InvalidInputError says which operation and which input, apart from its sentence", () => {
  test("a body field of calls.create", async () => {
    const { sigmamind } = client();
    const { toPhoneNumber: _, ...withoutTo } = validCreate;
    const error = await sigmamind.calls.create(withoutTo as typeof validCreate).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ operation: "calls.create", field: "toPhoneNumber", problem: "is required" });
    expect((error as Error).message).toBe("calls.create: toPhoneNumber is required.");
  });

  test("a query parameter, a path parameter and a client option", async () => {
    const { sigmamind } = client();
    await expect(sigmamind.calls.list({ size: 0 })).rejects.toMatchObject({
      operation: "calls.list",
      field: "size",
      problem: expect.stringMatching(/^must be /),
    });
    await expect(sigmamind.calls.get("..")).rejects.toMatchObject({ operation: "calls.get", field: "callId" });
    expect(() => new SigmaMind({ apiKey: "k", timeoutMs: -1 })).toThrow(
      expect.objectContaining({ operation: "new SigmaMind(options)", field: "timeoutMs" }),
    );
  });
});
