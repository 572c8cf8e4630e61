import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type FakeApi, startFakeApi } from "./support/fake-api.js";
import { runInProcess } from "./support/run-in-process.js";

// Usage errors are found before anything is sent: this server fails the test if it hears from the CLI.
let api: FakeApi;
beforeAll(async () => {
  api = await startFakeApi(() => ({ status: 500 }));
});
afterAll(() => api.close());

const createFlags = ["--from", "+14155552671", "--to", "+14155550123", "--agent", "agent-1"];

describe("usage errors exit 2 with one line on stderr naming the problem and the --help to read", () => {
  test.each([
    [["-v"], /unknown option -v.*Run 'sigmamind --help'/],
    [["frob"], /unknown command "frob".*Run 'sigmamind --help'/],
    [["calls"], /"calls" needs a command: list, create, get, delete.*'sigmamind calls --help'/],
    [["calls", "frob"], /unknown command "calls frob".*'sigmamind calls --help'/],
    [["calls", "list", "--bogus"], /unknown option --bogus.*'sigmamind calls list --help'/],
    [["--bogus", "calls", "list"], /unknown option --bogus/],
    // An unknown option before the command takes the word after it as its value, not as the command.
    [["--region", "eu", "calls", "list"], /^sigmamind: unknown option --region\. Run 'sigmamind --help'/],
    [["--region=eu", "calls", "list"], /^sigmamind: unknown option --region\. Run 'sigmamind --help'/],
    [["calls", "list", "-x"], /unknown option -x/],
    [["calls", "list", "--var", "a=b"], /unknown option --var/],
    [["calls", "list", "--size", "abc"], /--size must be a whole number 1 or more, got "abc"/],
    [["calls", "list", "--size", "0"], /--size must be a whole number 1 or more, got "0"/],
    [["calls", "list", "--size"], /--size needs a value/],
    [["calls", "list", "--page", "-1"], /--page needs a value; to pass one that starts with "-", write --page=VALUE/],
    [["calls", "list", "--page=-1"], /--page must be a whole number 0 or more, got "-1"/],
    [["calls", "list", "--page", "1.5"], /--page must be a whole number/],
    [["calls", "list", "--all=yes"], /--all takes no value/],
    [["calls", "list", "--format", "xml"], /--format must be one of table, json, ndjson, csv, got "xml"/],
    [["calls", "get", "call-1", "--format", "csv"], /--format must be one of table, json, got "csv"/],
    [["calls", "get"], /missing ID.*'sigmamind calls get --help'/],
    [["calls", "get", "call-1", "call-2"], /unexpected argument "call-2"/],
    [["calls", "delete"], /missing ID.*'sigmamind calls delete --help'/],
    [["calls", "create", ...createFlags, "--var", "novalue"], /--var must be name=value, got "novalue"/],
    [["calls", "create", ...createFlags, "--var", "=x"], /--var must be name=value, got "=x"/],
    [["calls", "create", ...createFlags, "--var", "a=1", "--var", "a=2"], /--var a is given twice/],
    [["calls", "create", "--to", "+14155550123", "--agent", "agent-1"], /--from is required/],
    [["calls", "create", "--from", "+14155552671", "--agent", "agent-1"], /--to is required/],
    [["calls", "list", "--max-retries", "11"], /--max-retries must be a whole number from 0 to 10, got "11"/],
    [["calls", "list", "--timeout", "soon"], /--timeout must be a whole number 1 or more, got "soon"/],
    [["calls", "list", "--mock", "--base-url", "http://127.0.0.1:1"], /--mock and --base-url cannot be used together/],
    // Refused by the client's own checks against the spec, before sending: still a value the user typed.
    [
      ["calls", "create", ...createFlags.slice(2), "--from", "14155552671"],
      /--from must be a phone number in E.164 form/,
    ],
  ])("sigmamind %j", async (args, message) => {
    const { code, stdout, stderr } = await runInProcess([
      ...args,
      ...(args.includes("--mock") ? [] : ["--base-url", api.url]),
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^sigmamind: [^\n]+\n$/);
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(/Run '[^']+ --help' for usage\.\n$/);
    expect(api.requests).toEqual([]);
  });

  test("no key, no --api-key and no --mock: says how to give one", async () => {
    const { code, stdout, stderr } = await runInProcess(["calls", "list", "--base-url", api.url], {
      env: {
        SIGMAMIND_API_KEY: undefined,
      },
    });
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      "sigmamind: no API key: set SIGMAMIND_API_KEY or pass --api-key-file PATH; or try the commands with no key on the sandbox (--sandbox: real pages, create, get, delete) or the static mock (--mock), which need none and never send yours. Run 'sigmamind calls list --help' for usage.\n",
    );
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
  });
});
