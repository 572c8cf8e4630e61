import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";

const run = promisify(execFile);

describe("list-calls", () => {
  test("prints the first page of calls from the mock, with no key and no network, and exits 0", async () => {
    const env = { ...process.env };
    delete env.SIGMAMIND_API_KEY;
    const { stdout, stderr } = await run(process.execPath, ["dist/main.js"], {
      cwd: new URL("..", import.meta.url),
      env,
      timeout: 60_000,
    });
    expect(stderr).toBe("");
    expect(stdout).toMatch(/^SigmaMind mock API listening on http:\/\/127\.0\.0\.1:\d+$/m);
    const table = stdout.split("\n").slice(2);
    expect(table[0]).toMatch(/^CALL ID\s+TYPE\s+STATUS\s+DURATION\s+NUMBER\s+AGENT\s+CREATED$/);
    expect(table[1]).toMatch(
      /^call-AuUKK371Spr5nHJS\s+inbound\s+ended\s+120s\s+14155552671\s+New AI Agent\s+2021-04-20T10:00:00.000Z$/,
    );
    expect(stdout).toContain("page 123 of 123, 123 calls in all");
  });
});
