// A test run never writes to the production API: in a test runner, a create, a delete or any other write aimed at
// https://api.sigmamind.ai is refused before anything is sent, reads are not, and a team opts in on purpose with
// allowLiveWrites or SIGMAMIND_ALLOW_LIVE_WRITES. Each runner's detection is also tested inside that runner
// (test/package/live-write-guard-runners.test.ts).
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { detectTestRunner } from "../../src/core/live-write-guard.js";
import { APIUserAbortError, InvalidInputError, LiveWriteRefusedError, SigmaMind } from "../../src/index.js";
import { emptyPage, fakeFetch, json } from "../support/fake-fetch.js";

const NEW_CALL = { fromPhoneNumber: "+14155552671", toPhoneNumber: "+14155550123", agentId: "agent-1" };
const CALL = { callId: "call-1", status: "scheduled" };
const answers = (request: Request) =>
  request.method === "GET" && new URL(request.url).pathname === "/v1/calls" ? json(200, emptyPage) : json(200, CALL);

/** Under Vitest, with no opt-in: the unit project's configuration opts in, for its fake production API. */
beforeEach(() => {
  vi.stubEnv("SIGMAMIND_ALLOW_LIVE_WRITES", "");
});
afterEach(() => {
  vi.unstubAllEnvs();
});

function productionClient(options: { allowLiveWrites?: boolean } = {}) {
  const { fetch, requests } = fakeFetch(answers);
  return { client: new SigmaMind({ apiKey: "test-key", fetch, ...options }), requests };
}

describe("a client on the production API, in a test run", () => {
  test("refuses a create before anything is sent, naming the fakes and the opt-in", async () => {
    const { client, requests } = productionClient();
    const error = await client.calls.create(NEW_CALL).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ operation: "calls.create", field: "baseUrl", mayHaveTakenEffect: false });
    const { message } = error as InvalidInputError;
    expect(message).toMatch(
      /^calls\.create: baseUrl is the production API \(https:\/\/api\.sigmamind\.ai\), and this is a test run \(Vitest: VITEST is set\)/,
    );
    expect(message).toContain("nothing was sent");
    expect(message).toContain("createSandbox()");
    expect(message).toContain("allowLiveWrites: true");
    expect(message).toContain("SIGMAMIND_ALLOW_LIVE_WRITES=1");
    expect(message).not.toContain("test-key");
    expect(requests).toEqual([]);
  });

  test("the refusal is a LiveWriteRefusedError naming the runner, for a tool to say in its own words", async () => {
    const { client } = productionClient();
    const error = await client.calls.delete("call-1").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LiveWriteRefusedError);
    expect(error).toMatchObject({ name: "LiveWriteRefusedError", runner: "Vitest: VITEST is set" });
  });

  test.each([
    "https://api.sigmamind.ai/",
    "https://api.sigmamind.ai/v1-gateway",
    "https://API.SigmaMind.ai",
    "https://api.sigmamind.ai:443",
    "https://api.sigmamind.ai.",
    "https://api.sigmamind.ai..",
    "https://api.sigmamind.ai%2E",
    "https://api.sigmamind.ai:8443",
  ])("refuses a write to %s: the same API by another spelling", async (baseUrl) => {
    const { fetch, requests } = fakeFetch(answers);
    const client = new SigmaMind({ apiKey: "test-key", baseUrl, fetch });
    await expect(client.calls.create(NEW_CALL)).rejects.toBeInstanceOf(LiveWriteRefusedError);
    expect(requests).toEqual([]);
  });

  test("refuses a write over plain http to the API's host too", async () => {
    const { fetch, requests } = fakeFetch(answers);
    const client = new SigmaMind({
      apiKey: "test-key",
      baseUrl: "http://api.sigmamind.ai",
      allowInsecureHttp: true,
      fetch,
    });
    await expect(client.calls.create(NEW_CALL)).rejects.toThrow(/production API \(http:\/\/api\.sigmamind\.ai\)/);
    expect(requests).toEqual([]);
  });

  test("a write whose signal is already aborted is an abort, not a refusal: it would send nothing anyway", async () => {
    const { client, requests } = productionClient();
    await expect(client.calls.create(NEW_CALL, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      APIUserAbortError,
    );
    expect(requests).toEqual([]);
  });

  test("refuses a delete, and a write through client.raw", async () => {
    const { client, requests } = productionClient();
    await expect(client.calls.delete("call-1")).rejects.toMatchObject({ operation: "calls.delete", field: "baseUrl" });
    await expect(client.raw.POST("/v1/calls", { body: NEW_CALL })).rejects.toBeInstanceOf(InvalidInputError);
    expect(requests).toEqual([]);
  });

  test("sends reads: list, get and waitFor", async () => {
    const { client, requests } = productionClient();
    await client.calls.list();
    await client.calls.get("call-1");
    expect(requests.map((request) => request.method)).toEqual(["GET", "GET"]);
  });

  test("sends writes with allowLiveWrites: true, or with SIGMAMIND_ALLOW_LIVE_WRITES set to 1 or true", async () => {
    const optedIn = productionClient({ allowLiveWrites: true });
    await optedIn.client.calls.create(NEW_CALL);
    expect(optedIn.requests.map((request) => request.method)).toEqual(["POST"]);
    for (const value of ["1", "true", "TRUE"]) {
      vi.stubEnv("SIGMAMIND_ALLOW_LIVE_WRITES", value);
      const { client, requests } = productionClient();
      await client.calls.delete("call-1");
      expect(
        requests.map((request) => request.method),
        value,
      ).toEqual(["DELETE"]);
    }
  });

  test("still refuses with SIGMAMIND_ALLOW_LIVE_WRITES set to anything else, or allowLiveWrites: false", async () => {
    vi.stubEnv("SIGMAMIND_ALLOW_LIVE_WRITES", "0");
    const { client, requests } = productionClient({ allowLiveWrites: false });
    await expect(client.calls.create(NEW_CALL)).rejects.toBeInstanceOf(InvalidInputError);
    expect(requests).toEqual([]);
  });

  test("a refusal says when SIGMAMIND_ALLOW_LIVE_WRITES holds a value that is not an opt-in, naming a word only", async () => {
    for (const [value, said] of [
      ["yes", '(it is set to "yes", which is neither 1 nor true)'],
      ["on ", '(it is set to "on", which is neither 1 nor true)'],
    ] as const) {
      vi.stubEnv("SIGMAMIND_ALLOW_LIVE_WRITES", value);
      const { client } = productionClient();
      const error = await client.calls.create(NEW_CALL).catch((caught: unknown) => caught);
      expect((error as Error).message, value).toContain(`set SIGMAMIND_ALLOW_LIVE_WRITES=1 ${said}`);
      expect(error).toMatchObject({ optInValue: value.trim() });
    }
    for (const [value, said] of [
      ["sm-live-0123456789abcdef", "(it is set, but only 1 or true opts in)"],
      ["y".repeat(300), "(it is set, but only 1 or true opts in)"],
    ] as const) {
      vi.stubEnv("SIGMAMIND_ALLOW_LIVE_WRITES", value);
      const { client } = productionClient();
      const error = await client.calls.create(NEW_CALL).catch((caught: unknown) => caught);
      expect((error as Error).message).toContain(`set SIGMAMIND_ALLOW_LIVE_WRITES=1 ${said}`);
      expect((error as Error).message).not.toContain(value);
      expect(error).toMatchObject({ optInValue: undefined });
    }
    for (const value of ["", "0", "false", "FALSE", "no", "Off", "n"]) {
      vi.stubEnv("SIGMAMIND_ALLOW_LIVE_WRITES", value);
      const { client } = productionClient();
      const error = await client.calls.create(NEW_CALL).catch((caught: unknown) => caught);
      expect((error as Error).message, value).not.toContain("it is set to");
      expect(error).toMatchObject({ optInValue: undefined });
    }
  });

  test("refuses allowLiveWrites that is not a boolean, as any other option", () => {
    expect(() => new SigmaMind({ apiKey: "k", allowLiveWrites: "yes" as unknown as boolean })).toThrow(
      /allowLiveWrites must be true or false/,
    );
  });
});

