// calls create places a real phone call and calls delete cannot be undone: on a terminal they ask first, and
// without one they need --yes. Whenever the answer is not yes, the server hears nothing.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type FakeApi, fakeCall, startFakeApi } from "./support/fake-api.js";
import { API_KEY } from "./support/run-cli.js";
import { type InProcessOptions, runInProcess } from "./support/run-in-process.js";

const CREATE = ["calls", "create", "--from", "+14155552671", "--to", "+14155550123", "--agent", "agent-1"];
const DELETE = ["calls", "delete", "call-1"];
const CREATE_QUESTION = "Place a call from +14155552671 to +14155550123 with agent agent-1? [y/N] ";
const DELETE_QUESTION = "Delete call call-1 and its recording? [y/N] ";

let api: FakeApi;
beforeAll(async () => {
  api = await startFakeApi((request) =>
    request.method === "DELETE" ? { status: 204 } : { status: 201, body: fakeCall("call-new") },
  );
});
afterAll(() => api.close());

async function run(args: readonly string[], options: InProcessOptions = {}) {
  const before = api.requests.length;
  const result = await runInProcess([...args, "--base-url", api.url], options);
  const sent = api.requests.slice(before).map((request) => `${request.method} ${request.url.pathname}`);
  return { ...result, sent };
}

describe.each([
  ["calls create", CREATE, CREATE_QUESTION, "POST /v1/calls", "no call was placed"],
  ["calls delete", DELETE, DELETE_QUESTION, "DELETE /v1/calls/call-1", "call call-1 was not deleted"],
])("%s", (_, command, question, request, cancelled) => {
  describe("on a terminal, asks first", () => {
    test.each([["y"], ["yes"], ["Y"], [" YES "]])("and goes ahead on %j", async (answer) => {
      const { code, questions, sent } = await run(command, { terminal: true, answers: [answer] });
      expect(questions).toEqual([question]);
      expect(code).toBe(0);
      expect(sent).toEqual([request]);
    });

    test.each([[""], ["n"], ["no"], ["yep"], ["y es"]])("and stops on %j: exit 3, nothing sent", async (answer) => {
      const { code, stdout, stderr, sent } = await run(command, { terminal: true, answers: [answer] });
      expect(code).toBe(3);
      expect(stdout).toBe("");
      expect(stderr).toBe(`${question}sigmamind: cancelled: ${cancelled}.\n`);
      expect(sent).toEqual([]);
    });

    test("and stops at the end of input (Ctrl-D)", async () => {
      const { code, sent } = await run(command, { terminal: true, answers: [] });
      expect(code).toBe(3);
      expect(sent).toEqual([]);
    });

    test.each([["--yes"], ["-y"]])("unless %s is given", async (yes) => {
      const { code, questions, sent } = await run([...command, yes], { terminal: true });
      expect([code, questions, sent]).toEqual([0, [], [request]]);
    });
  });

  describe("without a terminal, refuses unless --yes is given", () => {
    test.each([
      ["stdin", { stdin: false, stderr: true }],
      ["stderr", { stdin: true, stderr: false }],
      ["either", {}],
    ])("not a terminal: %s; usage error, nothing asked, nothing sent", async (_, terminal) => {
      const { code, stdout, stderr, questions, sent } = await run(command, { terminal });
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toMatch(/^sigmamind: [^\n]*there is no terminal to confirm it on: pass --yes/);
      expect(questions).toEqual([]);
      expect(sent).toEqual([]);
    });

    test.each([["--yes"], ["-y"]])("%s goes ahead", async (yes) => {
      const { code, sent } = await run([...command, yes]);
      expect([code, sent]).toEqual([0, [request]]);
    });
  });

  test("a value the client refuses is refused before asking", async () => {
    const { code, questions, sent } = await run(
      command[1] === "create" ? [...CREATE.slice(0, -1), "a".repeat(65)] : ["calls", "delete", ".."],
      { terminal: true, answers: ["y"] },
    );
    expect([code, questions, sent]).toEqual([2, [], []]);
  });
});

describe("--mock", () => {
  test.each([[CREATE], [DELETE]])("%j needs no confirmation: nothing real happens", async (command) => {
    const { code, questions, stderr } = await runInProcess([...command, "--mock"], {
      env: { SIGMAMIND_API_KEY: undefined },
    });
    expect([code, questions, stderr]).toEqual([0, [], ""]);
  });
});

describe("calls create --dry-run", () => {
  const BODY = {
    fromPhoneNumber: "+14155552671",
    toPhoneNumber: "+14155550123",
    agentId: "agent-1",
    dynamicVariables: { customer_name: "Ana" },
  };

  test("prints the request, with the key redacted, and sends nothing, with no terminal and no --yes", async () => {
    const { code, stdout, stderr, questions, sent } = await run([...CREATE, "--var", "customer_name=Ana", "--dry-run"]);
    expect([code, questions, sent]).toEqual([0, [], []]);
    expect(stdout).toBe(
      `POST ${api.url}/v1/calls\nContent-Type: application/json\nX-API-Key: [redacted]\n\n${JSON.stringify(BODY, null, 2)}\n`,
    );
    expect(stderr).toBe("Dry run: nothing was sent.\n");
    expect(stdout + stderr).not.toContain(API_KEY);
  });

  test("--format json: the request as one JSON object", async () => {
    const { code, stdout, sent } = await run([
      ...CREATE,
      "--var",
      "customer_name=Ana",
      "--dry-run",
      "--format",
      "json",
    ]);
    expect([code, sent]).toEqual([0, []]);
    expect(JSON.parse(stdout)).toEqual({
      method: "POST",
      url: `${api.url}/v1/calls`,
      headers: { "Content-Type": "application/json", "X-API-Key": "[redacted]" },
      body: BODY,
    });
  });

  test("on a terminal, asks nothing, and wins over --yes", async () => {
    const { code, questions, sent } = await run([...CREATE, "--dry-run", "--yes"], { terminal: true });
    expect([code, questions, sent]).toEqual([0, [], []]);
  });

  test("checks the values as a real call would", async () => {
    const { code, stderr, sent } = await run([...CREATE.slice(0, -1), "", "--dry-run"]);
    expect([code, sent]).toEqual([2, []]);
    expect(stderr).toMatch(/^sigmamind: --agent must not be empty/);
  });
});
