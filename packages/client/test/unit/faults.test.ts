import { inspect } from "node:util";
import { refusedUrl } from "@sigmamind/test-support/free-port";
import { describe, expect, test } from "vitest";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  type APIError,
  APIUserAbortError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
  ResponseParseError,
  ResponseValidationError,
  SigmaMind,
  SigmaMindError,
} from "../../src/index.js";
import {
  cutMidBody,
  empty,
  type FaultServer,
  hang,
  html,
  json,
  raw,
  reply,
  stallMidBody,
} from "../support/fault-server.js";
import { API_KEY, clientOf, rejectionOf, serve } from "../support/socket-client.js";

const endedCall = { callId: "call-1", status: "ended", callType: "inbound", createdAt: "2021-04-20T10:00:00.000Z" };
const listPage = {
  data: [endedCall],
  page: 0,
  size: 10,
  totalCounts: 1,
  totalPages: 1,
  hasNext: false,
  hasPrevious: false,
};
const createParams = { fromPhoneNumber: "+14155552671", toPhoneNumber: "+14155550123", agentId: "agent-1" };
const createdCall = { callId: "call-2", status: "scheduled" };

/** Retry n (from 1) waits up to 500 ms × 2^(n-1), capped at 8 s, less up to 25% jitter. */
function expectExponentialBackoff(delays: number[]) {
  delays.forEach((delay, index) => {
    const ceiling = Math.min(500 * 2 ** index, 8_000);
    expect(delay).toBeGreaterThanOrEqual(ceiling * 0.75);
    expect(delay).toBeLessThanOrEqual(ceiling);
  });
}

describe("a connection reset in the middle of the body", () => {
  test("a GET is retried and succeeds when the next attempt answers", async () => {
    const server = await serve([cutMidBody('{"data":[{"callId":"ca'), json(200, listPage)]);
    const { client, delays } = clientOf(server.url);
    await expect(client.calls.list()).resolves.toEqual(listPage);
    expect(server.requests).toHaveLength(2);
    expect(delays).toHaveLength(1);
    expectExponentialBackoff(delays);
  });

  test("a GET cut by a TCP reset (not a clean close) is retried too", async () => {
    const server = await serve([cutMidBody('{"data":[{"callId":"ca', { rst: true }), json(200, listPage)]);
    const { client } = clientOf(server.url);
    await expect(client.calls.list()).resolves.toEqual(listPage);
    expect(server.requests).toHaveLength(2);
  });

  test("with maxRetries: 0 it is an APIConnectionError raised after the status line arrived", async () => {
    const server = await serve(cutMidBody('{"data":[{"callId":"ca'));
    const statuses: number[] = [];
    // Still the global fetch; the wrapper only proves the headers were in before the failure.
    const { client, delays } = clientOf(server.url, {
      maxRetries: 0,
      fetch: async (request, init) => {
        const response = await fetch(request, init);
        statuses.push(response.status);
        return response;
      },
    });
    const error = await rejectionOf(client.calls.list());
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).not.toBeInstanceOf(APIConnectionTimeoutError);
    expect(error.message).toContain(
      `The connection to the SigmaMind API at ${server.url} failed after the request was sent`,
    );
    expect(statuses).toEqual([200]);
    expect(server.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  test("a POST that may have reached the server is never sent again", async () => {
    const server = await serve([cutMidBody('{"callId":"ca'), json(200, createdCall)]);
    const { client, delays } = clientOf(server.url, { maxRetries: 3 });
    const error = await rejectionOf(client.calls.create(createParams));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(server.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });
});

describe("a port fetch refuses to use (1, 22, 25 and the like: fetch's list of bad ports)", () => {
  test("nothing was sent: a create says so, not that it may have been placed", async () => {
    const { client } = clientOf("http://127.0.0.1:1", { maxRetries: 0 });
    const error = await rejectionOf(client.calls.create(createParams));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.message).toBe(
      "Could not reach the SigmaMind API at http://127.0.0.1:1 (bad port). Check the network and baseUrl, then try again.",
    );
    expect((error as APIConnectionError).mayHaveTakenEffect).toBe(false);
  });
});

describe("a refused connection", () => {
  test("a GET is an APIConnectionError after maxRetries + 1 attempts", async () => {
    const { url } = await refusedUrl();
    const { client, delays } = clientOf(url, { maxRetries: 2 });
    const error = await rejectionOf(client.calls.list());
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).not.toBeInstanceOf(APIConnectionTimeoutError);
    expect(error.message).toContain(
      `Could not reach the SigmaMind API at ${url} (ECONNREFUSED); gave up after 3 attempts.`,
    );
    expect(delays).toHaveLength(2);
    expectExponentialBackoff(delays);
  });

  test("a POST is retried, since nothing was sent", async () => {
    const { url } = await refusedUrl();
    const { client, delays } = clientOf(url, { maxRetries: 2 });
    const error = await rejectionOf(client.calls.create(createParams));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.message).toContain("gave up after 3 attempts");
    expect(delays).toHaveLength(2);
  });

  test("a POST reaches a server that comes up during the backoff, exactly once", async () => {
    const { url, port } = await refusedUrl();
    let server: FaultServer | undefined;
    const delays: number[] = [];
    const client = new SigmaMind({
      apiKey: API_KEY,
      baseUrl: url,
      maxRetries: 2,
      logLevel: "off",
      sleep: async (ms) => {
        delays.push(ms);
        server ??= await serve(json(200, createdCall), { port });
      },
    });
    await expect(client.calls.create(createParams)).resolves.toEqual(createdCall);
    expect(delays).toHaveLength(1);
    expect(server?.requests).toHaveLength(1);
    expect(server?.requests[0]?.method).toBe("POST");
    expect(JSON.parse(server?.requests[0]?.body ?? "")).toEqual(createParams);
  });
});

