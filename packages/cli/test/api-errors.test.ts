// API and network failures: exit 1, one line that says what to do, a stack only with --debug, never the key.
import { refusedUrl } from "@sigmamind/test-support/free-port";
import { describe, expect, test } from "vitest";
import { errorBody, startFakeApi } from "./support/fake-api.js";
import { API_KEY, type CliResult } from "./support/run-cli.js";
import { runInProcess } from "./support/run-in-process.js";

function expectOneLineFailure(result: CliResult) {
  expect(result.code).toBe(1);
  expect(result.stdout).toBe("");
  expect(result.stderr).toMatch(/^sigmamind: [^\n]+\n$/);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expectNoKey(result);
}

function expectNoKey(result: CliResult) {
  expect(result.stdout).not.toContain(API_KEY);
  expect(result.stderr).not.toContain(API_KEY);
}

/** A server that rejects the key and echoes it back, in the body and in a header, as a careless proxy might. */
function echoingRejection() {
  return startFakeApi((request) => ({
    status: 401,
    headers: { "x-echo-key": String(request.headers["x-api-key"]) },
    body: errorBody(401, "Unauthorized", `API key ${String(request.headers["x-api-key"])} is not valid`),
  }));
}

describe("API errors", () => {
  test("a rejected key: exit 1, and the line says to check the key", async () => {
    const api = await echoingRejection();
    try {
      const result = await runInProcess(["calls", "list", "--base-url", api.url]);
      expectOneLineFailure(result);
      expect(result.stderr).toMatch(/^sigmamind: 401 Unauthorized from the SigmaMind API: .*Check the API key/);
      expect(result.stderr).toContain("[redacted]");
    } finally {
      await api.close();
    }
  });

  test("a key given with --api-key is kept out of the output too, even with --debug", async () => {
    const api = await echoingRejection();
    try {
      const result = await runInProcess(
        ["calls", "get", "call-1", "--api-key", API_KEY, "--debug", "--base-url", api.url],
        {
          env: {
            SIGMAMIND_API_KEY: undefined,
          },
        },
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("AuthenticationError");
      expectNoKey(result);
    } finally {
      await api.close();
    }
  });

  test("a server failure: exit 1 at once with --max-retries 0", async () => {
    const api = await startFakeApi(() => ({ status: 500, body: errorBody(500, "Internal Server Error", "boom") }));
    try {
      const result = await runInProcess(["calls", "list", "--max-retries", "0", "--base-url", api.url]);
      expectOneLineFailure(result);
      expect(result.stderr).toMatch(
        /500 Internal Server Error from the SigmaMind API: boom\. The server failed; try again later\./,
      );
      expect(api.requests).toHaveLength(1);
    } finally {
      await api.close();
    }
  });

  test("a request id the server sends is quoted, for support", async () => {
    const api = await startFakeApi(() => ({
      status: 500,
      headers: { "x-request-id": "req-42" },
      body: errorBody(500, "Internal Server Error", "boom"),
    }));
    try {
      const result = await runInProcess(["calls", "list", "--max-retries", "0", "--base-url", api.url]);
      expect(result.stderr).toMatch(/Request id: req-42\.\n$/);
    } finally {
      await api.close();
    }
  });
});

describe("network errors", () => {
  test("nothing listening: exit 1, and the line says to check the network and address", async () => {
    const result = await runInProcess(["calls", "list", "--max-retries", "0", "--base-url", (await refusedUrl()).url]);
    expectOneLineFailure(result);
    expect(result.stderr).toMatch(/^sigmamind: Could not reach the SigmaMind API at http:\/\/127\.0\.0\.1:\d+/);
  });

  test("no answer within --timeout: exit 1", async () => {
    const api = await startFakeApi(() => new Promise(() => {}));
    try {
      const result = await runInProcess([
        "calls",
        "list",
        "--timeout",
        "200",
        "--max-retries",
        "0",
        "--base-url",
        api.url,
      ]);
      expectOneLineFailure(result);
      expect(result.stderr).toMatch(/200 ms/);
    } finally {
      await api.close();
    }
  });

  test("--debug adds the stack and its cause after the line, and logs each request on stderr", async () => {
    const result = await runInProcess([
      "calls",
      "list",
      "--debug",
      "--max-retries",
      "0",
      "--base-url",
      (await refusedUrl()).url,
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    const [line, ...details] = result.stderr.split("\n");
    expect(line).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/v1\/calls failed in \d+ ms/);
    expect(details.join("\n")).toMatch(/^sigmamind: Could not reach/m);
    expect(details.join("\n")).toMatch(/^\s+at /m);
    expect(details.join("\n")).toContain("[cause]");
    expectNoKey(result);
  });
});
