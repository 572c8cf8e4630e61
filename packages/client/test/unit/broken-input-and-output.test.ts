// Every failure is a SigmaMindError, whatever the input or the server's answer, and no data is dropped.
import { describe, expect, test } from "vitest";
import {
  type APIError,
  InternalServerError,
  InvalidInputError,
  ResponseValidationError,
  SigmaMind,
  SigmaMindError,
} from "../../src/index.js";
import { json, reply } from "../support/fault-server.js";
import { API_KEY, clientOf, rejectionOf, serve } from "../support/socket-client.js";

const page = { data: [], page: 0, size: 10, totalCounts: 0, totalPages: 0, hasNext: false, hasPrevious: false };

describe("inputs that would make the platform throw are refused as InvalidInputError, before sending", () => {
  test.each([
    ["a lone surrogate in callId", (client: SigmaMind) => client.calls.get("call-\ud800")],
    ["a lone surrogate in status", (client: SigmaMind) => client.calls.list({ status: "ended\udc00" })],
    [
      "a line break in a per-call header",
      (client: SigmaMind) => client.calls.get("c", { headers: { "X-Trace": "a\r\nX-Evil: 1" } }),
    ],
    ["a bad per-call header name", (client: SigmaMind) => client.calls.get("c", { headers: { "X Trace": "1" } })],
  ])("%s", async (_name, run) => {
    const server = await serve(json(200, page));
    const { client } = clientOf(server.url);
    const error = await rejectionOf(run(client));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.message).not.toContain("X-Evil");
    expect(server.requests).toHaveLength(0);
  });

  test("a header value with a line break at the client level is refused without repeating it", () => {
    const construct = () => new SigmaMind({ apiKey: API_KEY, headers: { "X-Team": "billing\nX-Evil: secret-value" } });
    expect(construct).toThrow(InvalidInputError);
    expect(construct).toThrow(/X-Team/);
    expect(construct).not.toThrow(/secret-value/);
  });

  test.each([
    [{ timeoutMs: 2 ** 31 }, /timeoutMs must be .*2147483647/],
    [{ timeoutMs: Number.POSITIVE_INFINITY }, /timeoutMs/],
  ])("an out-of-range client option %o names the range", (options, message) => {
    expect(() => new SigmaMind({ apiKey: API_KEY, ...options })).toThrow(message);
  });

  test("a per-call timeoutMs of 2^31 ms is refused instead of timing out after 1 ms", async () => {
    const server = await serve(json(200, { callId: "c" }));
    const { client } = clientOf(server.url);
    const error = await rejectionOf(client.calls.get("c", { timeoutMs: 2 ** 31 }));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.message).toMatch(/2147483647/);
    expect(server.requests).toHaveLength(0);
  });

  test("maxItems past the largest safe integer is refused", async () => {
    const server = await serve(json(200, page));
    const { client } = clientOf(server.url);
    const iterate = async () => {
      for await (const _ of client.calls.list({}, { maxItems: 2 ** 60 })) break;
    };
    await expect(iterate()).rejects.toThrow(InvalidInputError);
  });

  test("a non-string apiKey is refused without echoing it", () => {
    const construct = () => new SigmaMind({ apiKey: 8675309123 as unknown as string });
    expect(construct).toThrow(InvalidInputError);
    expect(construct).not.toThrow(/8675309123/);
  });
});

describe("a success body that lies about its shape is an error, not garbage, without validateResponses", () => {
  test.each([
    ["data: null", { ...page, data: null }],
    ["data: an object", { ...page, data: { callId: "c" } }],
    ['data: "abc"', { ...page, data: "abc" }],
    ["data with a string item", { ...page, data: ["abc"] }],
    ["hasNext: a string", { ...page, data: [{ callId: "c" }], hasNext: "yes" }],
    ["a null body", null],
    ["an array body", [{ callId: "c" }]],
    ["a string body", "abc"],
  ])("list with %s", async (_name, body) => {
    const server = await serve(json(200, body));
    const { client } = clientOf(server.url);
    const error = await rejectionOf(client.calls.list());
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.message).toMatch(/listCalls/);
    const iterate = async () => {
      for await (const _ of client.calls.list());
    };
    await expect(iterate()).rejects.toBeInstanceOf(ResponseValidationError);
  });

  test.each([
    ["null", null],
    ["a string", "abc"],
    ["an array", [{ callId: "c" }]],
    ["a number", 42],
  ])("get with %s", async (_name, body) => {
    const server = await serve(json(200, body));
    const { client } = clientOf(server.url);
    await expect(client.calls.get("c")).rejects.toBeInstanceOf(ResponseValidationError);
  });
});

describe("an error body is kept to a bounded size", () => {
  test("a 5 MB HTML error page keeps a prefix and says it was cut", async () => {
    const page = `<html><title>Bad gateway</title>${"x".repeat(5 * 1024 * 1024)}</html>`;
    const server = await serve(reply(502, page, { "content-type": "text/html" }));
    const { client } = clientOf(server.url, { maxRetries: 0 });
    const error = (await rejectionOf(client.calls.list())) as APIError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(typeof error.body).toBe("string");
    expect((error.body as string).length).toBeLessThanOrEqual(64 * 1024);
    expect((error.body as string).startsWith("<html><title>Bad gateway</title>")).toBe(true);
    expect(error.bodyTruncated).toBe(true);
    expect(error.message).toMatch(/cut/);
  });
});

