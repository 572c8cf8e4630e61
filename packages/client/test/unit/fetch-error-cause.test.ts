// What a fetch rejected with stays the error's cause, but only what says why: a fetch of the caller's own that
// hangs the request on its error must not carry the key into util.inspect of the client's error.
import { inspect } from "node:util";
import { expect, test } from "vitest";
import { APIConnectionError, SigmaMind } from "../../src/index.js";

const KEY = "sm-live-0123456789abcdefghij";

test("a custom fetch rejecting with error.request: util.inspect of the error shows no key, and the cause still says why", async () => {
  const client = new SigmaMind({
    apiKey: KEY,
    maxRetries: 0,
    fetch: async (request) => {
      const failure = Object.assign(new TypeError("fetch failed"), {
        request,
        headers: request.headers,
        cause: Object.assign(new Error(`connect ECONNREFUSED for ${KEY}`), {
          code: "ECONNREFUSED",
          config: { request },
        }),
      });
      throw failure;
    },
  });
  const error = await client.calls.get("c").catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(APIConnectionError);
  const shown = inspect(error, { depth: 10, showHidden: true });
  expect(shown).not.toContain(KEY);
  expect(shown).not.toMatch(/x-api-key/i);
  const cause = (error as Error).cause as Error & { code?: string; cause?: Error & { code?: string } };
  expect(cause).toMatchObject({ name: "TypeError", message: "fetch failed" });
  expect(cause.cause).toMatchObject({ code: "ECONNREFUSED", message: "connect ECONNREFUSED for [redacted]" });
});
