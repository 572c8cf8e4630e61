// `pnpm bench`: every measurement in one run, written to results.json (raw figures) and results.md (tables),
// exiting 1 with the figure of each budget that broke.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";

const clientEntry = fileURLToPath(import.meta.resolve("@sigmamind/client"));
if (!existsSync(clientEntry)) {
  console.error(
    `@sigmamind/client is not built (${clientEntry} is missing). Run: TURBO_TELEMETRY_DISABLED=1 pnpm exec turbo run build --filter=@sigmamind/client`,
  );
  process.exit(2);
}

const { checkBudgets, describeBudget } = await import("./budgets.mjs");
const { measureBundles, measureClientSources } = await import("./bundle-size.mjs");
const { measureOverhead } = await import("./overhead.mjs");
const { measurePrefetch, measureStreamMemory } = await import("./pagination.mjs");
const { renderMarkdown } = await import("./report.mjs");
const { measureTypeCost } = await import("./type-cost.mjs");

/**
 * @typedef {{
 *   date: string, durationMs: number,
 *   machine: { node: string, cpus: number, cpuModel: string, loadAverage: number[] },
 *   clientBuild: { entry: string, sha256: string, builtAt: string, changedDuringRun: boolean },
 *   overhead: Awaited<ReturnType<typeof measureOverhead>>,
 *   prefetch: Awaited<ReturnType<typeof measurePrefetch>>,
 *   stream: Awaited<ReturnType<typeof measureStreamMemory>>,
 *   bundles: Awaited<ReturnType<typeof measureBundles>>,
 *   clientSources: Awaited<ReturnType<typeof measureClientSources>>,
 *   typeCost: Awaited<ReturnType<typeof measureTypeCost>>,
 *   budgets: import("./budgets.mjs").Budget[],
 * }} Results
 */

/** Which build was measured: a rebuild in the middle of a run would mix two clients' figures. */
function fingerprint() {
  return {
    sha256: createHash("sha256").update(readFileSync(clientEntry)).digest("hex"),
    builtAt: statSync(clientEntry).mtime.toISOString(),
  };
}

const started = performance.now();
const buildAtStart = fingerprint();
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
const clientSources = await measureClientSources();
const typeCost = await section("4. type cost", measureTypeCost);

const changedDuringRun = fingerprint().sha256 !== buildAtStart.sha256;
if (changedDuringRun) {
  console.error(`\nWARNING: ${clientEntry} was rebuilt during the run; its figures mix two builds. Run again.`);
}
const measured = {
  date: new Date().toISOString(),
  durationMs: performance.now() - started,
  machine,
  clientBuild: { entry: clientEntry, ...buildAtStart, changedDuringRun },
  overhead,
  prefetch,
  stream,
  bundles,
  clientSources,
  typeCost,
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
