// A plain-http API on another host (a mock at http://mock:4010 in docker compose) needs --allow-insecure-http
// or SIGMAMIND_ALLOW_INSECURE_HTTP, since the key would cross the network unencrypted. fetch is replaced for
// these tests, so no request leaves the process.
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { runInProcess } from "./support/run-in-process.js";

const EMPTY_PAGE = { data: [], page: 0, size: 10, totalCounts: 0, totalPages: 0, hasNext: false, hasPrevious: false };
let fetched: string[];

beforeEach(() => {
  fetched = [];
  vi.stubGlobal("fetch", async (url: string | URL | Request) => {
    fetched.push(String(url instanceof Request ? url.url : url));
    return Response.json(EMPTY_PAGE);
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const list = (flags: string[], env = {}) =>
  runInProcess(["calls", "list", "--format", "json", "--base-url", "http://mock:4010", ...flags], { env });

describe("plain http on another host", () => {
  test("is refused in the CLI's words, and nothing is sent", async () => {
    const { code, stdout, stderr } = await list([]);
    expect([code, stdout]).toEqual([2, ""]);
    expect(stderr).toMatch(
      /^sigmamind: --base-url http:\/\/mock:4010 is plain http, so the API key would cross the network unencrypted\. Use https:\/\/, or pass --allow-insecure-http if the network is trusted\. Run 'sigmamind calls list --help' for usage\.\n$/,
    );
    expect(fetched).toEqual([]);
  });

  test.each([
    ["--allow-insecure-http", ["--allow-insecure-http"], {}],
    ["SIGMAMIND_ALLOW_INSECURE_HTTP=1", [], { SIGMAMIND_ALLOW_INSECURE_HTTP: "1" }],
    ["SIGMAMIND_ALLOW_INSECURE_HTTP=true", [], { SIGMAMIND_ALLOW_INSECURE_HTTP: "true" }],
  ])("is allowed with %s", async (_, flags, env) => {
    const { code, stderr } = await list(flags, env);
    expect([code, stderr]).toEqual([0, ""]);
    expect(fetched).toEqual(["http://mock:4010/v1/calls"]);
  });

  test.each([["0"], ["false"], [""]])("SIGMAMIND_ALLOW_INSECURE_HTTP=%j does not allow it", async (value) => {
    const { code } = await list([], { SIGMAMIND_ALLOW_INSECURE_HTTP: value });
    expect(code).toBe(2);
    expect(fetched).toEqual([]);
  });

  test("any other value of SIGMAMIND_ALLOW_INSECURE_HTTP is a usage error", async () => {
    const { code, stderr } = await list([], { SIGMAMIND_ALLOW_INSECURE_HTTP: "yes" });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^sigmamind: SIGMAMIND_ALLOW_INSECURE_HTTP must be 1, true, 0 or false, got "yes"\./);
    expect(fetched).toEqual([]);
  });
});
