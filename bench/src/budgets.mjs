// The budgets `pnpm bench` enforces. A budget that fails is reported with its figure; it is never loosened
// to make a run pass.

/**
 * @typedef {{ name: string, scenario: string, figure: number, limit: number, unit: string,
 *   comparison: "at most" | "at least" | "under", pass: boolean }} Budget
 * @typedef {import("./run.mjs").Results} Results
 */

/** @param {Omit<Results, "budgets">} results @returns {Budget[]} */
export function checkBudgets(results) {
  // The checked scenario: one request at a time, so latency is the client's own work, not queueing behind 15
  // others; and 10 calls a page, the API's default size, where a client's fixed per-request cost shows
  // instead of drowning in the JSON.parse that every client pays alike.
  const checked = results.overhead.scenarios.find((scenario) => scenario.size === 10 && scenario.mode === "sequential");
  const scenario = "sequential, size 10, median over rounds of the per-round ratio";
  /** @param {string} name */
  const ratio = (name) => checked?.clients[name]?.medianRatio ?? Number.NaN;
  const prefetch8 = results.prefetch.runs.find((run) => run.prefetchPages === 8);
  const stream = results.stream.runs.find((run) => run.reader === "client" && run.prefetchPages === 0);
  const client = results.bundles.find((bundle) => bundle.name === "client");
  return [
    atMost("client (validation off) median latency vs raw fetch", scenario, ratio("client"), 1.15, "×"),
    atMost("client + validation median latency vs raw fetch", scenario, ratio("client + validation"), 1.35, "×"),
    {
      name: "prefetchPages 8 speed-up over sequential iteration",
      scenario: "100 pages of 20, 20 ms server latency, median of 3 runs",
      figure: prefetch8?.speedup ?? Number.NaN,
      limit: 5,
      unit: "×",
      comparison: "at least",
      pass: (prefetch8?.speedup ?? 0) >= 5,
    },
    {
      name: "peak RSS growth streaming 100,000 calls",
      scenario: "1000 pages of 100, prefetch 0, fresh process, after a warm-up page and gc()",
      figure: stream?.peakRssGrowthMb ?? Number.NaN,
      limit: 50,
      unit: "MB",
      comparison: "under",
      pass: (stream?.peakRssGrowthMb ?? Number.POSITIVE_INFINITY) < 50,
    },
    atMost(
      "client bundle without validation (dependencies included), gzipped",
      "esbuild, browser, minified, split: the entry chunk and its static imports; openapi-fetch (client.raw only) and the validators load on demand",
      client?.upFront.gzip ?? Number.NaN,
      8192,
      "bytes",
    ),
  ];
}

/**
 * @param {string} name @param {string} scenario @param {number} figure @param {number} limit @param {string} unit
 * @returns {Budget}
 */
function atMost(name, scenario, figure, limit, unit) {
  return { name, scenario, figure, limit, unit, comparison: "at most", pass: figure <= limit };
}

/** @param {Budget} budget */
export function describeBudget(budget) {
  return `${budget.name} (${budget.scenario}): ${budgetFigure(budget)}, limit ${budgetLimit(budget)}`;
}

/** @param {Budget} budget */
export function budgetFigure(budget) {
  if (budget.unit === "×") return `${budget.figure.toFixed(2)}×`;
  return `${Number.isInteger(budget.figure) ? budget.figure : budget.figure.toFixed(1)} ${budget.unit}`;
}

/** @param {Budget} budget */
export function budgetLimit(budget) {
  return `${budget.comparison} ${budget.limit}${budget.unit === "×" ? "×" : ` ${budget.unit}`}`;
}
