import { describe, expect, test } from "vitest";
import {
  APIConnectionError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ResponseParseError,
  SigmaMind,
  SigmaMindError,
  UnprocessableEntityError,
} from "../../src/index.js";
import { emptyPage, fakeFetch, json } from "../support/fake-fetch.js";

const SECRET = "sm-live-3f9a2c41d7e8b6a5c0f1e2d3";
const springError = (status: number, error: string, message: string) => ({
  error,
  message,
  path: "/v1/calls",
  status,
  timestamp: "2026-05-05T10:06:43.893Z",
});

function clientAnswering(response: () => Response | Promise<Response>) {
  // No retries: these tests are about how one response surfaces; retries have their own tests.
  return new SigmaMind({ apiKey: SECRET, fetch: fakeFetch(response).fetch, maxRetries: 0 });
}

async function errorOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the promise to reject");
}

describe("each status surfaces as its own class", () => {
  test.each(
    [
      [400, BadRequestError],
      [401, AuthenticationError],
      [403, PermissionDeniedError],
      [404, NotFoundError],
      [409, ConflictError],
      [422, UnprocessableEntityError],
      [429, RateLimitError],
      [500, InternalServerError],
      [502, InternalServerError],
      [503, InternalServerError],
      [418, APIError],
    ].map(([status, ErrorClass]) => ({ status: status as number, ErrorClass: ErrorClass as typeof APIError })),
  )("$status → $ErrorClass.name", async ({ status, ErrorClass }) => {
    const body = springError(status, "Reason", "Something specific went wrong");
    const error = await errorOf(clientAnswering(() => json(status, body, { "x-request-id": "req_123" })).calls.list());
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toBeInstanceOf(SigmaMindError);
    const apiError = error as APIError;
    expect(apiError.status).toBe(status);
    expect(apiError.body).toEqual(body);
    expect(apiError.error).toEqual(body);
    expect(apiError.requestId).toBe("req_123");
    expect(apiError.headers.get("content-type")).toBe("application/json");
    expect(apiError.message).toContain(`${status} Reason from the SigmaMind API: Something specific went wrong.`);
    expect(apiError.message).not.toContain(SECRET);
  });
});

describe("a body that is not the documented JSON never throws a parse error at the caller", () => {
  test("an HTML error page becomes the status's class with the raw text kept", async () => {
    const html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    const error = await errorOf(
      clientAnswering(() => new Response(html, { status: 502, headers: { "content-type": "text/html" } })).calls.list(),
    );
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as APIError).body).toBe(html);
    expect(error.message).toContain("502 Bad Gateway");
  });

  test("an empty error body", async () => {
    const error = await errorOf(clientAnswering(() => new Response(null, { status: 404 })).calls.get("call-1"));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as APIError).body).toBeUndefined();
    expect(error.message).toMatch(/404 error from the SigmaMind API: no details in the response/);
  });

  test("a success with truncated JSON is a ResponseParseError keeping the text", async () => {
    const error = await errorOf(
      clientAnswering(() => new Response('{"data":[{"callId":"c', { status: 200 })).calls.list(),
    );
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).body).toBe('{"data":[{"callId":"c');
    expect(error.message).toMatch(/not valid JSON/);
  });

  test("a success with an empty body where JSON was expected", async () => {
    const error = await errorOf(clientAnswering(() => new Response("", { status: 200 })).calls.get("call-1"));
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error.message).toMatch(/empty body/);
  });

  test("delete accepts any success body, or none", async () => {
    await expect(clientAnswering(() => new Response("OK")).calls.delete("call-1")).resolves.toBeUndefined();
    await expect(clientAnswering(() => new Response(null)).calls.delete("call-1")).resolves.toBeUndefined();
  });
});

describe("requests that get no response", () => {
  test("a network failure is an APIConnectionError saying where it tried", async () => {
    const error = await errorOf(
      clientAnswering(() => {
        throw new TypeError("fetch failed", { cause: Object.assign(new Error("connect"), { code: "ECONNREFUSED" }) });
      }).calls.list(),
    );
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.message).toContain("at https://api.sigmamind.ai (ECONNREFUSED");
    expect(error.message).not.toContain(SECRET);
  });

  test("an aborted signal is an APIUserAbortError", async () => {
    const controller = new AbortController();
    const client = clientAnswering(() => {
      controller.abort();
      throw new DOMException("aborted", "AbortError");
    });
    const error = await errorOf(client.calls.list({}, { signal: controller.signal }));
    expect(error).toBeInstanceOf(APIUserAbortError);
  });

  test("as the README says: classes of their own under SigmaMindError, never APIErrors, which always have a status", async () => {
    const refused = await errorOf(
      clientAnswering(() => {
        throw new TypeError("fetch failed");
      }).calls.list(),
    );
    const controller = new AbortController();
    controller.abort();
    const aborted = await errorOf(
      clientAnswering(() => json(200, emptyPage)).calls.list({}, { signal: controller.signal }),
    );
    for (const error of [refused, aborted]) {
      expect(error).toBeInstanceOf(SigmaMindError);
      expect(error).not.toBeInstanceOf(APIError);
    }
    expect(refused).toBeInstanceOf(APIConnectionError);
    expect(aborted).toBeInstanceOf(APIUserAbortError);
    const answered = await errorOf(clientAnswering(() => json(503, {})).calls.list({}, { maxRetries: 0 }));
    expect(answered).toBeInstanceOf(APIError);
    expect((answered as APIError).status).toBe(503);
  });
});
