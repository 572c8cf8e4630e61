// The budgets `pnpm bench` enforces. A budget that fails is reported with its figure; it is never loosened
// to make a run pass.

import { PEERS, roundRatios, scenarioLabel } from "./overhead.mjs";

/**
 * A limit measured in the same run says where it comes from in `basis`: "raw fetch's 72.4 MB in the same run + 10%".
 * @typedef {{ name: string, scenario: string, figure: number, limit: number, unit: string,
 *   comparison: "at most" | "at least" | "below", basis?: string, pass: boolean }} Budget
 * @typedef {import("./run.mjs").Results} Results
 */

/** The bundle a user's bundler loads before the first line of theirs runs, openapi-fetch included. */
export const UP_FRONT_BUNDLE_LIMIT_BYTES = 12 * 1024;
/** What the client may add to bare openapi-fetch's median latency, in every overhead scenario. */
export const LATENCY_LIMIT_VS_OPENAPI_FETCH = 1.05;
/** Streaming may take this much more peak RSS than raw fetch streaming the same calls in the same run. */
export const STREAM_RSS_ALLOWANCE = 0.1;
/** The sandbox's first answer, from spawning `node`: 1/20 of the 4.4 s a Prism mock takes to start here. */
export const SANDBOX_START_LIMIT_MS = 4400 / 20;

/** @param {Omit<Results, "budgets">} results @returns {Budget[]} */
export function checkBudgets(results) {
  // Validation is checked on one request at a time, so latency is the client's own work, not queueing behind
  // 15 others; and 10 calls a page, the API's default size, where its fixed per-request cost shows.
  const sequential10 = results.overhead.scenarios.find(
    (scenario) => scenario.size === 10 && scenario.mode === "sequential",
  );
  const prefetch8 = results.prefetch.runs.find((run) => run.prefetchPages === 8);
  /** @param {"client" | "raw fetch"} reader */
  const streamed = (reader) =>
    results.stream.runs.find((run) => run.reader === reader && run.prefetchPages === 0)?.peakRssGrowthMb ?? Number.NaN;
  const rawFetchRssMb = streamed("raw fetch");
  const client = results.bundles.find((bundle) => bundle.name === "client");
  return [
    ...results.overhead.scenarios.flatMap(latencyBudgets),
    // Against the client itself, so the figure is what turning validation on costs and nothing else. The limit
    // is about the room the earlier budgets left for validation: 1.35× against the client's 1.15×, both × raw fetch.
    atMost(
      "client + validation median latency vs client (validation off)",
      `${scenarioLabel({ mode: "sequential", size: 10 })}, median over rounds of the per-round ratio`,
      sequential10 ? roundRatios(sequential10, "client + validation", "client").median : Number.NaN,
      1.2,
      "×",
    ),
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
      ...atMost(
        "client peak RSS growth streaming 100,000 calls vs raw fetch",
        `1000 pages of 100, prefetch 0, median of ${results.stream.settings.repeats} fresh processes per reader, after a warm-up page and gc()`,
        streamed("client"),
        rawFetchRssMb * (1 + STREAM_RSS_ALLOWANCE),
        "MB",
      ),
      basis: `raw fetch's ${rawFetchRssMb.toFixed(1)} MB in the same run + ${STREAM_RSS_ALLOWANCE * 100}%`,
    },
    atMost(
      "client bundle loaded up front, openapi-fetch included, gzipped",
      "esbuild, browser, minified, split: the entry chunk and its static imports; the validators load on demand",
      client?.upFront.gzip ?? Number.NaN,
      UP_FRONT_BUNDLE_LIMIT_BYTES,
      "bytes",
    ),
    ...sandboxBudgets(results),
  ];
}

/**
 * Every overhead scenario, sequential and 16 concurrent, size 10 and size 100: the client against bare
 * openapi-fetch and against each peer, as the median over rounds of the ratio within a round.
 * @param {import("./overhead.mjs").Scenario} checked @returns {Budget[]}
 */
