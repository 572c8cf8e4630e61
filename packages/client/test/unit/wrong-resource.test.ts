// A body that names another call than the one asked for is refused, not handed over as if it were the call.
import { expect, test } from "vitest";
import { ResponseValidationError, SigmaMind } from "../../src/index.js";
import { fakeFetch, json } from "../support/fake-fetch.js";

const someoneElse = { callId: "call-SOMEONE-ELSE", status: "ended" };

function clientAnswering(body: unknown) {
  const fake = fakeFetch(() => json(200, body));
  return new SigmaMind({ apiKey: "test-key", fetch: fake.fetch, maxRetries: 0, sleep: async () => {} });
}

test("calls.get(id) answered with another call is a ResponseValidationError naming both ids", async () => {
  const error = await clientAnswering(someoneElse)
    .calls.get("call-a")
    .catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ResponseValidationError);
  expect(error).toMatchObject({ operation: "getCall", path: "callId" });
  expect((error as Error).message).toContain('"call-SOMEONE-ELSE"');
  expect((error as Error).message).toContain('"call-a"');
});

test("calls.waitFor(id) answered with another call rejects the same way instead of resolving with it", async () => {
  const error = await clientAnswering(someoneElse)
    .calls.waitFor("other", { timeoutMs: 1_000 })
    .catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ResponseValidationError);
  expect((error as Error).message).toContain('"call-SOMEONE-ELSE"');
});

test("the call asked for passes as before", async () => {
  await expect(clientAnswering({ ...someoneElse, callId: "call-a" }).calls.get("call-a")).resolves.toMatchObject({
    callId: "call-a",
  });
});
