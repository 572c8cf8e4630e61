// Reading the environment never throws: Deno without --allow-env (and any host that guards `process.env`) refuses
// a read with an exception, and the client must still be constructible from its options alone.
import { afterEach, describe, expect, test, vi } from "vitest";
import { SigmaMind } from "../../src/index.js";
import { readEnv } from "../../src/internal/env.js";
import { emptyPage, fakeFetch, json } from "../support/fake-fetch.js";

/** What Deno's `process.env` does for a variable it may not read: the read itself throws. */
class NotCapable extends Error {
  override name = "NotCapable";
}

function denyingEnv(): Record<string, string | undefined> {
  return new Proxy(
    {},
    {
      get(_target, name) {
        throw new NotCapable(`Requires env access to "${String(name)}", run again with the --allow-env flag`);
      },
    },
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("readEnv", () => {
  test("a read the host refuses counts as unset", () => {
    vi.stubGlobal("process", { ...process, env: denyingEnv() });
    expect(readEnv("SIGMAMIND_LOG")).toBeUndefined();
  });

  test("a `process` whose `env` getter throws counts as unset", () => {
    vi.stubGlobal("process", {
      get env(): never {
        throw new NotCapable("Requires env access");
      },
    });
    expect(readEnv("SIGMAMIND_API_KEY")).toBeUndefined();
  });

  test("with no `process` at all, as in browsers, a variable is unset", () => {
    vi.stubGlobal("process", undefined);
    expect(readEnv("SIGMAMIND_API_KEY")).toBeUndefined();
  });

  test("a variable that can be read is returned trimmed; a blank one is unset", () => {
    vi.stubGlobal("process", { ...process, env: { SIGMAMIND_BASE_URL: "  http://127.0.0.1:4010 ", BLANK: "  " } });
    expect(readEnv("SIGMAMIND_BASE_URL")).toBe("http://127.0.0.1:4010");
    expect(readEnv("BLANK")).toBeUndefined();
  });
});

describe("a client on a host that refuses every environment read", () => {
  test("is built from its options alone and makes a call", async () => {
    const { fetch, requests } = fakeFetch(() => json(200, emptyPage));
    vi.stubGlobal("process", { ...process, env: denyingEnv() });
    const client = new SigmaMind({ apiKey: "test-key", baseUrl: "http://127.0.0.1:4010", fetch });
    await client.calls.list();
    vi.unstubAllGlobals();
    expect(requests[0]?.url).toMatch(/^http:\/\/127\.0\.0\.1:4010\/v1\/calls/);
    expect(requests[0]?.headers.get("x-api-key")).toBe("test-key");
  });
});
