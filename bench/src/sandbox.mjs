// 5. The sandbox (`startSandbox` from @sigmamind/mock) against a bare node:http server answering the same page
// bytes, each in a process of its own: how long it takes to answer its first request, how many requests a second
// it serves, and the memory it holds.
import { fileURLToPath } from "node:url";
import { createSandbox } from "@sigmamind/mock";
import { startNodeProcess } from "@sigmamind/test-support/node-process";
import autocannon from "autocannon";
import { median } from "./stats.mjs";

const API_KEY = "bench-key";
const NEW_CALL = JSON.stringify({ fromPhoneNumber: "+14155552671", toPhoneNumber: "+14155550123", agentId: "agent-1" });
const MB = 1024 * 1024;

export const SANDBOX_SETTINGS = {
  /** Start-up: rounds of (sandbox, bare) spawned one after the other, order reversed every other round. */
  startRounds: 7,
  /**
   * Throughput: autocannon's connections; the seconds each scenario is measured, split over rounds in turn with
   * the others; and the seconds of its warm-up run, before the first round.
   */
  connections: 50,
  durationSeconds: 5,
  throughputRounds: 2,
  warmupSeconds: 1.5,
  /** Calls created with POST /v1/calls in one world (besides its seeded ones) before the loaded runs. */
  loadedCalls: 5_000,
  /** Calls created in one world before POST /__sandbox/reset, for the memory figures. */
  createdBeforeReset: 10_000,
  /** Calls created and reset in that world before its start figure, so V8 has optimized the paths by then. */
  warmupCreates: 2_000,
  /** Memory of a started sandbox and of the bare server after one request: runs of each, median. */
  memoryRounds: 3,
};

/**
 * @typedef {"sandbox" | "bare"} ServerKind
 * @typedef {{ server: ServerKind, scenario: string, url: string, requestsPerSecond: number,
 *   roundsRequestsPerSecond: number[], requests: number, latencyP50Ms: number, latencyP99Ms: number }} ThroughputRun
 * @typedef {{ rssMb: number, heapUsedMb: number, heapTotalMb: number, externalMb: number }} MemoryFigures
 */

/** The page both servers answer GET /v1/calls with: the sandbox's own, taken once in-process. */
async function sandboxPage() {
  const sandbox = createSandbox();
  try {
    const response = await sandbox.fetch(`${sandbox.url}/v1/calls`, { headers: { "X-API-Key": API_KEY } });
    if (response.status !== 200) throw new Error(`the sandbox answered GET /v1/calls with ${response.status}`);
    return await response.text();
  } finally {
    sandbox.close();
  }
}

/**
 * Starts sandbox-server.mjs; resolves once it prints its URL.
 * @param {ServerKind} server @param {string} page @param {string[]} [nodeOptions]
 */
async function startServerProcess(server, page, nodeOptions = []) {
  const config = server === "sandbox" ? { server } : { server, page };
  const child = startNodeProcess([
    ...nodeOptions,
    fileURLToPath(new URL("./sandbox-server.mjs", import.meta.url)),
    JSON.stringify(config),
  ]);
  try {
    const [, url] = await child.waitForOutput(/listening on (http:\/\/\S+)/);
    return {
      url: /** @type {string} */ (url),
      /** Collects garbage in the server and reads its memory. @param {string} label @returns {Promise<MemoryFigures>} */
      memory: async (label) => {
        child.child.stdin.write(`memory ${label}\n`);
        const [, json] = await child.waitForOutput(new RegExp(`memory ${label} (\\{.*\\})`));
        const usage = /** @type {NodeJS.MemoryUsage} */ (JSON.parse(/** @type {string} */ (json)));
        return {
          rssMb: usage.rss / MB,
          heapUsedMb: usage.heapUsed / MB,
          heapTotalMb: usage.heapTotal / MB,
          externalMb: usage.external / MB,
        };
      },
      stop: async () => void (await child.stop()),
    };
  } catch (error) {
    await child.stop();
    throw new Error(`the ${server} server did not start: ${/** @type {Error} */ (error).message}`);
  }
}

