// Runs the fixture project `runs` times in a row, each as `vitest run --root <fixture> --maxWorkers=<workers>`
// would, with its own global setup and so its own sandbox, and sends back what each run did. Started by
// shared-sandbox.test.ts as one child process for all the runs: Vitest's startup is paid once, not per run.
//   node run-fixture.mjs <fixture root> <runs> <workers>
import { startVitest } from "vitest/node";

const [root, runs, workers] = process.argv.slice(2);
const results = [];
for (let run = 0; run < Number(runs); run++) {
  console.log(`--- run ${run + 1} of ${runs}`);
  const started = performance.now();
  process.exitCode = undefined;
  const vitest = await startVitest("test", [], { root, run: true, maxWorkers: Number(workers), reporters: ["dot"] });
  const tests = vitest.state.getTestModules().flatMap((module) => [...module.children.allTests()]);
  results.push({
    // What `vitest run` would exit with: startVitest sets process.exitCode as the CLI does.
    exitCode: process.exitCode ?? 0,
    total: tests.length,
    passed: tests.filter((test) => test.result().state === "passed").length,
    failures: [
      ...tests.flatMap((test) => (test.result().errors ?? []).map((error) => `${test.fullName}: ${error.message}`)),
      ...vitest.state.getUnhandledErrors().map(String),
    ],
    poolIds: [...new Set(tests.map((test) => test.meta().poolId))],
    createdCallIds: tests.flatMap((test) => test.meta().createdCallIds ?? []),
    milliseconds: Math.round(performance.now() - started),
  });
}
process.exitCode = 0;
process.send?.(results);