describe("one AbortSignal shared by many calls", () => {
  test("twelve calls waiting to retry on one signal print no MaxListenersExceededWarning", async () => {
    const server = await serve((_request, index) =>
      index < 12 ? json(503, { message: "busy" }, { "retry-after-ms": "30" }) : json(200, { callId: "c" }),
    );
    // The 503s go to the first twelve requests to arrive, whichever calls sent them: on a loaded machine one call's
    // retries can arrive before another call's first request, so each call may retry as often as the client allows.
    const client = new SigmaMind({ apiKey: API_KEY, baseUrl: server.url, logLevel: "off", maxRetries: 10 });
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on("warning", onWarning);
    try {
      const controller = new AbortController();
      const calls = Array.from({ length: 12 }, () => client.calls.get("c", { signal: controller.signal }));
      await expect(Promise.all(calls)).resolves.toHaveLength(12);
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off("warning", onWarning);
    }
    expect(warnings).not.toContain("MaxListenersExceededWarning");
  });
});

test("every rejection above is a SigmaMindError", async () => {
  const server = await serve(json(200, null));
  const { client } = clientOf(server.url);
  await expect(client.calls.get("c")).rejects.toBeInstanceOf(SigmaMindError);
});

describe("bodies built to break the client", () => {
  const createParams = { fromPhoneNumber: "+14155552671", toPhoneNumber: "+14155550123", agentId: "agent-1" };

  test("an error field that cannot be turned into text still gives an InternalServerError that may have taken effect", async () => {
    const server = await serve(
      reply(500, '{"message":"m","error":[{"toString":0}]}', { "content-type": "application/json" }),
    );
    const { client } = clientOf(server.url);
    const error = (await rejectionOf(client.calls.create(createParams))) as SigmaMindError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.mayHaveTakenEffect).toBe(true);
  });

  test("JSON nested 5000 deep in an error body is an APIError, not a RangeError", async () => {
    const deep = `{"message":"m","x":${"[".repeat(5000)}${"]".repeat(5000)}}`;
    const server = await serve(reply(500, deep, { "content-type": "application/json" }));
    const { client } = clientOf(server.url);
    const error = (await rejectionOf(client.calls.create(createParams))) as SigmaMindError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.mayHaveTakenEffect).toBe(true);
  });

  test("a call without an id nested 5000 deep is yielded, not a RangeError", async () => {
    const item = `{"status":"ended","x":${"[".repeat(5000)}${"]".repeat(5000)}}`;
    const body = `{"data":[${item}],"page":0,"size":1,"totalCounts":1,"totalPages":1,"hasNext":false,"hasPrevious":false}`;
    const server = await serve(reply(200, body, { "content-type": "application/json" }));
    const { client } = clientOf(server.url);
    let count = 0;
    for await (const _ of client.calls.list()) count++;
    expect(count).toBe(1);
  });

  test.each([
    ["totalPages as a string", { totalPages: "many" }],
    ["page as an object", { page: { toString: 0 } }],
    ["totalCounts as null", { totalCounts: null }],
  ])("a list page with %s is a ResponseValidationError", async (_name, field) => {
    const server = await serve(json(200, { ...page, data: [{ callId: "c" }], hasNext: true, ...field }));
    const { client } = clientOf(server.url);
    await expect(client.calls.list()).rejects.toBeInstanceOf(ResponseValidationError);
  });

  test("a success body that is not JSON is kept to a bounded size", async () => {
    const server = await serve(reply(200, "x".repeat(2 * 1024 * 1024), { "content-type": "text/plain" }));
    const { client } = clientOf(server.url);
    const error = (await rejectionOf(client.calls.get("c"))) as APIError;
    expect((error.body as string).length).toBeLessThanOrEqual(64 * 1024);
    expect(error.bodyTruncated).toBe(true);
  });
});

describe("headers the platform handles itself", () => {
  test.each(["Transfer-Encoding", "content-length", "Connection", "Expect", "Upgrade", "Keep-Alive", "Host"])(
    "%s in per-call headers is an InvalidInputError, and nothing is sent",
    async (name) => {
      const server = await serve(json(200, { callId: "c" }));
      const { client } = clientOf(server.url);
      const error = await rejectionOf(client.calls.get("c", { headers: { [name]: "x" } }));
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(server.requests).toHaveLength(0);
    },
  );

  test("a per-call X-API-Key does not replace the client's key", async () => {
    const server = await serve(json(200, { callId: "c" }));
    const { client } = clientOf(server.url);
    await client.calls.get("c", { headers: { "x-api-key": "another" } });
    expect(server.requests[0]?.headers["x-api-key"]).toBe(API_KEY);
  });
});
