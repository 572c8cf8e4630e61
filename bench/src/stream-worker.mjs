// Streams every call of a paged list once and reports how far RSS rose above a baseline taken after a
// warm-up request and a full garbage collection. Run by pagination.mjs in a fresh process with --expose-gc,
// either through the client's iterator or through raw fetch + JSON.parse page by page: the floor any
// fetch-based client stands on, so the client's share of a figure can be told from the runtime's.
import { getHeapSpaceStatistics } from "node:v8";
import { SigmaMind } from "@sigmamind/client";
import { collectGarbage, serveAsChild } from "./child.mjs";

const MB = 1024 * 1024;
const SAMPLE_EVERY_MS = 2;
const SAMPLE_EVERY_CALLS = 500;

/**
 * @typedef {{ reader: "client" | "raw fetch", prefetchPages: number, calls: number, wallMs: number,
 *   coldRssMb: number, baselineRssMb: number, peakRssGrowthMb: number, peakHeapUsedGrowthMb: number,
 *   peakHeapTotalGrowthMb: number, peakExternalGrowthMb: number, peakYoungGenerationGrowthMb: number,
 *   settledHeapUsedGrowthMb: number,
 *   rssGrowthByTenthMb: number[], samples: number }} StreamFigures
 * @typedef {{ baseUrl: string, reader: "client" | "raw fetch", pageSize: number, prefetchPages: number,
 *   expected: number }} StreamInput
 */

serveAsChild(
  /** @param {StreamInput} input @returns {Promise<StreamFigures>} */
  async ({ baseUrl, reader, pageSize, prefetchPages, expected }) => {
    const coldRss = process.memoryUsage.rss();
    const stream = reader === "client" ? clientStream(baseUrl, pageSize, prefetchPages) : rawStream(baseUrl, pageSize);
    // The first page loads fetch itself and the client's code: a one-off cost, not the stream's.
    await stream.warmUp();
    collectGarbage();
    collectGarbage();
    const baseline = process.memoryUsage();
    const peak = { ...baseline };
    const baselineYoung = youngGenerationSize();
    let peakYoung = baselineYoung;
    let samples = 0;
    const sample = () => {
      const usage = process.memoryUsage();
      peak.rss = Math.max(peak.rss, usage.rss);
      peak.heapUsed = Math.max(peak.heapUsed, usage.heapUsed);
      peak.heapTotal = Math.max(peak.heapTotal, usage.heapTotal);
      peak.external = Math.max(peak.external, usage.external);
      samples++;
      return usage.rss;
    };
    /** @type {number[]} */
    const byTenth = [];
    const timer = setInterval(sample, SAMPLE_EVERY_MS);
    const started = performance.now();
    let calls = 0;
    for await (const _call of stream.calls()) {
      calls++;
      if (calls % SAMPLE_EVERY_CALLS === 0) {
        const rss = sample();
        // Not in the 2 ms timer: the heap-space list is garbage of its own, and the young generation only
        // changes size at a collection, so every 500 calls is often enough.
        peakYoung = Math.max(peakYoung, youngGenerationSize());
        if (calls % (expected / 10) === 0) byTenth.push((rss - baseline.rss) / MB);
      }
    }
    const wallMs = performance.now() - started;
    clearInterval(timer);
    sample();
    if (calls !== expected) throw new Error(`stream (${reader}): iterated ${calls} calls, expected ${expected}`);
    collectGarbage();
    collectGarbage();
    return {
      reader,
      prefetchPages,
      calls,
      wallMs,
      coldRssMb: coldRss / MB,
      baselineRssMb: baseline.rss / MB,
      peakRssGrowthMb: (peak.rss - baseline.rss) / MB,
      peakHeapUsedGrowthMb: (peak.heapUsed - baseline.heapUsed) / MB,
      peakHeapTotalGrowthMb: (peak.heapTotal - baseline.heapTotal) / MB,
      peakExternalGrowthMb: (peak.external - baseline.external) / MB,
      peakYoungGenerationGrowthMb: (peakYoung - baselineYoung) / MB,
      // What stays reachable once the stream is over: a leak shows here, garbage does not.
      settledHeapUsedGrowthMb: (process.memoryUsage().heapUsed - baseline.heapUsed) / MB,
      rssGrowthByTenthMb: byTenth,
      samples,
    };
  },
);

/**
 * Bytes V8 has reserved for short-lived objects. It grows (up to two 16 MB semi-spaces on 64-bit Node 20) as
 * objects keep surviving collections, whoever allocates them: the part of an RSS peak the runtime sets.
 */
function youngGenerationSize() {
  return getHeapSpaceStatistics().find((space) => space.space_name === "new_space")?.space_size ?? 0;
}

/** @param {string} baseUrl @param {number} size @param {number} prefetchPages */
function clientStream(baseUrl, size, prefetchPages) {
  const client = new SigmaMind({ apiKey: "bench-key", baseUrl });
  return {
    warmUp: async () => void (await client.calls.list({ size })),
    calls: () => client.calls.list({ size }, { prefetchPages }),
  };
}

/** @param {string} baseUrl @param {number} size */
function rawStream(baseUrl, size) {
  const headers = { "X-API-Key": "bench-key" };
  /** @param {number} page @returns {Promise<{ data: unknown[], hasNext: boolean }>} */
  const fetchPage = async (page) => {
    const response = await fetch(`${baseUrl}/v1/calls?size=${size}&page=${page}`, { headers });
    return JSON.parse(await response.text());
  };
  return {
    warmUp: async () => void (await fetchPage(0)),
    async *calls() {
      for (let page = 0; ; page++) {
        const body = await fetchPage(page);
        yield* body.data;
        if (!body.hasNext) return;
      }
    },
  };
}
