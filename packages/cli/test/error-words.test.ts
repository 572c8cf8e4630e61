// Errors speak the CLI's words: the flag the user typed, not the client's option or field, and an HTML page
// from a proxy is summed up, never pasted.

import { InternalServerError, InvalidInputError } from "@sigmamind/client";
import { refusedUrl } from "@sigmamind/test-support/free-port";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { inCliWords } from "../src/client-words.js";
import { commandOf } from "../src/command-tree.js";
import { type FakeApi, type FakeResponse, startFakeApi } from "./support/fake-api.js";
import { runInProcess } from "./support/run-in-process.js";

const CREATE = ["calls", "create", "--from", "+14155552671", "--to", "+14155550123", "--agent", "agent-1"];

let api: FakeApi;
let respond: () => FakeResponse = () => ({ status: 500 });
beforeAll(async () => {
  api = await startFakeApi(() => respond());
});
afterAll(() => api.close());

async function run(args: readonly string[]) {
  const before = api.requests.length;
  const result = await runInProcess([...args, "--max-retries", "0", "--base-url", api.url]);
  return { ...result, sent: api.requests.length - before };
}

describe("a value the user typed is refused in the words of the flag, before anything is sent", () => {
  test.each([
    ["--to 12345", ["--to", "12345"], '--to must be a phone number in E.164 form such as +14155552671, got "12345"'],
    [
      "--from without +",
      ["--from", "14155552671"],
      '--from must be a phone number in E.164 form such as +14155552671, got "14155552671"',
    ],
    ["--to starting with 0", ["--to", "+0123456789"], "--to must be a phone number in E.164 form"],
    ["an empty --agent", ["--agent", ""], "--agent must not be empty"],
    ["a long --agent", ["--agent", "a".repeat(65)], "--agent must be at most 64 characters long, got 65"],
    [
      "101 --var",
      Array.from({ length: 101 }, (_, index) => `--var=v${index}=x`),
      "--var must have at most 100 entries, got 101",
    ],
  ])("calls create: %s", async (_, flags, message) => {
    const { code, stderr, sent } = await run([...CREATE, ...flags]);
    expect(code).toBe(2);
    expect(stderr).toContain(`sigmamind: ${message}`);
    expect(stderr).not.toMatch(/calls\.create|PhoneNumber|agentId|dynamicVariables|\^\\\+/);
    expect(sent).toBe(0);
  });

  test.each([
    [["calls", "get", ".."], 'the call ID cannot be "..", which URLs read as a relative path'],
    [["calls", "delete", "%2e"], 'the call ID cannot be "%2e", which URLs read as a relative path'],
    [["calls", "get", ""], "the call ID must not be empty"],
  ])("%j", async (args, message) => {
    const { code, stderr, sent } = await run(args);
    expect(code).toBe(2);
    expect(stderr).toContain(`sigmamind: ${message}`);
    expect(stderr).not.toMatch(/calls\.(get|delete)|callId/);
    expect(sent).toBe(0);
  });

  test.each([
    ["notaurl", '--base-url "notaurl" is not a URL. Use a URL such as https://api.sigmamind.ai.'],
    ["ftp://example.com", "--base-url must use https: or http:, got ftp:."],
    ["https://user:secret@example.com", "--base-url must not carry credentials, a query or a fragment."],
  ])("--base-url %s", async (baseUrl, message) => {
    const { code, stderr } = await runInProcess(["calls", "list", "--base-url", baseUrl]);
    expect(code).toBe(2);
    expect(stderr).toContain(`sigmamind: ${message}`);
    expect(stderr).not.toMatch(/SigmaMind\(options\)|baseUrl/);
  });
});

describe("the client's advice names flags", () => {
  test("no answer in time: raise --timeout", async () => {
    const stalled = await startFakeApi(() => new Promise(() => {}));
    try {
      const { code, stderr } = await runInProcess([
        "calls",
        "list",
        "--timeout",
        "100",
        "--max-retries",
        "0",
        "--base-url",
        stalled.url,
      ]);
      expect(code).toBe(1);
      expect(stderr).toMatch(/did not answer within 100 ms.*Raise --timeout/);
      expect(stderr).not.toContain("timeoutMs");
    } finally {
      await stalled.close();
    }
  });

  test("nothing listening: check the network and --base-url", async () => {
    const { url } = await refusedUrl();
    const { stderr } = await runInProcess(["calls", "list", "--max-retries", "0", "--base-url", url]);
    expect(stderr).toMatch(/Check the network and --base-url/);
    expect(stderr).not.toContain("baseUrl");
  });

  test("a rejected key: check SIGMAMIND_API_KEY, --api-key-file or --api-key", async () => {
    respond = () => ({ status: 401, body: { error: "Unauthorized", message: "Invalid API key" } });
    const { code, stderr } = await run(["calls", "list"]);
    expect(code).toBe(1);
    expect(stderr).toContain("Check the API key (SIGMAMIND_API_KEY, --api-key-file or --api-key).");
  });

  test("too many requests: no mention of the client's retryAfterMs", async () => {
    respond = () => ({ status: 429, body: { error: "Too Many Requests", message: "slow down" } });
    const { stderr } = await run(["calls", "list"]);
    expect(stderr).toContain("Too many requests; wait before retrying.");
    expect(stderr).not.toContain("retryAfterMs");
  });
});

