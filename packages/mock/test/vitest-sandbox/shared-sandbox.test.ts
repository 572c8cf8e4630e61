// One sandbox from "@sigmamind/mock/vitest/sandbox" shared by four test files in four workers at once, each
// resetting its world before every test, creating, listing, deleting and moving the clock of its calls: what
// used to flake (one file's reset deleted another's call; ids started again after a reset). Ten runs in a row of
// the fixture project beside this file, against the one sandbox its global setup started, must all pass.
import { fork } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";

const RUNS = 10;
const WORKERS = 4;
const TESTS_PER_RUN = 4 * 5;

/** What one run of the fixture did, as run-fixture.mjs reports it. */
interface FixtureRun {
  exitCode: number;
  total: number;
  passed: number;
  failures: string[];
  poolIds: string[];
  createdCallIds: string[];
  milliseconds: number;
}

/** Runs the fixture `RUNS` times in one child process; resolves to the runs and everything the child printed. */
function runFixture(): Promise<{ runs: FixtureRun[]; output: string }> {
  // The child starts as from a terminal, not as a worker of this run, and starts a sandbox of its own.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith("VITEST") && name !== "SIGMAMIND_SANDBOX_URL"),
  );
  const child = fork(
    fileURLToPath(new URL("run-fixture.mjs", import.meta.url)),
    [fileURLToPath(new URL("fixture", import.meta.url)), String(RUNS), String(WORKERS)],
    { env, stdio: ["ignore", "pipe", "pipe", "ipc"] },
  );
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  let runs: FixtureRun[] | undefined;
  child.on("message", (message) => {
    runs = message as FixtureRun[];
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0 && runs) resolve({ runs, output });
      else reject(new Error(`run-fixture.mjs exited with ${code} before reporting its runs:\n${output}`));
    });
  });
}

describe(`four test files sharing one sandbox, ${RUNS} runs at --maxWorkers=${WORKERS}`, () => {
  let runs: FixtureRun[];
  let output: string;

  beforeAll(async () => {
    const setup = fileURLToPath(import.meta.resolve("@sigmamind/mock/vitest/sandbox"));
    if (!existsSync(setup)) {
      throw new Error(
        `The fixture imports @sigmamind/mock as a user's project does, from ${setup}, which is missing: run \`pnpm --filter @sigmamind/mock build\` first`,
      );
    }
    ({ runs, output } = await runFixture());
    const times = runs.map((run) => run.milliseconds);
    console.info(`${RUNS} fixture runs: ${times.join(", ")} ms (${times.reduce((sum, time) => sum + time, 0)} ms)`);
  }, 180_000);

  test(`every run exits 0 with all ${TESTS_PER_RUN} tests passed`, () => {
    expect(runs).toHaveLength(RUNS);
    for (const [index, run] of runs.entries()) {
      expect(
        { exitCode: run.exitCode, total: run.total, passed: run.passed, failures: run.failures },
        `run ${index + 1} of ${RUNS}:\n${output}`,
      ).toEqual({ exitCode: 0, total: TESTS_PER_RUN, passed: TESTS_PER_RUN, failures: [] });
    }
  });

  // The files also wait for each other before their first test (fixture/own-world.ts), so they overlap.
  test(`every run has its files in ${WORKERS} workers at once`, () => {
    for (const run of runs) expect([...run.poolIds].sort()).toEqual(["1", "2", "3", "4"]);
  });

  test("no run gives a call id twice, across its worlds and their resets", () => {
    for (const run of runs) {
      // Each file creates its 1, 2, 3 or 4 calls in each of its 5 tests.
      expect(run.createdCallIds).toHaveLength(5 * (1 + 2 + 3 + 4));
      expect(new Set(run.createdCallIds).size).toBe(run.createdCallIds.length);
    }
  });
});