describe("a server that accepts and never answers", () => {
  test("a GET times out on every attempt: APIConnectionTimeoutError after maxRetries + 1 requests", async () => {
    const server = await serve(hang());
    const { client, delays } = clientOf(server.url, { maxRetries: 2, timeoutMs: 200 });
    const error = await rejectionOf(client.calls.list());
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.message).toContain("did not answer within 200 ms; gave up after 3 attempts");
    expect(server.requests).toHaveLength(3);
    expect(delays).toHaveLength(2);
  });

  test("a GET that hangs once then answers succeeds", async () => {
    const server = await serve([hang(), json(200, listPage)]);
    const { client } = clientOf(server.url, { maxRetries: 1, timeoutMs: 200 });
    await expect(client.calls.list()).resolves.toEqual(listPage);
    expect(server.requests).toHaveLength(2);
  });

  test("a POST that times out is not retried", async () => {
    const server = await serve([hang(), json(200, createdCall)]);
    // Long enough that the server, in this same process, has read the request before the timeout fires, even
    // when the test run stalls the event loop.
    const { client, delays } = clientOf(server.url, { maxRetries: 3, timeoutMs: 1_000 });
    const error = await rejectionOf(client.calls.create(createParams));
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(server.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  test("aborting while the server hangs is an APIUserAbortError, not retried", async () => {
    const controller = new AbortController();
    const server = await serve(() => {
      controller.abort();
      return hang();
    });
    const { client, delays } = clientOf(server.url, { maxRetries: 3 });
    const error = await rejectionOf(client.calls.list({}, { signal: controller.signal }));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(error).not.toBeInstanceOf(APIConnectionError);
    expect(server.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  test("a body that stalls after the headers is a timeout too, not a hang", async () => {
    const server = await serve(stallMidBody('{"data":['));
    const { client } = clientOf(server.url, { maxRetries: 0 });
    const error = await rejectionOf(client.calls.list({}, { timeoutMs: 200 }));
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(server.requests).toHaveLength(1);
  });
});

describe("server errors", () => {
  test("500, 502, 503 then 200: the list resolves after three backed-off retries", async () => {
    const server = await serve([
      json(500, { error: "Internal Server Error", message: "boom", status: 500 }),
      html(502, "<html><body>Bad Gateway</body></html>"),
      empty(503),
      json(200, listPage),
    ]);
    const { client, delays } = clientOf(server.url, { maxRetries: 3 });
    await expect(client.calls.list()).resolves.toEqual(listPage);
    expect(server.requests).toHaveLength(4);
    expect(delays).toHaveLength(3);
    expectExponentialBackoff(delays);
  });

  test("when every attempt fails, the last status surfaces", async () => {
    const server = await serve(json(503, { error: "Service Unavailable", message: "down", status: 503 }));
    const { client, delays } = clientOf(server.url, { maxRetries: 2 });
    const error = await rejectionOf(client.calls.list());
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as APIError).status).toBe(503);
    expect(server.requests).toHaveLength(3);
    expect(delays).toHaveLength(2);
  });

  test("a 503 to a POST create is not retried", async () => {
    const server = await serve([json(503, { error: "Service Unavailable", message: "down" }), json(200, createdCall)]);
    const { client, delays } = clientOf(server.url, { maxRetries: 3 });
    const error = await rejectionOf(client.calls.create(createParams));
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as APIError).status).toBe(503);
    expect(server.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });
});

describe("429 Too Many Requests", () => {
  const tooMany = (headers: Record<string, string>) =>
    json(429, { error: "Too Many Requests", message: "slow down", status: 429 }, headers);

  test("Retry-After in seconds is waited exactly", async () => {
    const server = await serve([tooMany({ "retry-after": "2" }), json(200, listPage)]);
    const { client, delays } = clientOf(server.url);
    await expect(client.calls.list()).resolves.toEqual(listPage);
    expect(delays).toEqual([2_000]);
    expect(server.requests).toHaveLength(2);
  });

  test("Retry-After as an HTTP date is waited until that second", async () => {
    const server = await serve((_request, index) =>
      index === 0 ? tooMany({ "retry-after": new Date(Date.now() + 3_000).toUTCString() }) : json(200, listPage),
    );
    const { client, delays } = clientOf(server.url);
    await expect(client.calls.list()).resolves.toEqual(listPage);
    expect(delays).toHaveLength(1);
    // An HTTP date has one-second resolution, so up to a second of the wait is truncated away.
    expect(delays[0]).toBeGreaterThanOrEqual(1_000);
    expect(delays[0]).toBeLessThanOrEqual(3_000);
  });

  test("retry-after-ms is waited exactly", async () => {
    const server = await serve([tooMany({ "retry-after-ms": "150" }), json(200, listPage)]);
    const { client, delays } = clientOf(server.url);
    await expect(client.calls.list()).resolves.toEqual(listPage);
    expect(delays).toEqual([150]);
  });

  test("a Retry-After beyond the 60 s cap is not waited: RateLimitError at once", async () => {
    const server = await serve(tooMany({ "retry-after": "120" }));
    const { client, delays, logs } = clientOf(server.url, { maxRetries: 3 });
    const error = await rejectionOf(client.calls.list());
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).status).toBe(429);
    expect((error as RateLimitError).retryAfterMs).toBe(120_000);
    expect(server.requests).toHaveLength(1);
    expect(delays).toEqual([]);
    expect(logs.join("\n")).toContain("asked to wait 120000 ms before a retry, longer than allowed");
  });
});

