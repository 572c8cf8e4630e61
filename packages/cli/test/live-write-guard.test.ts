// The client refuses a write to the production API from a test run; the CLI says so in its own words: its fakes and
// the variable, not the client's option. A dry run sends nothing, so it is never refused.
import { describe, expect, test } from "vitest";
import { runCli } from "./support/run-cli.js";
import { runInProcess } from "./support/run-in-process.js";

const PLACE = ["calls", "create", "--from", "+14155552671", "--to", "+14155550123", "--agent", "agent-1"];

describe("a write to the production API from a test run", () => {
  test("in a process that NODE_ENV=test marks as one: refused, exit 2, in the CLI's words, with no --help hint", async () => {
    const { code, stdout, stderr } = await runCli([...PLACE, "--yes"], { NODE_ENV: "test" });
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      "sigmamind: --base-url is the production API, and this is a test run (NODE_ENV=test), which never places or deletes real calls; nothing was sent. Use --sandbox or --mock, or the --base-url of a fake; to write to the live API from a test run on purpose, set SIGMAMIND_ALLOW_LIVE_WRITES=1.\n",
    );
  });

  test("SIGMAMIND_ALLOW_LIVE_WRITES=yes is not an opt-in, and the refusal says what it holds", async () => {
    const { code, stderr } = await runCli([...PLACE, "--yes"], {
      NODE_ENV: "test",
      SIGMAMIND_ALLOW_LIVE_WRITES: "yes",
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /set SIGMAMIND_ALLOW_LIVE_WRITES=1 \(it is set to "yes", which is neither 1 nor true\)\.\n$/,
    );
  });

  test("under Vitest, in-process: calls delete is refused too", async () => {
    const { code, stderr } = await runInProcess(["calls", "delete", "call-1", "--yes"], {
      env: { SIGMAMIND_BASE_URL: undefined, SIGMAMIND_ALLOW_LIVE_WRITES: undefined },
    });
    expect(code).toBe(2);
    expect(stderr).toContain("this is a test run (Vitest: VITEST is set)");
  });

  test("--dry-run is not refused: it sends nothing", async () => {
    const { code, stdout, stderr } = await runCli([...PLACE, "--dry-run"], { NODE_ENV: "test" });
    expect(stderr).toBe("Dry run: nothing was sent.\n");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^POST https:\/\/api\.sigmamind\.ai\/v1\/calls/);
  });
});
