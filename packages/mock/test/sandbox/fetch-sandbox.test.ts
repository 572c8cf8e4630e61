// The behaviour suite against the sandbox's own fetch function: in-process, no socket, no MSW.
import { afterAll, expect, test } from "vitest";
import { createSandbox } from "../../src/sandbox/sandbox.js";
import { describeSandboxBehaviour } from "./behaviour.js";

const shared = createSandbox();

describeSandboxBehaviour({
  name: "the in-process fetch",
  shared: () => shared,
  start: async (options) => createSandbox(options),
});

afterAll(() => {
  expect(shared.violations).toEqual([]);
});

test("answers at a host that never resolves unless told otherwise", () => {
  expect(shared.url).toBe("https://sandbox.sigmamind.invalid");
  expect(createSandbox({ baseUrl: "http://127.0.0.1:9/api/" }).url).toBe("http://127.0.0.1:9/api");
});

test("a base URL with a path: the sandbox's paths start after it, and a request outside it is a 404", async () => {
  const nested = createSandbox({ baseUrl: "https://nested.sandbox.invalid/api" });
  const inside = await nested.fetch(`${nested.url}/v1/calls?size=1`, { headers: { "x-api-key": "k" } });
  expect((await inside.json()).totalCounts).toBe(57);
  const outside = await nested.fetch("https://nested.sandbox.invalid/v1/calls", { headers: { "x-api-key": "k" } });
  expect(outside.status).toBe(404);
});

test("a request body that fails as it is read rejects as the platform's fetch does: a TypeError, the reason as cause", async () => {
  const failing = new ReadableStream({
    pull(controller) {
      controller.error(new Error("boom"));
    },
  });
  const sent = shared.fetch(`${shared.url}/v1/calls`, {
    method: "POST",
    headers: { "x-api-key": "k", "content-type": "application/json" },
    body: failing,
    duplex: "half",
  } as RequestInit);
  await expect(sent).rejects.toMatchObject({ name: "TypeError", message: "fetch failed", cause: { message: "boom" } });
});

test("bad options are refused in words", () => {
  expect(() => createSandbox({ baseUrl: "sandbox" })).toThrow(/baseUrl must be a URL/);
  expect(() => createSandbox({ clock: "fast" as "real" })).toThrow(/clock must be "manual" or "real"/);
  expect(() => createSandbox({ speed: 60 })).toThrow(/only with clock: "real"/);
  expect(() => createSandbox({ maxWorlds: 0 })).toThrow(/maxWorlds/);
  expect(() => createSandbox({ calls: -1 })).toThrow(/calls/);
});