describe("a body that is not the documented JSON", () => {
  test("truncated JSON on a 200 is a ResponseParseError keeping the raw text, not retried", async () => {
    const truncated = '{"data":[{"callId":"call-1","status":"en';
    const server = await serve(reply(200, truncated, { "content-type": "application/json" }));
    const { client, delays } = clientOf(server.url);
    const error = await rejectionOf(client.calls.list());
    expect(error).toBeInstanceOf(ResponseParseError);
    expect((error as ResponseParseError).status).toBe(200);
    expect((error as ResponseParseError).body).toBe(truncated);
    expect(error.message).toContain("not valid JSON (content-type application/json)");
    expect(server.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  test("JSON cut where a close-delimited body ends is a ResponseParseError keeping the raw text", async () => {
    const truncated = '{"data":[{"callId":"call-1"';
    const server = await serve(
      raw(`HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nconnection: close\r\n\r\n${truncated}`),
    );
    const { client } = clientOf(server.url);
    const error = await rejectionOf(client.calls.list());
    expect(error).toBeInstanceOf(ResponseParseError);
    expect((error as ResponseParseError).body).toBe(truncated);
  });

  test("an HTML 502 page is an InternalServerError whose body is the HTML", async () => {
    const page =
      "<html>\n<head><title>502 Bad Gateway</title></head>\n<body><h1>502 Bad Gateway</h1></body>\n</html>\n";
    const server = await serve(html(502, page));
    const { client } = clientOf(server.url, { maxRetries: 0 });
    const error = await rejectionOf(client.calls.list());
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as APIError).status).toBe(502);
    expect((error as APIError).body).toBe(page);
    expect(error.message).toContain("502 Bad Gateway");
    expect(server.requests).toHaveLength(1);
  });

  test("an empty 200 to calls.get is a ResponseParseError", async () => {
    const server = await serve(empty(200));
    const { client } = clientOf(server.url);
    const error = await rejectionOf(client.calls.get("call-1"));
    expect(error).toBeInstanceOf(ResponseParseError);
    expect((error as ResponseParseError).body).toBeUndefined();
    expect(error.message).toContain("empty body");
    expect(server.requests).toHaveLength(1);
  });

  test("an empty chunked 200 to calls.get is the same ResponseParseError, body undefined", async () => {
    const server = await serve(
      raw("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n0\r\n\r\n"),
    );
    const { client } = clientOf(server.url);
    const error = await rejectionOf(client.calls.get("call-1"));
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error.message).toContain("empty body");
    // APIError.body is documented as `undefined` when the body is empty, whatever its framing.
    expect((error as ResponseParseError).body).toBeUndefined();
  });

  test("an empty 404 is a NotFoundError with no body", async () => {
    const server = await serve(empty(404));
    const { client } = clientOf(server.url);
    const error = await rejectionOf(client.calls.get("call-1"));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).status).toBe(404);
    expect((error as NotFoundError).body).toBeUndefined();
    expect(server.requests).toHaveLength(1);
  });
});

