// 2. Pagination: wall time of iterating 100 slow pages with and without prefetch, and the memory that
// streaming 100,000 calls takes.
import { SigmaMind } from "@sigmamind/client";
import { runInChild } from "./child.mjs";
import { startServer } from "./start-server.mjs";
import { median } from "./stats.mjs";

export const PREFETCH_SETTINGS = {
  pages: 100,
  pageSize: 20,
  latencyMs: 20,
  prefetch: [0, 4, 8],
  repeats: 3,
};

export const STREAM_SETTINGS = {
  pages: 1000,
  pageSize: 100,
  /**
   * Each reader streams this many times, each time in a fresh process, the readers' order reversed every other
   * time. One process's peak moves by a quarter from one to the next (when V8 enlarges its young generation
   * decides most of it), more than the budget's allowance; the median of three does not.
   */
  repeats: 3,
  /**
   * Each run streams every call in a fresh process. The budget compares the client's run without prefetch with
   * raw fetch's: the same pages, read the same way, one at a time.
   */
  runs: /** @type {{ reader: "client" | "raw fetch", prefetchPages: number }[]} */ ([
    { reader: "client", prefetchPages: 0 },
    { reader: "client", prefetchPages: 8 },
    { reader: "raw fetch", prefetchPages: 0 },
  ]),
};

/**
 * @typedef {{ prefetchPages: number, wallMs: number, runsMs: number[], speedup: number }} PrefetchFigures
 * @typedef {import("./stream-worker.mjs").StreamFigures & { peakRssGrowthRunsMb: number[] }} StreamFigures
 *   The figures of a reader's median run by peak RSS growth, and that growth in each of its runs.
 */

/** @returns {Promise<{ settings: typeof PREFETCH_SETTINGS, runs: PrefetchFigures[] }>} */
export async function measurePrefetch() {
  const { pages, pageSize, latencyMs, prefetch, repeats } = PREFETCH_SETTINGS;
  const server = await startServer({ mode: "paged", totalCalls: pages * pageSize, latencyMs });
  try {
    const client = new SigmaMind({ apiKey: "bench-key", baseUrl: server.baseUrl });
    /** @type {Map<number, number[]>} */
    const runs = new Map(prefetch.map((prefetchPages) => [prefetchPages, []]));
    // One unrecorded pass opens the connections that prefetch will use.
    await iterate(client, pageSize, Math.max(...prefetch), pages * pageSize);
    for (let repeat = 0; repeat < repeats; repeat++) {
      const order = repeat % 2 === 0 ? prefetch : [...prefetch].reverse();
      for (const prefetchPages of order) {
        runs.get(prefetchPages)?.push(await iterate(client, pageSize, prefetchPages, pages * pageSize));
      }
    }
    const sequentialMs = median(runs.get(0) ?? []);
    return {
      settings: PREFETCH_SETTINGS,
      runs: prefetch.map((prefetchPages) => {
        const runsMs = runs.get(prefetchPages) ?? [];
        const wallMs = median(runsMs);
        return { prefetchPages, wallMs, runsMs, speedup: sequentialMs / wallMs };
      }),
    };
  } finally {
    await server.close();
  }
}

/**
 * @param {SigmaMind} client @param {number} size @param {number} prefetchPages @param {number} expected
 * @returns {Promise<number>} the wall time in milliseconds
 */
async function iterate(client, size, prefetchPages, expected) {
  const started = performance.now();
  let count = 0;
  for await (const _call of client.calls.list({ size }, { prefetchPages })) count++;
  const wallMs = performance.now() - started;
  if (count !== expected) throw new Error(`pagination: iterated ${count} calls, expected ${expected}`);
  return wallMs;
}

/** @returns {Promise<{ settings: typeof STREAM_SETTINGS, runs: StreamFigures[] }>} */
export async function measureStreamMemory() {
  const { pages, pageSize } = STREAM_SETTINGS;
  const server = await startServer({ mode: "paged", totalCalls: pages * pageSize });
  try {
    const readers = STREAM_SETTINGS.runs.map((run) => ({
      ...run,
      /** @type {import("./stream-worker.mjs").StreamFigures[]} */ figures: [],
    }));
    for (let repeat = 0; repeat < STREAM_SETTINGS.repeats; repeat++) {
      for (const { reader, prefetchPages, figures } of repeat % 2 === 0 ? readers : [...readers].reverse()) {
        /** @type {import("./stream-worker.mjs").StreamInput} */
        const input = { baseUrl: server.baseUrl, reader, pageSize, prefetchPages, expected: pages * pageSize };
        figures.push(await runInChild(new URL("./stream-worker.mjs", import.meta.url), input));
      }
    }
    return { settings: STREAM_SETTINGS, runs: readers.map(({ figures }) => medianRun(figures)) };
  } finally {
    await server.close();
  }
}

/**
 * The run whose peak RSS growth is the median of a reader's runs, with each run's growth.
 * @param {import("./stream-worker.mjs").StreamFigures[]} runs @returns {StreamFigures}
 */
function medianRun(runs) {
  const sorted = [...runs].sort((a, b) => a.peakRssGrowthMb - b.peakRssGrowthMb);
  const middle = sorted[Math.floor((sorted.length - 1) / 2)];
  if (!middle) throw new Error("streaming memory: a reader was never run");
  return { ...middle, peakRssGrowthRunsMb: runs.map((run) => run.peakRssGrowthMb) };
}
