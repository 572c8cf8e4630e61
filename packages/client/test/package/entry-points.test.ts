// The built ES module and CommonJS entries, loaded as Node loads them for users, make a real call.
import { createRequire } from "node:module";
import { describe, expect, test } from "vitest";

const page = { data: [], page: 0, size: 10, totalCounts: 0, totalPages: 0, hasNext: false, hasPrevious: false };
const fetchPage = async () => new Response(JSON.stringify(page), { headers: { "content-type": "application/json" } });

type Entry = typeof import("../../src/index.js");

describe.each([
  ["CommonJS", () => createRequire(import.meta.url)("../../dist/index.cjs") as Entry],
  ["ES module", async () => (await import(`${"../../dist/index.mjs"}`)) as Entry],
])("the %s build", (_name, load) => {
  test("lists calls and throws its own error classes", async () => {
    const { SigmaMind, SigmaMindError, NotFoundError } = await load();
    const client = new SigmaMind({ apiKey: "test-key", fetch: fetchPage });
    await expect(client.calls.list()).resolves.toMatchObject(page);
    expect(() => new SigmaMind({ apiKey: "test-key", baseUrl: "ftp://x" })).toThrow(SigmaMindError);
    const missing = new SigmaMind({
      apiKey: "test-key",
      maxRetries: 0,
      fetch: async () => new Response("", { status: 404 }),
    });
    await expect(missing.calls.get("call-1")).rejects.toBeInstanceOf(NotFoundError);
  });

  test("loads response validation on demand", async () => {
    const { SigmaMind, ResponseValidationError } = await load();
    const broken = async () => new Response(JSON.stringify({ ...page, hasNext: "no" }));
    const client = new SigmaMind({ apiKey: "test-key", fetch: broken, validateResponses: true });
    await expect(client.calls.list()).rejects.toBeInstanceOf(ResponseValidationError);
  });
});