describe("a 200 that breaks the schema", () => {
  const withDurationAsString = { ...listPage, data: [{ ...endedCall, duration: "120" }] };

  test("with validateResponses it is a ResponseValidationError naming the operation and path", async () => {
    const server = await serve(json(200, withDurationAsString));
    const { client } = clientOf(server.url, { validateResponses: true });
    const error = await rejectionOf(client.calls.list());
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toBeInstanceOf(SigmaMindError);
    const validation = error as ResponseValidationError;
    expect(validation.operation).toBe("listCalls");
    expect(validation.path).toBe("data[0].duration");
    expect(validation.status).toBe(200);
    expect(validation.body).toEqual(withDurationAsString);
    expect(error.message).toContain("at data[0].duration: must be integer,null (got string)");
    expect(server.requests).toHaveLength(1);
  });

  test("a missing required callId is reported at the item that lacks it", async () => {
    const { callId: _, ...withoutCallId } = endedCall;
    const server = await serve(json(200, { ...listPage, data: [withoutCallId] }));
    const { client } = clientOf(server.url, { validateResponses: true });
    const error = await rejectionOf(client.calls.list());
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).path).toBe("data[0]");
    expect(error.message).toContain("must have required property 'callId'");
  });

  test("with validation off the same body resolves as sent", async () => {
    const server = await serve(json(200, withDurationAsString));
    const { client } = clientOf(server.url);
    await expect(client.calls.list()).resolves.toEqual(withDurationAsString);
  });

  test("a valid page passes validation", async () => {
    const server = await serve(json(200, listPage));
    const { client } = clientOf(server.url, { validateResponses: true });
    await expect(client.calls.list()).resolves.toEqual(listPage);
  });
});

