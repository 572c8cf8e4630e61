// `pnpm bench`: every measurement in one run, written to results.json (raw figures) and results.md (tables),
// exiting 1 with the figure of each budget that broke.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const clientEntry = fileURLToPath(import.meta.resolve("@sigmamind/client"));
if (!existsSync(clientEntry)) {
  console.error(
    `@sigmamind/client is not built (${clientEntry} is missing). Run: TURBO_TELEMETRY_DISABLED=1 pnpm exec turbo run build --filter=@sigmamind/client`,
  );
  process.exit(2);
}
const mockEntry = fileURLToPath(import.meta.resolve("@sigmamind/mock"));
if (!existsSync(mockEntry)) {
  console.error(
    `@sigmamind/mock is not built (${mockEntry} is missing). Run: TURBO_TELEMETRY_DISABLED=1 pnpm exec turbo run build --filter=@sigmamind/mock`,
  );
  process.exit(2);
}

const { checkBudgets, describeBudget } = await import("./budgets.mjs");
const { measureBundles } = await import("./bundle-size.mjs");
const { measureOverhead } = await import("./overhead.mjs");
const { measurePrefetch, measureStreamMemory } = await import("./pagination.mjs");
const { renderMarkdown } = await import("./report.mjs");
const { measureSandboxMemory, measureSandboxStart, measureSandboxThroughput } = await import("./sandbox.mjs");
const { measureTypeCost } = await import("./type-cost.mjs");

/**
 * @typedef {{
 *   date: string, durationMs: number,
 *   machine: { node: string, cpus: number, cpuModel: string, loadAverage: number[] },
 *   clientBuild: { entry: string, sha256: string, builtAt: string, changedDuringRun: boolean },
 *   mockBuild: { entry: string, sha256: string, builtAt: string, changedDuringRun: boolean },
 *   overhead: Awaited<ReturnType<typeof measureOverhead>>,
 *   prefetch: Awaited<ReturnType<typeof measurePrefetch>>,
 *   stream: Awaited<ReturnType<typeof measureStreamMemory>>,
 *   bundles: Awaited<ReturnType<typeof measureBundles>>,
 *   typeCost: Awaited<ReturnType<typeof measureTypeCost>>,
 *   sandboxStart: Awaited<ReturnType<typeof measureSandboxStart>>,
 *   sandboxThroughput: Awaited<ReturnType<typeof measureSandboxThroughput>>,
 *   sandboxMemory: Awaited<ReturnType<typeof measureSandboxMemory>>,
 *   budgets: import("./budgets.mjs").Budget[],
 * }} Results
 */

/**
 * Which build was measured: a rebuild in the middle of a run would mix two builds' figures. The mock's whole
 * dist/ counts, since its entry only re-exports the chunks the sandbox lives in.
 * @param {string[]} files
 */
function fingerprint(files) {
  const hash = createHash("sha256");
  for (const file of files) hash.update(readFileSync(file));
  return { sha256: hash.digest("hex"), builtAt: statSync(files[0] ?? "").mtime.toISOString() };
}
const mockDist = dirname(mockEntry);
/** The entry first, for the build time, then every other file of dist/. */
const mockFiles = () => [
  mockEntry,
  ...readdirSync(mockDist)
    .sort()
    .map((file) => join(mockDist, file))
    .filter((file) => file !== mockEntry),
];

const started = performance.now();
const buildAtStart = fingerprint([clientEntry]);
const mockBuildAtStart = fingerprint(mockFiles());
const machine = {
  node: process.versions.node,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model.trim() ?? "unknown",
  loadAverage: loadavg(),
};
/** @template T @param {string} title @param {() => Promise<T>} measure @returns {Promise<T>} */
async function section(title, measure) {
  const sectionStarted = performance.now();
  console.error(`${title}...`);
  const result = await measure();
  console.error(`${title}: ${((performance.now() - sectionStarted) / 1000).toFixed(1)} s`);
  return result;
}

const overhead = await section("1. per-request overhead", measureOverhead);
const prefetch = await section("2. pagination: prefetch", measurePrefetch);
const stream = await section("2. pagination: streaming memory", measureStreamMemory);
const bundles = await section("3. bundle size", measureBundles);
const typeCost = await section("4. type cost", measureTypeCost);
const sandboxStart = await section("5. sandbox: start-up", measureSandboxStart);
const sandboxThroughput = await section("5. sandbox: throughput", measureSandboxThroughput);
const sandboxMemory = await section("5. sandbox: memory", measureSandboxMemory);

const changedDuringRun = fingerprint([clientEntry]).sha256 !== buildAtStart.sha256;
if (changedDuringRun) {
  console.error(`\nWARNING: ${clientEntry} was rebuilt during the run; its figures mix two builds. Run again.`);
}
const mockChangedDuringRun = fingerprint(mockFiles()).sha256 !== mockBuildAtStart.sha256;
if (mockChangedDuringRun) {
  console.error(
    `\nWARNING: ${mockDist} was rebuilt during the run; the sandbox's figures may mix two builds. Run again.`,
  );
}
const measured = {
  date: new Date().toISOString(),
  durationMs: performance.now() - started,
  machine,
  clientBuild: { entry: clientEntry, ...buildAtStart, changedDuringRun },
  mockBuild: { entry: mockEntry, ...mockBuildAtStart, changedDuringRun: mockChangedDuringRun },
  overhead,
  prefetch,
  stream,
  bundles,
  typeCost,
  sandboxStart,
  sandboxThroughput,
  sandboxMemory,
};
/** @type {Results} */
const results = { ...measured, budgets: checkBudgets(measured) };
writeFileSync(new URL("../results.json", import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(new URL("../results.md", import.meta.url), renderMarkdown(results));

console.log(`\nResults: bench/results.md (tables) and bench/results.json (raw figures).\n`);
for (const budget of results.budgets) console.log(`${budget.pass ? "pass" : "FAIL"}  ${describeBudget(budget)}`);
const failed = results.budgets.filter((budget) => !budget.pass);
if (failed.length > 0) {
  console.error(`\n${failed.length} budget${failed.length === 1 ? "" : "s"} broken:`);
  for (const budget of failed) console.error(`  ${describeBudget(budget)}`);
  process.exitCode = 1;
}
