// The live-write guard in each test runner it claims to detect, from the built package: Vitest, Jest and
// `node --test` each run a test file of their own that asserts a create and a delete aimed at the production API
// are refused before anything is sent and a get is sent; a plain script with NODE_ENV=test is refused too, and the
// same script outside any runner sends all three.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";

const fixtures = fileURLToPath(new URL("./fixtures/live-write-guard", import.meta.url));
const packageRoot = fileURLToPath(new URL("../..", import.meta.url));
const run = promisify(execFile);

/**
 * The environment of a shell with no runner in it: none of this run's Vitest variables, no NODE_ENV and no opt-in,
 * so each runner is detected by what it sets itself.
 */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NO_COLOR: "1", ...extra };
}

const bin = (name: string) => join(packageRoot, "node_modules", ".bin", name);

describe("the live-write guard, in each runner", () => {
  test("Vitest", async () => {
    const { stdout } = await run(bin("vitest"), ["run", "--config", join(fixtures, "vitest.config.mjs")], {
      cwd: fixtures,
      env: cleanEnv(),
    });
    expect(stdout).toMatch(/Tests\s+1 passed \(1\)/);
  });

  test("Jest", async () => {
    const { stderr } = await run(
      bin("jest"),
      ["--rootDir", fixtures, "--testMatch", "**/guard.jest.test.cjs", "--ci"],
      {
        cwd: fixtures,
        env: cleanEnv(),
      },
    );
    // Jest reports on stderr.
    expect(stderr).toMatch(/Tests:\s+1 passed, 1 total/);
  });

  test("node --test", async () => {
    const { stdout } = await run(process.execPath, ["--test", "--test-reporter=tap", "guard.node-test.mjs"], {
      cwd: fixtures,
      env: cleanEnv(),
    });
    expect(stdout).toMatch(/^# pass 1$/m);
    expect(stdout).toMatch(/^# fail 0$/m);
  });

  test("NODE_ENV=test, and no runner at all", async () => {
    const script = join(fixtures, "guard.node-env.mjs");
    const inTest = JSON.parse((await run(process.execPath, [script], { env: cleanEnv({ NODE_ENV: "test" }) })).stdout);
    expect(inTest.create).toMatch(/^calls\.create: baseUrl is the production API .*\(NODE_ENV=test\)/);
    expect(inTest.sent).toEqual(["GET"]);
    const outside = JSON.parse((await run(process.execPath, [script], { env: cleanEnv() })).stdout);
    expect(outside).toEqual({ create: "sent", remove: "sent", get: "call-1", sent: ["POST", "DELETE", "GET"] });
  });

  test("the opt-in, SIGMAMIND_ALLOW_LIVE_WRITES=1, lets a runner write", async () => {
    const script = join(fixtures, "guard.node-env.mjs");
    const env = cleanEnv({ NODE_ENV: "test", SIGMAMIND_ALLOW_LIVE_WRITES: "1" });
    const optedIn = JSON.parse((await run(process.execPath, [script], { env })).stdout);
    expect(optedIn.sent).toEqual(["POST", "DELETE", "GET"]);
  });
});
