// A base URL on a port fetch refuses to use (1, 22, 25, ...): nothing left the machine, and the error says so.
import { expect, test } from "vitest";
import { runInProcess } from "./support/run-in-process.js";

test("--base-url http://127.0.0.1:1 says the API could not be reached, not that the request was sent", async () => {
  const { code, stdout, stderr } = await runInProcess(
    ["calls", "list", "--max-retries", "0", "--base-url", "http://127.0.0.1:1"],
    { env: { SIGMAMIND_API_KEY: "sk-test-bad-port-0001" } },
  );
  expect(code).toBe(1);
  expect(stdout).toBe("");
  expect(stderr).toMatch(/^sigmamind: Could not reach the SigmaMind API at http:\/\/127\.0\.0\.1:1 \(bad port\)/);
  expect(stderr).not.toContain("after the request was sent");
});
