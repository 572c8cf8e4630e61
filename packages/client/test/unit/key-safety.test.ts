// The API key never leaves the X-API-Key header: not into errors, logs, pages, or any view of the client.
import { inspect } from "node:util";
import { describe, expect, test } from "vitest";
import { SigmaMind, SigmaMindError } from "../../src/index.js";
import { emptyPage, fakeFetch, json } from "../support/fake-fetch.js";
import { recordingSleep } from "../support/recording-sleep.js";

const SECRET = "sm-live-3f9a2c41d7e8b6a5c0f1e2d3";

function everyView(value: unknown): string[] {
  const views = [inspect(value, { depth: 20, showHidden: true, getters: true }), String(value)];
  try {
    views.push(JSON.stringify(value) ?? "");
  } catch {
    // Not every value serialises; the other views still count.
  }
  if (value instanceof Error) {
    views.push(value.message, value.stack ?? "", inspect(value.cause, { depth: 20 }));
  }
  return views;
}

function expectNoKey(value: unknown) {
  for (const view of everyView(value)) expect(view).not.toContain(SECRET);
}

async function errorFrom(answer: () => Response | Promise<Response>, run: (client: SigmaMind) => Promise<unknown>) {
  const { fetch } = fakeFetch(answer);
  const client = new SigmaMind({ apiKey: SECRET, fetch, sleep: recordingSleep().sleep });
  try {
    await run(client);
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

describe("the key never shows", () => {
  test("in any view of the client", () => {
    expectNoKey(new SigmaMind({ apiKey: SECRET }));
    expectNoKey(new SigmaMind({ apiKey: SECRET }).calls);
  });

  test("in any view of a page", async () => {
    const { fetch } = fakeFetch(() => json(200, { ...emptyPage, hasNext: true, data: [{ callId: "c", status: "x" }] }));
    const client = new SigmaMind({ apiKey: SECRET, fetch });
    const pages = client.calls.list();
    expectNoKey(pages);
    expectNoKey(await pages);
  });

  test.each([
    [
      "a 401 whose body echoes the key",
      () => json(401, { error: "Unauthorized", message: `bad key ${SECRET}`, status: 401 }),
    ],
    ["an HTML page echoing the key", () => new Response(`<p>key ${SECRET} refused</p>`, { status: 403 })],
    ["a 500", () => json(500, { error: "Internal Server Error", message: "boom", status: 500 })],
    ["a 429", () => json(429, {}, { "retry-after": "3600" })],
    ["a truncated success", () => new Response(`{"echo":"${SECRET}`, { status: 200 })],
    [
      "a connection failure",
      () => {
        throw new TypeError("fetch failed", { cause: Object.assign(new Error("reset"), { code: "ECONNRESET" }) });
      },
    ],
  ])("in an error from %s", async (_name, answer) => {
    const error = await errorFrom(answer, (client) => client.calls.list());
    expect(error).toBeInstanceOf(SigmaMindError);
    expectNoKey(error);
  });

  test("in the error for a key that is malformed", () => {
    try {
      new SigmaMind({ apiKey: `${SECRET}\nx` });
    } catch (error) {
      expectNoKey(error);
      return;
    }
    throw new Error("expected an error");
  });
});

describe("the key is not sent over plain http to another machine", () => {
  test.each(["http://api.sigmamind.ai", "http://10.0.0.5:8080", "http://example.com/sigmamind"])(
    "%s is refused",
    (baseUrl) => {
      expect(() => new SigmaMind({ apiKey: SECRET, baseUrl })).toThrow(/plain http.*allowInsecureHttp: true/);
    },
  );

  test.each(["http://127.0.0.1:4010", "http://localhost:4010", "http://[::1]:4010", "http://127.5.5.5"])(
    "%s, this machine, is allowed",
    (baseUrl) => {
      expect(new SigmaMind({ apiKey: SECRET, baseUrl }).baseUrl).toBe(baseUrl);
    },
  );

  test("allowInsecureHttp: true lets it through", () => {
    expect(new SigmaMind({ apiKey: SECRET, baseUrl: "http://10.0.0.5", allowInsecureHttp: true }).baseUrl).toBe(
      "http://10.0.0.5",
    );
  });
});