function latencyBudgets(checked) {
  const scenario = `${scenarioLabel(checked)}, median over rounds of the per-round ratio`;
  /** @param {string} baseline */
  const ratio = (baseline) => roundRatios(checked, "client", baseline).median;
  return [
    // The client is openapi-fetch plus its transport (key, retries, timeouts, redirects) and its checks: this is
    // what those cost, against the same openapi-fetch measured moments before or after.
    atMost(
      "client (validation off) median latency vs bare openapi-fetch",
      scenario,
      ratio("openapi-fetch"),
      LATENCY_LIMIT_VS_OPENAPI_FETCH,
      "×",
    ),
    // Faster than each general-purpose client with its own retries and timeouts on: a ratio below 1.
    ...PEERS.map((peer) => ({
      name: `client (validation off) median latency vs ${peer}`,
      scenario,
      figure: ratio(peer),
      limit: 1,
      unit: "×",
      comparison: /** @type {const} */ ("below"),
      basis: "faster",
      pass: ratio(peer) < 1,
    })),
  ];
}

/** @param {Omit<Results, "budgets">} results @returns {Budget[]} */
function sandboxBudgets({ sandboxStart, sandboxThroughput, sandboxMemory }) {
  const startScenario = `spawn node to first GET /v1/calls answer, median of ${sandboxStart.rounds.length} rounds`;
  /** @param {string} server @param {string} scenario */
  const requestsPerSecond = (server, scenario) =>
    sandboxThroughput.runs.find((run) => run.server === server && run.scenario === scenario)?.requestsPerSecond ??
    Number.NaN;
  const throughputScenario = `autocannon, ${sandboxThroughput.settings.connections} connections, ${sandboxThroughput.settings.durationSeconds} s each`;
  const loadedScenario = `${throughputScenario}; loaded: ${sandboxThroughput.loadedTotalCalls.toLocaleString("en-US")} calls in the world asked`;
  const { sandbox, bare } = sandboxMemory.started;
  const { start, reset } = sandboxMemory.reset;
  return [
    atMost("sandbox start-up vs bare node:http server", startScenario, sandboxStart.ratio, 3, "×"),
    {
      ...atMost("sandbox start-up", startScenario, sandboxStart.sandboxMs, SANDBOX_START_LIMIT_MS, "ms"),
      basis: "1/20 of 4.4 s",
    },
    {
      name: "sandbox GET /v1/calls requests/s vs bare node:http server",
      scenario: `${throughputScenario}, size 10, same page bytes`,
      figure: requestsPerSecond("sandbox", "list, fresh") / requestsPerSecond("bare", "list"),
      limit: 0.25,
      unit: "×",
      comparison: "at least",
      pass: requestsPerSecond("sandbox", "list, fresh") / requestsPerSecond("bare", "list") >= 0.25,
    },
    atMost(
      "sandbox GET /v1/calls requests/s, fresh vs loaded",
      loadedScenario,
      requestsPerSecond("sandbox", "list, fresh") / requestsPerSecond("sandbox", "list, loaded"),
      1.5,
      "×",
    ),
    atMost(
      "sandbox GET /v1/calls/{callId} requests/s, fresh vs loaded",
      loadedScenario,
      requestsPerSecond("sandbox", "get by id, fresh") / requestsPerSecond("sandbox", "get by id, loaded"),
      1.5,
      "×",
    ),
    atMost(
      "started sandbox RSS vs bare node:http server",
      `own process, after one request and gc(), median of ${sandboxMemory.started.rounds.length}`,
      sandbox.rssMb / bare.rssMb,
      1.5,
      "×",
    ),
    {
      // heapUsed, not RSS: V8 keeps the pages its heap grew into after a collection frees them, so RSS stays near
      // its peak whatever the sandbox releases. RSS is reported beside it.
      ...atMost(
        "sandbox heap used after 10,000 creates and a reset vs at the start",
        "one world, over HTTP; after gc()",
        reset.heapUsedMb / start.heapUsedMb,
        1.1,
        "×",
      ),
      basis: `${start.heapUsedMb.toFixed(1)} MB at the start + 10%`,
    },
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
  // Three decimals: at two, a 1.034× that breaks a 1.03× limit would read as if it met it.
  if (budget.unit === "×") return `${budget.figure.toFixed(3)}×`;
  return `${formatFigure(budget.figure)} ${budget.unit}`;
}

/** @param {Budget} budget */
export function budgetLimit(budget) {
  const limit = budget.unit === "×" ? `${budget.limit}×` : `${formatFigure(budget.limit)} ${budget.unit}`;
  return `${budget.comparison} ${limit}${budget.basis ? ` (${budget.basis})` : ""}`;
}

/** @param {number} value */
function formatFigure(value) {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
