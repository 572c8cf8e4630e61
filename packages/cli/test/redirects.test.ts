// The CLI sends through the client, so the client's redirect rules hold here too: the key never goes to another
// origin, and a create answered by a redirect is sent once and said to have maybe placed the call.
import { afterEach, describe, expect, test } from "vitest";
import { type FakeApi, fakeCall, startFakeApi } from "./support/fake-api.js";
import { API_KEY } from "./support/run-cli.js";
import { runInProcess } from "./support/run-in-process.js";

const servers: FakeApi[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});
async function serve(respond: Parameters<typeof startFakeApi>[0]) {
  const server = await startFakeApi(respond);
  servers.push(server);
  return server;
}

describe("a redirect", () => {
  test("to another origin is not followed: nothing reaches it, and the run fails naming the status", async () => {
    const elsewhere = await serve(() => ({ status: 200, body: fakeCall("call-1") }));
    const api = await serve(() => ({ status: 302, headers: { location: `${elsewhere.url}/v1/calls/call-1` } }));
    const { code, stderr } = await runInProcess(["calls", "get", "call-1", "--base-url", api.url]);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^sigmamind: The SigmaMind API answered GET \/v1\/calls\/call-1 with a 302 to http:\/\/127\.0\.0\.1:\d+\/v1\/calls\/call-1, which the client does not follow/,
    );
    expect(stderr).not.toContain(API_KEY);
    expect(elsewhere.requests).toHaveLength(0);
  });

  test("answering a create: one POST, no GET, and the run says the call may have been placed", async () => {
    const api = await serve((request) =>
      request.method === "POST" ? { status: 303, headers: { location: "/v1/calls" } } : { status: 200, body: {} },
    );
    const { code, stderr } = await runInProcess([
      "calls",
      "create",
      "--from",
      "+14155552671",
      "--to",
      "+14155550123",
      "--agent",
      "agent-1",
      "--yes",
      "--base-url",
      api.url,
    ]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/The call may have been placed, .*list recent calls \(sigmamind calls list\)/);
    expect(api.requests.map((request) => request.method)).toEqual(["POST"]);
  });
});
