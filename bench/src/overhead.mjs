// 1. Per-request overhead: the same page fetched by each client from a keep-alive server in another process.
import { runInChild } from "./child.mjs";
import { startServer } from "./start-server.mjs";
import { median } from "./stats.mjs";

export const OVERHEAD_SETTINGS = {
  rounds: 5,
  concurrency: 16,
  /** Requests measured per client, scenario and round, by page size; a smaller page is cheaper, so more. */
  requests: { 10: 1000, 100: 400 },
  /** Unrecorded requests per client, size and mode before the first round: code compiled, validators loaded. */
  initialWarmup: 300,
  /** Unrecorded requests before each measurement: connections open, caches warm again after the other clients. */
  warmup: 200,
  sizes: [10, 100],
  modes: ["sequential", "concurrent"],
};

/** The clients every other is compared with, in the same round: the floor, and what the client is built on. */
export const BASELINES = /** @type {const} */ (["raw fetch", "openapi-fetch"]);

/**
 * The general-purpose clients the client must beat on latency in every scenario, each with its defaults: the
 * retries and timeouts it offers as they come (see clients.mjs). axios has no retries of its own and no timeout
 * by default; it stays in the list because it is what most projects reach for first.
 */
export const PEERS = /** @type {const} */ (["axios", "ky", "ofetch", "openai"]);

/** "sequential, size 10", "16 concurrent, size 100". @param {{ mode: string, size: number }} scenario */
export function scenarioLabel({ mode, size }) {
  return `${mode === "concurrent" ? `${OVERHEAD_SETTINGS.concurrency} concurrent` : "sequential"}, size ${size}`;
}

/**
 * @typedef {{ medianMs: number, p99Ms: number, requestsPerSecond: number }} RunFigures
 * @typedef {{ size: number, mode: string, rounds: Record<string, RunFigures>[] }} ScenarioRounds
 * @typedef {{ median: number, p99: number, requestsPerSecond: number }} Ratios
 * @typedef {RunFigures & { ratios: Record<(typeof BASELINES)[number], Ratios> }} ClientFigures
 * @typedef {{ size: number, mode: string, clients: Record<string, ClientFigures>,
 *   rounds: Record<string, RunFigures>[] }} Scenario
 */

/**
 * @returns {Promise<{ settings: typeof OVERHEAD_SETTINGS, clients: { name: string, defaults: string }[],
 *   scenarios: Scenario[] }>}
 */
export async function measureOverhead() {
  const server = await startServer({ mode: "seed" });
  try {
    /** @type {{ clients: { name: string, defaults: string }[], scenarios: ScenarioRounds[] }} */
    const measured = await runInChild(new URL("./overhead-worker.mjs", import.meta.url), {
      baseUrl: server.baseUrl,
      settings: OVERHEAD_SETTINGS,
    });
    return { settings: OVERHEAD_SETTINGS, clients: measured.clients, scenarios: measured.scenarios.map(summarize) };
  } finally {
    await server.close();
  }
}

/**
 * The median over rounds of `name`'s figure divided by `baseline`'s in the same round: runs made moments apart
 * under the same load, so the machine's drift between rounds cancels out.
 * @param {ScenarioRounds} scenario @param {string} name @param {string} baseline
 * @returns {Ratios}
 */
export function roundRatios(scenario, name, baseline) {
  const pairs = scenario.rounds.flatMap((round) => {
    const run = round[name];
    const base = round[baseline];
    return run && base ? [{ run, base }] : [];
  });
  return {
    median: median(pairs.map(({ run, base }) => run.medianMs / base.medianMs)),
    p99: median(pairs.map(({ run, base }) => run.p99Ms / base.p99Ms)),
    requestsPerSecond: median(pairs.map(({ run, base }) => run.requestsPerSecond / base.requestsPerSecond)),
  };
}

/**
 * Each figure is the median over rounds; each ratio, the median over rounds of that round's ratio to a baseline.
 * @param {ScenarioRounds} scenario
 * @returns {Scenario}
 */
function summarize(scenario) {
  /** @type {Record<string, ClientFigures>} */
  const clients = {};
  for (const name of Object.keys(scenario.rounds[0] ?? {})) {
    const runs = scenario.rounds.flatMap((round) => round[name] ?? []);
    clients[name] = {
      medianMs: median(runs.map((run) => run.medianMs)),
      p99Ms: median(runs.map((run) => run.p99Ms)),
      requestsPerSecond: median(runs.map((run) => run.requestsPerSecond)),
      ratios: /** @type {ClientFigures["ratios"]} */ (
        Object.fromEntries(BASELINES.map((baseline) => [baseline, roundRatios(scenario, name, baseline)]))
      ),
    };
  }
  return { size: scenario.size, mode: scenario.mode, clients, rounds: scenario.rounds };
}
