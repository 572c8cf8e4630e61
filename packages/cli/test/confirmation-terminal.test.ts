// The confirmation as a person meets it, in the built CLI: a real prompt on a real terminal, and without a
// terminal a refusal. Whenever the answer is not yes, the server hears nothing.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type FakeApi, fakeCall, startFakeApi } from "./support/fake-api.js";
import { API_KEY, runCli } from "./support/run-cli.js";
import { cliCommand, hasScript, runOnTerminal } from "./support/terminal.js";

const CREATE = ["calls", "create", "--from", "+14155552671", "--to", "+14155550123", "--agent", "agent-1"];
const DELETE = ["calls", "delete", "call-1"];

let api: FakeApi;
beforeAll(async () => {
  api = await startFakeApi((request) =>
    request.method === "DELETE" ? { status: 204 } : { status: 201, body: fakeCall("call-new") },
  );
});
afterAll(() => api.close());

function requestsDuring<T>(action: () => Promise<T>) {
  const before = api.requests.length;
  return action().then((result) => ({
    ...result,
    sent: api.requests.slice(before).map((request) => `${request.method} ${request.url.pathname}`),
  }));
}

describe("without a terminal (stdin and stderr are pipes)", () => {
  test.each([
    [CREATE, /calls create places a real phone call, and there is no terminal to confirm it on: pass --yes/],
    [DELETE, /calls delete deletes a call and its recording for good, and there is no terminal to confirm it on/],
  ])("%j is refused with exit 2, and nothing is sent", async (command, message) => {
    const { code, stdout, stderr, sent } = await requestsDuring(() => runCli([...command, "--base-url", api.url]));
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(/Run 'sigmamind calls (create|delete) --help' for usage\.\n$/);
    expect(sent).toEqual([]);
  });
});

describe.skipIf(!hasScript)("on a terminal", () => {
  const onTerminal = (command: string[], input: string) =>
    requestsDuring(() =>
      runOnTerminal(cliCommand([...command, "--base-url", api.url]), input, { SIGMAMIND_API_KEY: API_KEY }),
    );

  test("calls create asks, and places the call on y", async () => {
    const { code, screen, sent } = await onTerminal(CREATE, "y\n");
    expect(screen).toContain("Place a call from +14155552671 to +14155550123 with agent agent-1? [y/N] ");
    expect(code).toBe(0);
    expect(sent).toEqual(["POST /v1/calls"]);
  });

  test.each([
    ["n", "n\n"],
    ["Enter alone", "\n"],
    ["Ctrl-D", "\u0004"],
  ])("calls delete stops on %s: exit 3, nothing sent", async (_, input) => {
    const { code, screen, sent } = await onTerminal(DELETE, input);
    expect(screen).toContain("Delete call call-1 and its recording? [y/N] ");
    expect(screen).toMatch(/\nsigmamind: cancelled: call call-1 was not deleted\.\r?\n/);
    expect(code).toBe(3);
    expect(sent).toEqual([]);
    expect(screen).not.toContain(API_KEY);
  });
});