/** @param {string} url @param {RequestInit} [init] */
async function request(url, init = {}) {
  const response = await fetch(url, { ...init, headers: { "X-API-Key": API_KEY, ...init.headers } });
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? "GET"} ${url}: ${response.status} ${text}`);
  return text;
}

/**
 * Start-up: from spawning `node` to holding the first GET /v1/calls answer, for the sandbox and for the bare server.
 * @returns {Promise<{ settings: typeof SANDBOX_SETTINGS, sandboxMs: number, bareMs: number, ratio: number,
 *   rounds: { sandboxMs: number, bareMs: number, ratio: number }[] }>}
 */
export async function measureSandboxStart() {
  const page = await sandboxPage();
  // Warms the bench's own fetch, so its first use is not counted against whichever server comes first.
  await timeToFirstAnswer("bare", page);
  /** @type {{ sandboxMs: number, bareMs: number, ratio: number }[]} */
  const rounds = [];
  for (let round = 0; round < SANDBOX_SETTINGS.startRounds; round++) {
    /** @type {ServerKind[]} */
    const order = round % 2 === 0 ? ["sandbox", "bare"] : ["bare", "sandbox"];
    /** @type {Record<string, number>} */
    const times = {};
    for (const server of order) times[server] = await timeToFirstAnswer(server, page);
    const sandboxMs = times.sandbox ?? Number.NaN;
    const bareMs = times.bare ?? Number.NaN;
    rounds.push({ sandboxMs, bareMs, ratio: sandboxMs / bareMs });
  }
  return {
    settings: SANDBOX_SETTINGS,
    sandboxMs: median(rounds.map((round) => round.sandboxMs)),
    bareMs: median(rounds.map((round) => round.bareMs)),
    ratio: median(rounds.map((round) => round.ratio)),
    rounds,
  };
}

/** @param {ServerKind} server @param {string} page @returns {Promise<number>} milliseconds */
async function timeToFirstAnswer(server, page) {
  const started = performance.now();
  const running = await startServerProcess(server, page);
  try {
    const body = await request(`${running.url}/v1/calls`);
    const elapsed = performance.now() - started;
    if (body !== page) throw new Error(`the ${server} server answered another page than the sandbox's`);
    return elapsed;
  } finally {
    await running.stop();
  }
}

/**
 * Requests a second with 50 connections: GET /v1/calls from the bare server, a fresh sandbox and a sandbox holding
 * 5,000 created calls in the world asked, and GET /v1/calls/{callId} from both sandboxes. The three servers run
 * side by side (an idle one takes no CPU); each scenario gets a warm-up run, then the scenarios take turns over
 * rounds, order reversed every other round, so a change in the machine's load falls on all of them alike.
 * @returns {Promise<{ settings: typeof SANDBOX_SETTINGS, loadedTotalCalls: number, runs: ThroughputRun[] }>}
 */
export async function measureSandboxThroughput() {
  const page = await sandboxPage();
  const servers = {
    bare: await startServerProcess("bare", page),
    fresh: await startServerProcess("sandbox", page),
    loaded: await startServerProcess("sandbox", page),
  };
  try {
    // The call read by id is the world's first created: in the loaded world, 4,999 more come after it.
    /** @param {string} url @returns {Promise<string>} */
    const createOne = async (url) =>
      JSON.parse(await request(`${url}/v1/calls`, { method: "POST", ...jsonBody() })).callId;
    const freshCallId = await createOne(servers.fresh.url);
    const loadedCallId = await createOne(servers.loaded.url);
    await createCalls(servers.loaded.url, SANDBOX_SETTINGS.loadedCalls - 1);
    const loadedTotalCalls = JSON.parse(await request(`${servers.loaded.url}/v1/calls`)).totalCounts;

    /** @type {{ server: ServerKind, scenario: string, url: string }[]} */
    const scenarios = [
      { server: "bare", scenario: "list", url: `${servers.bare.url}/v1/calls` },
      { server: "sandbox", scenario: "list, fresh", url: `${servers.fresh.url}/v1/calls` },
      { server: "sandbox", scenario: "get by id, fresh", url: `${servers.fresh.url}/v1/calls/${freshCallId}` },
      { server: "sandbox", scenario: "list, loaded", url: `${servers.loaded.url}/v1/calls` },
      { server: "sandbox", scenario: "get by id, loaded", url: `${servers.loaded.url}/v1/calls/${loadedCallId}` },
    ];
    for (const { url } of scenarios) await load(url, SANDBOX_SETTINGS.warmupSeconds);
    /** @type {Map<string, autocannon.Result[]>} */
    const results = new Map(scenarios.map(({ scenario }) => [scenario, []]));
    const seconds = SANDBOX_SETTINGS.durationSeconds / SANDBOX_SETTINGS.throughputRounds;
    for (let round = 0; round < SANDBOX_SETTINGS.throughputRounds; round++) {
      for (const { server, scenario, url } of round % 2 === 0 ? scenarios : [...scenarios].reverse()) {
        const result = await load(url, seconds);
        if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
          throw new Error(
            `${server} ${scenario}: ${result.non2xx} answers not 2xx, ${result.errors} errors, ${result.timeouts} timeouts`,
          );
        }
        results.get(scenario)?.push(result);
      }
    }
    return {
      settings: SANDBOX_SETTINGS,
      loadedTotalCalls,
      runs: scenarios.map(({ server, scenario, url }) => {
        const rounds = results.get(scenario) ?? [];
        const requests = rounds.reduce((sum, result) => sum + result.requests.total, 0);
        const durationSeconds = rounds.reduce((sum, result) => sum + result.duration, 0);
        return {
          server,
          scenario,
          url: new URL(url).pathname,
          requestsPerSecond: requests / durationSeconds,
          roundsRequestsPerSecond: rounds.map((result) => result.requests.total / result.duration),
          requests,
          latencyP50Ms: median(rounds.map((result) => result.latency.p50)),
          latencyP99Ms: median(rounds.map((result) => result.latency.p99)),
        };
      }),
    };
  } finally {
    await Promise.all(Object.values(servers).map((server) => server.stop()));
  }
}

