import { inspect } from "node:util";
import { afterEach, describe, expect, test, vi } from "vitest";
import { InvalidInputError, SigmaMind, SigmaMindError } from "../../src/index.js";
import { emptyPage, fakeFetch, json } from "../support/fake-fetch.js";

const SECRET = "sm-live-3f9a2c41d7e8b6a5c0f1e2d3";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the API key", () => {
  test("is read from SIGMAMIND_API_KEY when not passed, and sent as X-API-Key", async () => {
    vi.stubEnv("SIGMAMIND_API_KEY", SECRET);
    const { fetch, requests } = fakeFetch(() => json(200, emptyPage));
    await new SigmaMind({ fetch }).calls.list();
    expect(requests[0]?.headers.get("x-api-key")).toBe(SECRET);
  });

  test("passed as an option wins over the environment", async () => {
    vi.stubEnv("SIGMAMIND_API_KEY", "from-env");
    const { fetch, requests } = fakeFetch(() => json(200, emptyPage));
    await new SigmaMind({ apiKey: SECRET, fetch }).calls.list();
    expect(requests[0]?.headers.get("x-api-key")).toBe(SECRET);
  });

  test("a missing key is an error that names the variable to set", () => {
    vi.stubEnv("SIGMAMIND_API_KEY", "");
    expect(() => new SigmaMind()).toThrow(SigmaMindError);
    expect(() => new SigmaMind()).toThrow(/SIGMAMIND_API_KEY/);
    expect(() => new SigmaMind({ apiKey: "   " })).toThrow(/SIGMAMIND_API_KEY/);
  });

  test("a key with a line break is refused without echoing it", () => {
    const error = captureError(() => new SigmaMind({ apiKey: `${SECRET}\r\nX-Evil: 1` }));
    expect(error.message).toMatch(/control characters/);
    expect(error.message).not.toContain(SECRET);
  });

  test("a custom header cannot replace the key", async () => {
    const { fetch, requests } = fakeFetch(() => json(200, emptyPage));
    await new SigmaMind({ apiKey: SECRET, fetch, headers: { "X-API-Key": "other" } }).calls.list();
    expect(requests[0]?.headers.get("x-api-key")).toBe(SECRET);
  });

  test("never shows in util.inspect, JSON.stringify or String of the client", () => {
    const client = new SigmaMind({ apiKey: SECRET });
    expect(inspect(client, { depth: 10, showHidden: true })).not.toContain(SECRET);
    expect(JSON.stringify(client)).not.toContain(SECRET);
    expect(String(client)).not.toContain(SECRET);
  });
});

describe("baseUrl", () => {
  test.each([
    [undefined, "https://api.sigmamind.ai/v1/calls"],
    ["http://127.0.0.1:4010", "http://127.0.0.1:4010/v1/calls"],
    ["http://127.0.0.1:4010/", "http://127.0.0.1:4010/v1/calls"],
    ["https://gateway.example.com/sigmamind/", "https://gateway.example.com/sigmamind/v1/calls"],
  ])("%s → %s", async (baseUrl, expected) => {
    const { fetch, requests } = fakeFetch(() => json(200, emptyPage));
    await new SigmaMind({ apiKey: SECRET, baseUrl, fetch }).calls.list();
    expect(requests[0]?.url).toBe(expected);
  });

  test("is read from SIGMAMIND_BASE_URL when not passed", () => {
    vi.stubEnv("SIGMAMIND_BASE_URL", "http://127.0.0.1:9999/");
    expect(new SigmaMind({ apiKey: SECRET }).baseUrl).toBe("http://127.0.0.1:9999");
  });
});

describe("bad options fail at construction, naming the option", () => {
  test.each([
    [null, /options must be an object/],
    [{ apiKey: 42 }, /apiKey must be a string, got a number/],
    [{ apiKey: SECRET, baseUrl: "not a url" }, /baseUrl "not a url" is not a URL/],
    [{ apiKey: SECRET, baseUrl: "ftp://example.com" }, /baseUrl must use https: or http:/],
    [{ apiKey: SECRET, baseUrl: "https://user:pw@example.com" }, /baseUrl must not carry credentials/],
    [{ apiKey: SECRET, fetch: "fetch" }, /fetch must be a function, got a string/],
    [
      { apiKey: SECRET, headers: { "X-Trace": 1 } },
      /headers has "X-Trace" that must be a header value without line breaks or control characters, got a number/,
    ],
    [
      { apiKey: SECRET, headers: new Headers({ "X-Trace": "1" }) },
      /headers must be an object, got an instance of Headers/,
    ],
    [
      { apiKey: SECRET, timeoutMs: 0 },
      /timeoutMs must be a positive number of milliseconds, at most 2147483647 \(about 24\.8 days\), got 0/,
    ],
    [{ apiKey: SECRET, maxRetries: 11 }, /maxRetries must be a whole number from 0 to 10, got 11/],
    [{ apiKey: SECRET, validateResponses: "yes" }, /validateResponses must be true or false, got a string/],
    [{ apiKey: SECRET, logger: { error() {} } }, /logger must have error, warn, info and debug methods/],
    [{ apiKey: SECRET, apikey: SECRET }, /unknown option "apikey"/],
  ])("%o", (options, message) => {
    const error = captureError(() => new SigmaMind(options as never));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toBeInstanceOf(SigmaMindError);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain(SECRET);
  });
});

function captureError(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected an error");
}
