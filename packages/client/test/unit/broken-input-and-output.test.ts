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
    const client = new SigmaMind({ apiKey: API_KEY, baseUrl: server.url, logLevel: "off" });
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
