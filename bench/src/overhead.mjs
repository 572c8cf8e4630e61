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

/**
 * @typedef {{ medianMs: number, p99Ms: number, requestsPerSecond: number }} RunFigures
 * @typedef {{ size: number, mode: string, rounds: Record<string, RunFigures>[] }} ScenarioRounds
 * @typedef {RunFigures & { medianRatio: number, p99Ratio: number, throughputRatio: number }} ClientFigures
 * @typedef {{ size: number, mode: string, clients: Record<string, ClientFigures>,
 *   rounds: Record<string, RunFigures>[] }} Scenario
 */

/** @returns {Promise<{ settings: typeof OVERHEAD_SETTINGS, scenarios: Scenario[] }>} */
export async function measureOverhead() {
  const server = await startServer({ mode: "seed" });
  try {
    /** @type {ScenarioRounds[]} */
    const measured = await runInChild(new URL("./overhead-worker.mjs", import.meta.url), {
      baseUrl: server.baseUrl,
      settings: OVERHEAD_SETTINGS,
    });
    return { settings: OVERHEAD_SETTINGS, scenarios: measured.map(summarize) };
  } finally {
    await server.close();
  }
}

/**
 * Each figure is the median over rounds; each ratio is the median over rounds of that round's ratio to raw
 * fetch, which compares runs made moments apart under the same load.
 * @param {ScenarioRounds} scenario
 * @returns {Scenario}
 */
function summarize(scenario) {
  const names = Object.keys(scenario.rounds[0] ?? {});
  /** @type {Record<string, ClientFigures>} */
  const clients = {};
  for (const name of names) {
    const pairs = scenario.rounds.flatMap((round) => {
      const run = round[name];
      const floor = round["raw fetch"];
      return run && floor ? [{ run, floor }] : [];
    });
    clients[name] = {
      medianMs: median(pairs.map(({ run }) => run.medianMs)),
      p99Ms: median(pairs.map(({ run }) => run.p99Ms)),
      requestsPerSecond: median(pairs.map(({ run }) => run.requestsPerSecond)),
      medianRatio: median(pairs.map(({ run, floor }) => run.medianMs / floor.medianMs)),
      p99Ratio: median(pairs.map(({ run, floor }) => run.p99Ms / floor.p99Ms)),
      throughputRatio: median(pairs.map(({ run, floor }) => run.requestsPerSecond / floor.requestsPerSecond)),
    };
  }
  return { size: scenario.size, mode: scenario.mode, clients, rounds: scenario.rounds };
}
