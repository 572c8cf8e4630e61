// POST /v1/calls places a real phone call: it is sent at most once, and when it may have reached the API its
// error says so, in a field and in words, and never invites a blind retry.
import { refusedUrl } from "@sigmamind/test-support/free-port";
import { describe, expect, test } from "vitest";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  BadRequestError,
  InternalServerError,
  ResponseParseError,
  SigmaMindError,
} from "../../src/index.js";
import { cutMidBody, hang, json, reply } from "../support/fault-server.js";
import { clientOf, rejectionOf, serve } from "../support/socket-client.js";

const createParams = { fromPhoneNumber: "+14155552671", toPhoneNumber: "+14155550123", agentId: "agent-1" };

function expectMayHaveBeenPlaced(error: Error) {
  expect(error).toBeInstanceOf(SigmaMindError);
  expect((error as SigmaMindError).mayHaveTakenEffect).toBe(true);
  expect(error.message).toMatch(/The call may have been placed/);
  expect(error.message).toMatch(/calls\.list\(\)/);
  expect(error.message).not.toMatch(/try again|retry/i);
  expect(error.message).not.toMatch(/attempt \d+ of \d+/);
}

describe("a create that may have reached the API", () => {
  test("a reset after the request was sent: sent once, says so, no attempt count", async () => {
    const server = await serve(cutMidBody('{"callId":"ca', { rst: true }));
    const { client, delays } = clientOf(server.url, { maxRetries: 3 });
    const error = await rejectionOf(client.calls.create(createParams));
    expect(error).toBeInstanceOf(APIConnectionError);
    expectMayHaveBeenPlaced(error);
    expect(error.message).not.toMatch(/Could not reach/);
    expect(server.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  test("a timeout: sent once, says so", async () => {
    const server = await serve(hang());
    // Long enough that the server, in this same process, has read the request before the timeout fires, even
    // when the test run stalls the event loop: with 100 ms, a stall left it unread and the count at 0.
    const { client } = clientOf(server.url, { maxRetries: 3, timeoutMs: 1_000 });
    const error = await rejectionOf(client.calls.create(createParams));
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expectMayHaveBeenPlaced(error);
    expect(server.requests).toHaveLength(1);
  });

  test("a 5xx: sent once, says so", async () => {
    const server = await serve(json(503, { error: "Service Unavailable", message: "down", status: 503 }));
    const { client } = clientOf(server.url, { maxRetries: 3 });
    const error = await rejectionOf(client.calls.create(createParams));
    expect(error).toBeInstanceOf(InternalServerError);
    expectMayHaveBeenPlaced(error);
    expect(server.requests).toHaveLength(1);
  });

  test("a success whose body cannot be read: the call was placed", async () => {
    const server = await serve(reply(201, "<html>ok</html>", { "content-type": "text/html" }));
    const { client } = clientOf(server.url);
    const error = await rejectionOf(client.calls.create(createParams));
    expect(error).toBeInstanceOf(ResponseParseError);
    expectMayHaveBeenPlaced(error);
  });

  test("the caller's abort after the request left: says so", async () => {
    const server = await serve(hang());
    const { client } = clientOf(server.url);
    const controller = new AbortController();
    const pending = client.calls.create(createParams, { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort();
    const error = await rejectionOf(pending);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expectMayHaveBeenPlaced(error);
  });

  test("a logger that throws changes nothing: the call resolves and is sent once", async () => {
    const server = await serve(json(201, { callId: "call-2", status: "scheduled" }));
    const explode = () => {
      throw new Error("logger broke");
    };
    const { client } = clientOf(server.url, {
      logLevel: "debug",
      logger: { error: explode, warn: explode, info: explode, debug: explode },
    });
    await expect(client.calls.create(createParams)).resolves.toMatchObject({ callId: "call-2" });
    expect(server.requests).toHaveLength(1);
  });

  test("a logger that throws does not turn a retried GET into a failure", async () => {
    const server = await serve([json(503, { message: "down" }), json(200, { callId: "call-1" })]);
    const explode = () => {
      throw new Error("logger broke");
    };
    const { client } = clientOf(server.url, {
      logLevel: "debug",
      logger: { error: explode, warn: explode, info: explode, debug: explode },
    });
    await expect(client.calls.get("call-1")).resolves.toEqual({ callId: "call-1" });
    expect(server.requests).toHaveLength(2);
  });
});

describe("a create the API certainly did not act on", () => {
  test("a refused connection: nothing was sent, so it is retried, and the error says it was not placed", async () => {
    const { url } = await refusedUrl();
    const { client, delays } = clientOf(url, { maxRetries: 2 });
    const error = (await rejectionOf(client.calls.create(createParams))) as SigmaMindError;
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.mayHaveTakenEffect).toBe(false);
    expect(error.message).toMatch(/3 attempts/);
    expect(delays).toHaveLength(2);
  });

  test("a 400: the API refused it, and says why", async () => {
    const server = await serve(json(400, { error: "Bad Request", message: "agent unknown", status: 400 }));
    const { client } = clientOf(server.url, { maxRetries: 3 });
    const error = (await rejectionOf(client.calls.create(createParams))) as SigmaMindError;
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.mayHaveTakenEffect).toBe(false);
    expect(error.message).not.toMatch(/may have been placed/);
  });

  test("a GET that fails is never said to have taken effect", async () => {
    const server = await serve(json(503, { message: "down" }));
    const { client } = clientOf(server.url, { maxRetries: 1 });
    const error = (await rejectionOf(client.calls.get("call-1"))) as SigmaMindError;
    expect(error.mayHaveTakenEffect).toBe(false);
  });
});

describe("a failed GET says what happened in its last attempt", () => {
  test("a reset after the request was sent is not called unreachable", async () => {
    const server = await serve(cutMidBody('{"data":[', { rst: true }));
    const { client } = clientOf(server.url, { maxRetries: 1 });
    const error = await rejectionOf(client.calls.list());
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.message).not.toMatch(/Could not reach/);
    expect(error.message).toMatch(/after 2 attempts/);
    expect(server.requests).toHaveLength(2);
  });
});