test("a client on any other address writes in a test run: a sandbox, a mock, another host", async () => {
  for (const baseUrl of ["http://127.0.0.1:4010", "https://sandbox.sigmamind.invalid", "https://staging.example.com"]) {
    const { fetch, requests } = fakeFetch(answers);
    await new SigmaMind({ apiKey: "test-key", baseUrl, fetch }).calls.create(NEW_CALL);
    expect(
      requests.map((request) => request.url),
      baseUrl,
    ).toEqual([`${baseUrl}/v1/calls`]);
  }
});

describe("detectTestRunner", () => {
  /** Outside every runner: none of the signs set. */
  function outsideRunners() {
    for (const name of ["VITEST", "JEST_WORKER_ID", "NODE_TEST_CONTEXT", "NODE_ENV"]) vi.stubEnv(name, "");
  }

  test.each([
    ["VITEST", "true", "Vitest: VITEST is set"],
    ["JEST_WORKER_ID", "1", "Jest: JEST_WORKER_ID is set"],
    ["NODE_TEST_CONTEXT", "child-v8", "node --test"],
    ["NODE_ENV", "test", "NODE_ENV=test"],
    ["NODE_ENV", "TEST", "NODE_ENV=test"],
  ])("%s=%s is %s", (name, value, runner) => {
    outsideRunners();
    vi.stubEnv(name, value);
    expect(detectTestRunner()).toBe(runner);
  });

  test("none outside a runner, and then a write to production is sent", async () => {
    outsideRunners();
    vi.stubEnv("NODE_ENV", "production");
    expect(detectTestRunner()).toBeUndefined();
    const { client, requests } = productionClient();
    await client.calls.create(NEW_CALL);
    expect(requests).toHaveLength(1);
  });
});
