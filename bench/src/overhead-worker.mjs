// The client side of the overhead measurement, in a process of its own (see overhead.mjs).
import { serveAsChild } from "./child.mjs";
import { createBenchClients } from "./clients.mjs";
import { median, percentile } from "./stats.mjs";

/**
 * @typedef {import("./overhead.mjs").RunFigures} RunFigures
 * @typedef {import("./overhead.mjs").ScenarioRounds} ScenarioRounds
 * @typedef {import("./clients.mjs").BenchClient} BenchClient
 */

serveAsChild(
  /** @param {{ baseUrl: string, settings: typeof import("./overhead.mjs").OVERHEAD_SETTINGS }} input */
  async ({ baseUrl, settings }) => {
    const clients = createBenchClients(baseUrl);
    for (const size of settings.sizes) await checkSamePage(clients, size);
    /** @type {ScenarioRounds[]} */
    const scenarios = settings.sizes.flatMap((size) => settings.modes.map((mode) => ({ size, mode, rounds: [] })));
    for (const client of clients) {
      for (const { size, mode } of scenarios) {
        await run(client, size, settings.initialWarmup, mode === "concurrent" ? settings.concurrency : 1);
      }
    }
    for (let round = 0; round < settings.rounds; round++) {
      // Alternate the order, so no client always runs first (cold caches) or last (a heap full of the others').
      const order = round % 2 === 0 ? clients : [...clients].reverse();
      for (const scenario of scenarios) {
        /** @type {Record<string, RunFigures>} */
        const figures = {};
        const requests = settings.requests[/** @type {10 | 100} */ (scenario.size)];
        const concurrency = scenario.mode === "concurrent" ? settings.concurrency : 1;
        for (const client of order) {
          // No forced full collection here: one deoptimizes compiled code that refers to objects it frees, so
          // the run after it would time recompilation (dearer for a client with more JavaScript) instead of the
          // steady state. Collections happen as they would in a long-running program; reversing the order
          // every other round spreads whose garbage they collect.
          await run(client, scenario.size, settings.warmup, concurrency);
          figures[client.name] = await run(client, scenario.size, requests, concurrency);
        }
        scenario.rounds.push(figures);
      }
      console.error(`  overhead: round ${round + 1}/${settings.rounds} done`);
    }
    return { clients: clients.map(({ name, defaults }) => ({ name, defaults })), scenarios };
  },
);

/**
 * Every client must hand back the page raw fetch reads, field for field, or the comparison times different work.
 * @param {BenchClient[]} clients @param {number} size
 */
async function checkSamePage(clients, size) {
  /** @param {unknown} body */
  const fields = (body) => {
    const { data, page, size, totalCounts, totalPages, hasNext, hasPrevious } = /** @type {Record<string, unknown>} */ (
      body
    );
    return JSON.stringify({ data, page, size, totalCounts, totalPages, hasNext, hasPrevious });
  };
  const [floor, ...others] = clients;
  if (!floor) return;
  const expected = fields(await floor.list(size));
  for (const client of others) {
    const got = fields(await client.list(size));
    if (got !== expected) {
      throw new Error(`${client.name} read a different page than ${floor.name} at size ${size}: ${got.slice(0, 200)}`);
    }
  }
}

/**
 * `count` requests, `concurrency` at a time, each timed from the call to the parsed body.
 * @param {BenchClient} client @param {number} size @param {number} count @param {number} concurrency
 * @returns {Promise<RunFigures>}
 */
async function run(client, size, count, concurrency) {
  const latencies = new Float64Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      const started = performance.now();
      const body = /** @type {{ data: unknown[] }} */ (await client.list(size));
      latencies[index] = performance.now() - started;
      if (body.data.length !== size) throw new Error(`${client.name}: got ${body.data.length} calls, not ${size}`);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wallMs = performance.now() - started;
  const samples = Array.from(latencies);
  return {
    medianMs: median(samples),
    p99Ms: percentile(samples, 0.99),
    requestsPerSecond: (count / wallMs) * 1000,
  };
}
