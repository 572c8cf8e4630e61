// --mock starts the package's own mock for the run: no key, no address, nothing left running.
import { describe, expect, test } from "vitest";
import { linesOf } from "./support/run-cli.js";
import { runInProcess } from "./support/run-in-process.js";

const noKey = { SIGMAMIND_API_KEY: undefined };

describe("--mock", () => {
  test("lists the mock's calls with no key in sight", async () => {
    const { code, stdout, stderr } = await runInProcess(["calls", "list", "--mock", "--format", "json"], {
      env: noKey,
    });
    expect([code, stderr]).toEqual([0, ""]);
    expect(JSON.parse(stdout).data[0].callId).toBe("call-AuUKK371Spr5nHJS");
  });

  test("works before the command too, and with --all", async () => {
    const { code, stdout, stderr } = await runInProcess(["--mock", "calls", "list", "--all", "--format", "ndjson"], {
      env: noKey,
    });
    expect(linesOf(stdout).map((line) => JSON.parse(line).callId)).toEqual(["call-AuUKK371Spr5nHJS"]);
    // The mock's one example page claims 123 pages whatever page is asked for: the run says the list is incomplete.
    expect(code).toBe(1);
    expect(stderr).toMatch(/^sigmamind: The listing is incomplete: 1 of 123 calls/);
  });
});