describe("no error ever shows the API key", () => {
  const scenarios: [string, () => Promise<{ error: Error; server?: FaultServer; logs: string[] }>][] = [
    [
      "reset mid-body",
      async () => {
        const server = await serve(cutMidBody("{", { rst: true }));
        const { client, logs } = clientOf(server.url, { maxRetries: 1, logLevel: "debug" });
        return { error: await rejectionOf(client.calls.list()), server, logs };
      },
    ],
    [
      "connection refused",
      async () => {
        const { client, logs } = clientOf((await refusedUrl()).url, { maxRetries: 1, logLevel: "debug" });
        return { error: await rejectionOf(client.calls.create(createParams)), logs };
      },
    ],
    [
      "timeout",
      async () => {
        const server = await serve(hang());
        const { client, logs } = clientOf(server.url, { maxRetries: 1, timeoutMs: 50, logLevel: "debug" });
        return { error: await rejectionOf(client.calls.list()), server, logs };
      },
    ],
    [
      "503 after retries",
      async () => {
        const server = await serve(json(503, { error: "Service Unavailable", message: "down" }));
        const { client, logs } = clientOf(server.url, { maxRetries: 1, logLevel: "debug" });
        return { error: await rejectionOf(client.calls.list()), server, logs };
      },
    ],
    [
      "429 past the cap",
      async () => {
        const server = await serve(json(429, { message: "slow down" }, { "retry-after": "120" }));
        const { client, logs } = clientOf(server.url, { logLevel: "debug" });
        return { error: await rejectionOf(client.calls.list()), server, logs };
      },
    ],
    [
      "HTML error page",
      async () => {
        const server = await serve(html(502, "<h1>502 Bad Gateway</h1>"));
        const { client, logs } = clientOf(server.url, { maxRetries: 0, logLevel: "debug" });
        return { error: await rejectionOf(client.calls.list()), server, logs };
      },
    ],
    [
      "truncated JSON",
      async () => {
        const server = await serve(reply(200, '{"data":[', { "content-type": "application/json" }));
        const { client, logs } = clientOf(server.url, { logLevel: "debug" });
        return { error: await rejectionOf(client.calls.get("call-1")), server, logs };
      },
    ],
    [
      "empty 404",
      async () => {
        const server = await serve(empty(404));
        const { client, logs } = clientOf(server.url, { logLevel: "debug" });
        return { error: await rejectionOf(client.calls.get("call-1")), server, logs };
      },
    ],
    [
      "schema violation",
      async () => {
        const server = await serve(json(200, { ...listPage, data: [{ callId: 1, status: "ended" }] }));
        const { client, logs } = clientOf(server.url, { validateResponses: true, logLevel: "debug" });
        return { error: await rejectionOf(client.calls.list()), server, logs };
      },
    ],
  ];

  test.each(scenarios)("%s", async (_name, provoke) => {
    const { error, server, logs } = await provoke();
    expect(error).toBeInstanceOf(SigmaMindError);
    // The key did go out, so its absence below is not for lack of it being in play.
    for (const request of server?.requests ?? []) expect(request.headers["x-api-key"]).toBe(API_KEY);
    const renderings = {
      message: error.message,
      string: String(error),
      inspect: inspect(error, { depth: 10 }),
      json: JSON.stringify(error),
      logs: logs.join("\n"),
    };
    for (const [how, text] of Object.entries(renderings)) expect(text, how).not.toContain(API_KEY);
  });
});