function jsonBody() {
  return { headers: { "content-type": "application/json" }, body: NEW_CALL };
}

/** POST /v1/calls `amount` times in the bench key's world, 10 at a time. @param {string} url @param {number} amount */
async function createCalls(url, amount) {
  const result = await autocannon({
    url: `${url}/v1/calls`,
    method: "POST",
    headers: { "x-api-key": API_KEY, "content-type": "application/json" },
    body: NEW_CALL,
    connections: 10,
    amount,
  });
  const answered = result["2xx"];
  if (answered !== amount || result.errors > 0) {
    throw new Error(
      `creating ${amount} calls: ${answered} answered 2xx, ${result.non2xx} not, ${result.errors} errors`,
    );
  }
}

/** GET `url` with the bench's key over 50 connections for `seconds`. @param {string} url @param {number} seconds */
function load(url, seconds) {
  return autocannon({
    url,
    headers: { "x-api-key": API_KEY },
    connections: SANDBOX_SETTINGS.connections,
    duration: seconds,
  });
}

/**
 * Memory after forced collections (--expose-gc): a started sandbox against the bare server, each after one
 * request; and a sandbox at its start, after 10,000 creates in one world, and after that world's reset.
 * @returns {Promise<{ settings: typeof SANDBOX_SETTINGS,
 *   started: { sandbox: MemoryFigures, bare: MemoryFigures, rounds: { sandbox: MemoryFigures, bare: MemoryFigures }[] },
 *   reset: { start: MemoryFigures, created: MemoryFigures, reset: MemoryFigures } }>}
 */
export async function measureSandboxMemory() {
  const page = await sandboxPage();
  /** @type {{ sandbox: MemoryFigures, bare: MemoryFigures }[]} */
  const rounds = [];
  for (let round = 0; round < SANDBOX_SETTINGS.memoryRounds; round++) {
    rounds.push({
      sandbox: await memoryAfterOneRequest("sandbox", page),
      bare: await memoryAfterOneRequest("bare", page),
    });
  }
  /** @param {"sandbox" | "bare"} server @returns {MemoryFigures} */
  const medianOf = (server) => ({
    rssMb: median(rounds.map((round) => round[server].rssMb)),
    heapUsedMb: median(rounds.map((round) => round[server].heapUsedMb)),
    heapTotalMb: median(rounds.map((round) => round[server].heapTotalMb)),
    externalMb: median(rounds.map((round) => round[server].externalMb)),
  });

  const running = await startServerProcess("sandbox", page, ["--expose-gc"]);
  try {
    // Creates and a reset first, so the code V8 compiles and optimizes for them (heap too: code space, type
    // feedback) is in every figure: what is compared is the state the 10,000 calls leave behind. From a start
    // after a single create, 10,000 GETs, which keep no state, grow heap used by about 8% on their own.
    await createCalls(running.url, SANDBOX_SETTINGS.warmupCreates);
    await request(`${running.url}/__sandbox/reset`, { method: "POST" });
    await request(`${running.url}/v1/calls`);
    const start = await running.memory("start");
    await createCalls(running.url, SANDBOX_SETTINGS.createdBeforeReset);
    const created = await running.memory("created");
    await request(`${running.url}/__sandbox/reset`, { method: "POST" });
    const reset = await running.memory("reset");
    return {
      settings: SANDBOX_SETTINGS,
      started: { sandbox: medianOf("sandbox"), bare: medianOf("bare"), rounds },
      reset: { start, created, reset },
    };
  } finally {
    await running.stop();
  }
}

/** @param {ServerKind} server @param {string} page */
async function memoryAfterOneRequest(server, page) {
  const running = await startServerProcess(server, page, ["--expose-gc"]);
  try {
    await request(`${running.url}/v1/calls`);
    return await running.memory("after-one-request");
  } finally {
    await running.stop();
  }
}