describe("an HTML page instead of the API's JSON", () => {
  const page = (title: string) =>
    `<!DOCTYPE html>\n<html><head><title>${title}</title><style>body{}</style></head>` +
    `<body><h1>${title}</h1><script>alert(1)</script>${"<p>padding</p>".repeat(200)}<hr><center>nginx</center></body></html>`;

  test("is summed up by its status, its title and the request id", async () => {
    respond = () => ({
      status: 502,
      text: page("502 Bad Gateway"),
      headers: { "content-type": "text/html", "x-request-id": "req-7" },
    });
    const { code, stderr } = await run(["calls", "list"]);
    expect(code).toBe(1);
    expect(stderr).toBe(
      'sigmamind: 502 from the SigmaMind API: an HTML page titled "502 Bad Gateway" instead of JSON; a proxy or gateway may have answered for it. The server failed; try again later. Request id: req-7.\n',
    );
  });

  test("without a title or a content type, found by its markup; a 404 page points to --base-url", async () => {
    respond = () => ({ status: 404, text: "<html><body>Not here</body></html>", headers: { "content-type": "" } });
    const { stderr } = await run(["calls", "get", "call-1"]);
    expect(stderr).toBe(
      "sigmamind: 404 from the SigmaMind API: an HTML page instead of JSON; a proxy or gateway may have answered for it. Check --base-url: it should be the API's address, not a web site's.\n",
    );
  });

  test("a title with entities, markup and escape sequences is shown as text", async () => {
    respond = () => ({
      status: 503,
      text: page("Down &amp; out \u001b[2J<b>now</b>&#33;"),
      headers: { "content-type": "text/html; charset=utf-8" },
    });
    const { stderr } = await run(["calls", "list"]);
    expect(stderr).toContain('an HTML page titled "Down & out now!" instead of JSON');
  });
});

describe("inCliWords: an input error names what the user typed, through the command that sends the operation", () => {
  const fieldsOf = (label: string) => commandOf(label)?.fields;
  test.each([
    ["calls.create", "fromPhoneNumber", "is required", "--from is required."],
    ["calls.create", "toPhoneNumber", "must not be empty", "--to must not be empty."],
    ["calls.create", "agentId", "must not be empty", "--agent must not be empty."],
    ["calls.create", "dynamicVariables", "must be an object, got an array", "--var must be an object, got an array."],
    ["calls.get", "callId", "must not be empty", "the call ID must not be empty."],
    ["calls.list", "status", "must be a string, got 1", "--status must be a string, got 1."],
    ["calls.list", "page", "must be 0 or more, got -1", "--page must be 0 or more, got -1."],
    ["calls.list", "size", "must be 1 or more, got 0", "--size must be 1 or more, got 0."],
    // A per-call option of any operation is a global flag.
    ["calls.list", "timeoutMs", "must be a positive number", "--timeout must be a positive number."],
    [
      "new SigmaMind(options)",
      "maxRetries",
      "must be a whole number from 0 to 10, got 11",
      "--max-retries must be a whole number from 0 to 10, got 11.",
    ],
    ["new SigmaMind(options)", "apiKey", "must be a string, got a number", "--api-key must be a string, got a number."],
    [
      "new SigmaMind(options)",
      "allowInsecureHttp",
      "must be true or false, got a string",
      "--allow-insecure-http must be true or false, got a string.",
    ],
  ])("%s %s", (operation, field, problem, cli) => {
    expect(inCliWords(InvalidInputError.of(operation, field, problem), fieldsOf)).toBe(cli);
  });

  test("the words of a server are never rewritten, field names included", () => {
    const error = new InternalServerError(
      500,
      new Headers(),
      { message: 'bad {"callId":"c-1","toPhoneNumber":"+1","timeoutMs":3}' },
      undefined,
    );
    expect(inCliWords(error, fieldsOf)).toContain('bad {"callId":"c-1","toPhoneNumber":"+1","timeoutMs":3}');
  });

  test("a server that writes the client's own phrase gets it back as it wrote it; the client's advice is the CLI's", () => {
    const error = new InternalServerError(
      500,
      new Headers(),
      { message: "Raise timeoutMs, said the proxy" },
      undefined,
      {
        uncertainOutcome:
          "The call may have been placed, and it was not sent again: list recent calls (client.calls.list()) to see whether it was before creating it again.",
      },
    );
    const words = inCliWords(error, fieldsOf);
    expect(words).toContain("Raise timeoutMs, said the proxy");
    expect(words).toContain("list recent calls (sigmamind calls list)");
  });
});
