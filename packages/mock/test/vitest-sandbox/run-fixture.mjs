// Runs the fixture project `runs` times in a row, each run as `vitest run --root <fixture> --maxWorkers=<workers>`
// runs it: all of its files at once, in `workers` workers, against the one sandbox its global setup started for
// the whole session, as a sandbox left running serves one test run after another. Sends back what each run did.
// Started by shared-sandbox.test.ts as one child process: Vitest, its workers and the sandbox start once.
//   node run-fixture.mjs <fixture root> <runs> <workers>
import { createVitest } from "vitest/node";

const [root, runs, workers] = process.argv.slice(2);
const vitest = await createVitest("test", { root, watch: false, maxWorkers: Number(workers), reporters: ["dot"] });
const specifications = await vitest.globTestSpecifications();
const results = [];
try {
  for (let run = 0; run < Number(runs); run++) {
    console.log(`--- run ${run + 1} of ${runs}`);
    // Each run's files meet in a world of the run's own (own-world.ts): the workers, made afresh for each file,
    // take the environment as it is when they start.
    process.env.SIGMAMIND_FIXTURE_RUN = String(run + 1);
    const started = performance.now();
    // The first run starts the session (reporters, the global setup's sandbox); the others run it again.
    const { testModules, unhandledErrors } =
      run === 0 ? await vitest.start() : await vitest.runTestSpecifications(specifications, true);
    const tests = testModules.flatMap((module) => [...module.children.allTests()]);
    const failures = [
      ...tests.flatMap((test) => (test.result().errors ?? []).map((error) => `${test.fullName}: ${error.message}`)),
      ...testModules.flatMap((module) => module.errors().map((error) => `${module.moduleId}: ${error.message}`)),
      ...unhandledErrors.map(String),
    ];
    results.push({
      // What `vitest run` would exit with: 1 when anything failed.
      exitCode: failures.length > 0 || tests.some((test) => test.result().state !== "passed") ? 1 : 0,
      total: tests.length,
      passed: tests.filter((test) => test.result().state === "passed").length,
      failures,
      poolIds: [...new Set(tests.map((test) => test.meta().poolId))],
      createdCallIds: tests.flatMap((test) => test.meta().createdCallIds ?? []),
      milliseconds: Math.round(performance.now() - started),
    });
  }
} finally {
  await vitest.close();
}
process.exitCode = 0;
process.send?.(results);
