// The key is removed wherever a server could echo it (header values, body strings and property names), and a
// short key only where it stands as a token of its own, so it does not mangle the words it is part of.
import { inspect } from "node:util";
import { describe, expect, test } from "vitest";
import { type APIError, ResponseValidationError } from "../../src/index.js";
import { json, reply } from "../support/fault-server.js";
import { clientOf, rejectionOf, serve } from "../support/socket-client.js";

describe("a short key", () => {
  test.each(["k", "t"])("%s does not mangle the words it is part of", async (apiKey) => {
    const body = { error: "Internal Server Error", message: "Call back later, check the network", status: 500 };
    const server = await serve(json(500, body));
    const { client } = clientOf(server.url, { apiKey, maxRetries: 0 });
    const error = (await rejectionOf(client.calls.list())) as APIError;
    expect(error.body).toEqual(body);
    expect(error.message).toContain("Call back later, check the network");
    expect(error.stack).not.toContain("[redacted]");
  });

  test("is removed where it stands as a word of its own, as a key the server echoed could", async () => {
    const body = { error: "Internal Server Error", message: "Call back later; Callback failed", status: 500 };
    const server = await serve(json(500, body));
    const { client } = clientOf(server.url, { apiKey: "Call", maxRetries: 0 });
    const error = (await rejectionOf(client.calls.list())) as APIError;
    expect(error.body).toEqual({ ...body, message: "[redacted] back later; Callback failed" });
    expect(error.message).not.toMatch(/\bCall\b/);
  });

  test("is removed where a whole value is the key", async () => {
    const server = await serve(
      json(401, { error: "Unauthorized", message: "bad key k", key: "k", k: 1 }, { "x-echo-key": "k" }),
    );
    const { client } = clientOf(server.url, { apiKey: "k" });
    const error = (await rejectionOf(client.calls.list())) as APIError;
    expect(error.body).toEqual({
      error: "Unauthorized",
      message: "bad key [redacted]",
      key: "[redacted]",
      "[redacted]": 1,
    });
    expect(error.headers.get("x-echo-key")).toBe("[redacted]");
  });
});

describe("a key the server echoes back", () => {
  const secret = "sm-live-3f9a2c41d7e8b6a5c0f1e2d3";

  test("in a response header is redacted in error.headers and in any view of the error", async () => {
    const server = await serve(json(401, { message: "no" }, { "x-echo-key": secret, "x-request-id": "req-1" }));
    const { client } = clientOf(server.url, { apiKey: secret });
    const error = (await rejectionOf(client.calls.list())) as APIError;
    expect(error.headers.get("x-echo-key")).toBe("[redacted]");
    expect(error.requestId).toBe("req-1");
    expect(inspect(error, { depth: 10, showHidden: true })).not.toContain(secret);
  });

  test("as a JSON property name is redacted", async () => {
    const server = await serve(json(400, { message: "bad", [secret]: true, nested: { [`x-${secret}`]: 1 } }));
    const { client } = clientOf(server.url, { apiKey: secret });
    const error = (await rejectionOf(client.calls.list())) as APIError;
    expect(JSON.stringify(error.body)).not.toContain(secret);
    expect(error.body).toMatchObject({ "[redacted]": true, nested: { "x-[redacted]": 1 } });
  });

  test("in a body that fails validation is redacted in ResponseValidationError.body", async () => {
    const server = await serve(json(200, { callId: 42, note: `key ${secret}` }));
    const { client } = clientOf(server.url, { apiKey: secret, validateResponses: true });
    const error = await rejectionOf(client.calls.get("c"));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(JSON.stringify((error as ResponseValidationError).body)).not.toContain(secret);
    expect(inspect(error, { depth: 10 })).not.toContain(secret);
  });
});

describe("a key in what is cut or named", () => {
  const secret = "sm-live-3f9a2c41d7e8b6a5c0f1e2d3";

  test("a key cut by the 64 KiB limit leaves none of its start at the end of error.body", async () => {
    const server = await serve(reply(500, `${"x".repeat(65536 - 10)}${secret}${"y".repeat(100)}`));
    const { client } = clientOf(server.url, { apiKey: secret, maxRetries: 0 });
    const error = (await rejectionOf(client.calls.list())) as APIError;
    expect(error.bodyTruncated).toBe(true);
    expect(error.body).toBe("x".repeat(65536 - 10));
  });

  test("a response header named after the key is dropped from error.headers", async () => {
    const server = await serve(json(401, { message: "no" }, { [`x-${secret}`]: "1", "x-request-id": "req-1" }));
    const { client } = clientOf(server.url, { apiKey: secret });
    const error = (await rejectionOf(client.calls.list())) as APIError;
    expect([...error.headers.keys()].join(" ")).not.toContain(secret);
    expect(error.requestId).toBe("req-1");
  });
});
