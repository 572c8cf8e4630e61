// The API key is kept out of everything printed, without mangling the words around it when it is short. The rule
// itself is tested with @sigmamind/error-text.
import { refusedUrl } from "@sigmamind/test-support/free-port";
import { describe, expect, test } from "vitest";
import { runInProcess } from "./support/run-in-process.js";

describe("errors printed with a short key", () => {
  test("a network error keeps its words intact with SIGMAMIND_API_KEY=k", async () => {
    const { code, stderr } = await runInProcess(["calls", "list", "--max-retries", "0"], {
      env: { SIGMAMIND_API_KEY: "k", SIGMAMIND_BASE_URL: (await refusedUrl()).url },
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^sigmamind: Could not reach the SigmaMind API at http:\/\/127\.0\.0\.1:\d+ /);
    expect(stderr).toContain("Check the network");
    expect(stderr).not.toContain("[redacted]");
  });
});
