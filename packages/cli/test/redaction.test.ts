// The API key is kept out of everything printed, without mangling the words around it when it is short. The rule
// itself is tested with @sigmamind/error-text.
import { readFileSync } from "node:fs";
import { refusedUrl } from "@sigmamind/test-support/free-port";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type FakeApi, startFakeApi } from "./support/fake-api.js";
import { runInProcess } from "./support/run-in-process.js";

describe("errors printed with a short key", () => {
  test("a network error keeps its words intact with SIGMAMIND_API_KEY=k", async () => {
    const { code, stderr } = await runInProcess(["calls", "list", "--max-retries", "0"], {
      env: { SIGMAMIND_API_KEY: "k", SIGMAMIND_BASE_URL: (await refusedUrl()).url },
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^sigmamind: Could not reach the SigmaMind API at http:\/\/127\.0\.0\.1:\d+ /);
    expect(stderr).toContain("Check the network");
    expect(stderr).not.toContain("[redacted]");
  });
});

describe("the length from which a key is redacted even glued to other text, as the README says", () => {
  let api: FakeApi;
  let echoed = "";
  beforeAll(async () => {
    api = await startFakeApi(() => ({ status: 500, body: { message: `token=x${echoed}y` } }));
  });
  afterAll(() => api.close());

  test.each([
    // 15 characters: glued to letters, it is left alone (a short key could be part of any word).
    ["Ab3dEf7hIj2kLmN", false],
    // 16 characters: replaced wherever it appears.
    ["Ab3dEf7hIj2kLmNo", true],
  ])("the key %s glued into a server's message", async (key, redacted) => {
    echoed = key;
    const { code, stderr } = await runInProcess(
      ["calls", "list", "--max-retries", "0", "--base-url", api.url, "--format", "json"],
      { env: { SIGMAMIND_API_KEY: key } },
    );
    expect(code).toBe(1);
    expect(stderr.includes(`x${key}y`)).toBe(!redacted);
    expect(stderr.includes("x[redacted]y")).toBe(redacted);
  });

  test("the README gives the same length", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8").replaceAll("\n", " ");
    expect(readme).toContain("A key shorter than 16 characters is replaced only where it stands alone");
  });
});
