// Renders results.json's figures as results.md: tables a reader can compare at a glance.

import { readFileSync } from "node:fs";
import {
  budgetFigure,
  budgetLimit,
  SANDBOX_START_LIMIT_MS,
  STREAM_RSS_ALLOWANCE,
  UP_FRONT_BUNDLE_LIMIT_BYTES,
} from "./budgets.mjs";
import { BASELINES, PEERS, scenarioLabel } from "./overhead.mjs";
import { median } from "./stats.mjs";

/** @typedef {import("./run.mjs").Results} Results */

/** @param {number} value */
const ms = (value) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(3));
/** @param {number} value */
const times = (value) => `${value.toFixed(2)}×`;
/** @param {number} value */
const mb = (value) => `${value.toFixed(1)} MB`;
/** @param {number} value */
const bytes = (value) => value.toLocaleString("en-US");
/** @param {number} value */
const percent = (value) => `${(value * 100).toFixed(0)}%`;
/** A column heading's name for a baseline: "raw" for raw fetch. @param {string} baseline */
const shortName = (baseline) => (baseline === "raw fetch" ? "raw" : baseline);

/**
 * A Markdown table; the first `textColumns` columns are left-aligned, the figures after them right-aligned.
 * @param {string[]} header @param {(string | number)[][]} rows
 */
function table(header, rows, textColumns = 1) {
  return [
    `| ${header.join(" | ")} |`,
    `| ${header.map((_, index) => (index < textColumns ? "---" : "---:")).join(" | ")} |`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ].join("\n");
}

/** @param {Results} results @returns {string} */
export function renderMarkdown(results) {
  const { machine, clientBuild, mockBuild, overhead, prefetch, stream, bundles, typeCost, budgets } = results;
  const failed = budgets.filter((budget) => !budget.pass).length;
  const openapiFetch = bundles.find((bundle) => bundle.name === "openapi-fetch");
  const client = bundles.find((bundle) => bundle.name === "client");
  const sections = [
    "# @sigmamind/client benchmark results",
    `Written by \`pnpm bench\` on ${results.date} in ${(results.durationMs / 1000).toFixed(0)} s: Node.js ${machine.node}, ${machine.cpus} × ${machine.cpuModel}, load average ${machine.loadAverage.map((load) => load.toFixed(2)).join(" / ")} at the start. The machine is shared: timings move by several percent between runs; compare ratios, not absolute times. See README.md for what each figure means.`,
    `Measured build: \`packages/client/dist/index.mjs\` built ${clientBuild.builtAt}, sha256 \`${clientBuild.sha256.slice(0, 12)}\`.${clientBuild.changedDuringRun ? " **It was rebuilt during the run: these figures mix two builds; run again.**" : ""} \`packages/mock/dist/\` built ${mockBuild.builtAt}, sha256 of its files \`${mockBuild.sha256.slice(0, 12)}\`.${mockBuild.changedDuringRun ? " **It was rebuilt during the run: the sandbox's figures may mix two builds; run again.**" : ""}`,
    `## Budgets: ${failed === 0 ? "all pass" : `${failed} of ${budgets.length} fail`}`,
    table(
      ["budget", "scenario", "figure", "limit", "result"],
      budgets.map((budget) => [
        budget.name,
        budget.scenario,
        budgetFigure(budget),
        budgetLimit(budget),
        budget.pass ? "pass" : "**FAIL**",
      ]),
      2,
    ),
    ...renderComparison(results),
    "## 1. Per-request overhead",
    `GET /v1/calls from a keep-alive node:http server in another process, serving the spec's seed page with its call repeated \`size\` times. ${overhead.settings.initialWarmup} unrecorded requests per client and scenario first, then ${overhead.settings.rounds} rounds, client order reversed every other round; in each round, per client and scenario, ${overhead.settings.warmup} unrecorded requests then ${overhead.settings.requests[10]} (size 10) or ${overhead.settings.requests[100]} (size 100) recorded ones, one at a time (sequential) or ${overhead.settings.concurrency} at a time (concurrent). Figures are medians over rounds; "× raw" and "× openapi-fetch" are the median over rounds of that round's ratio to raw fetch (the floor) and to bare openapi-fetch (what the client is built on). Latency: lower is better; requests/s: higher is better. No garbage collection is forced between clients: a forced one deoptimizes compiled code, and the run after it would time recompilation.`,
    table(
      ["client", "retries and timeout (its defaults)"],
      overhead.clients.map((client) => [client.name, client.defaults]),
    ),
    ...overhead.scenarios.flatMap((scenario) => [
      `### ${scenarioLabel(scenario)}`,
      table(
        [
          "client",
          "median ms",
          ...BASELINES.map((baseline) => `median × ${shortName(baseline)}`),
          "p99 ms",
          ...BASELINES.map((baseline) => `p99 × ${shortName(baseline)}`),
          "requests/s",
          ...BASELINES.map((baseline) => `requests/s × ${shortName(baseline)}`),
        ],
        Object.entries(scenario.clients).map(([name, figures]) => [
          name,
          ms(figures.medianMs),
          ...BASELINES.map((baseline) => times(figures.ratios[baseline].median)),
          ms(figures.p99Ms),
          ...BASELINES.map((baseline) => times(figures.ratios[baseline].p99)),
          figures.requestsPerSecond.toFixed(0),
          ...BASELINES.map((baseline) => times(figures.ratios[baseline].requestsPerSecond)),
        ]),
      ),
    ]),
    "## 2. Pagination",
    `### Prefetch: ${prefetch.settings.pages} pages of ${prefetch.settings.pageSize}, ${prefetch.settings.latencyMs} ms server latency`,
    `\`for await\` over \`client.calls.list({ size: ${prefetch.settings.pageSize} }, { prefetchPages })\`; median of ${prefetch.settings.repeats} runs.`,
    table(
      ["prefetchPages", "wall time ms", "runs ms", "speed-up over sequential"],
      prefetch.runs.map((run) => [
        run.prefetchPages,
        ms(run.wallMs),
        run.runsMs.map((value) => ms(value)).join(", "),
        times(run.speedup),
      ]),
    ),
    `### Memory: streaming ${(stream.settings.pages * stream.settings.pageSize).toLocaleString("en-US")} calls (${stream.settings.pages} pages of ${stream.settings.pageSize}, no latency)`,
    `Each reader streams ${stream.settings.repeats} times, each time in a fresh process (\`--expose-gc\`), the order reversed every other time; each row is the run with the median peak RSS growth, and "each run" the growth in every run. The baseline is taken after one warm-up page and \`gc()\`. Peaks are sampled every 2 ms and every 500 calls. "Heap after gc" is what is still reachable once the stream ends: a leak shows there; garbage waiting for collection does not. "Young generation growth" is how far V8 enlarged the space for short-lived objects, part of heap total: the runtime sizes it, whoever allocates. Raw fetch + JSON.parse page by page is the floor any fetch-based client stands on; the client's median peak RSS growth (prefetch 0) may be at most raw fetch's median in the same run + ${STREAM_RSS_ALLOWANCE * 100}%.`,
    table(
      [
        "reader",
        "prefetch",
        "wall ms",
        "peak RSS growth",
        "each run",
        "peak heap used",
        "peak heap total",
        "peak external",
        "young generation growth",
        "heap after gc",
        "RSS growth at each tenth",
      ],
      stream.runs.map((run) => [
        run.reader,
        run.prefetchPages,
        ms(run.wallMs),
        mb(run.peakRssGrowthMb),
        run.peakRssGrowthRunsMb.map((value) => value.toFixed(1)).join(", "),
        mb(run.peakHeapUsedGrowthMb),
        mb(run.peakHeapTotalGrowthMb),
        mb(run.peakExternalGrowthMb),
        mb(run.peakYoungGenerationGrowthMb),
        mb(run.settledHeapUsedGrowthMb),
        run.rssGrowthByTenthMb.map((value) => value.toFixed(0)).join(" "),
      ]),
    ),
    "## 3. Size",
    'esbuild bundle of each entry below: browser platform, ES modules, minified, code splitting; gzip at zlib\'s default level, each file apart. "Up front" is the entry chunk and the chunks it imports statically, openapi-fetch included for the client: every request goes through it; "everything" adds the chunks loaded on demand (the client\'s response validators).',
    table(
      ["bundle", "entry", "up front min", "up front gzip", "everything min", "everything gzip", "gzip × openapi-fetch"],
      bundles.map((bundle) => [
        bundle.name,
        `\`${bundle.source}\``,
        bytes(bundle.upFront.minified),
        bytes(bundle.upFront.gzip),
        bytes(bundle.everything.minified),
        bytes(bundle.everything.gzip),
        openapiFetch ? times(bundle.upFront.gzip / openapiFetch.upFront.gzip) : "",
      ]),
      2,
    ),
    "The client's chunks:",
    table(
      ["file", "loaded", "minified", "gzip"],
      (client?.files ?? []).map((file) => [file.path, file.loaded, bytes(file.minified), bytes(file.gzip)]),
      2,
    ),
    ...renderUpFrontParts(client),
    "## 4. Type cost",
    `\`tsc --noEmit\` with the repository's base compiler options on types/consumer.ts (every operation of the client) and on types/empty.ts; medians of ${typeCost.settings.runs} runs each. Wall time includes Node.js start-up and the lib files both load; check time, types and instantiations (from \`--extendedDiagnostics\`) are the steadier figures.`,
    table(
      ["file", "wall ms", "check ms", "types", "instantiations", "memory"],
      typeCost.files.map((file) => [
        file.file,
        ms(file.wallMs),
        ms(median(file.runs.map((run) => run.checkMs))),
        bytes(median(file.runs.map((run) => run.types))),
        bytes(median(file.runs.map((run) => run.instantiations))),
        mb(median(file.runs.map((run) => run.memoryKb)) / 1024),
      ]),
    ),
    `The consumer costs ${ms(typeCost.extraMs)} ms over the empty file.`,
    ...renderSandbox(results),
  ];
  return `${sections.filter((section) => section !== "").join("\n\n")}\n`;
}

/**
 * The table for packages/client/README.md: every client's median latency against bare openapi-fetch and raw
 * fetch in each scenario, its up-front weight, and how to reproduce it.
 * @param {Results} results
 */
export function renderComparison({ date, machine, overhead, bundles, stream }) {
  const versions = benchDependencyVersions();
  /** @param {string} name */
  const label = (name) => {
    const version = versions[name];
    return version && !version.startsWith("workspace:") ? `${name} ${version}` : name;
  };
  /** @param {string} name */
  const upFront = (name) => {
    if (name === "raw fetch") return "0";
    if (name === "client + validation") {
      const client = bundles.find((bundle) => bundle.name === "client");
      return client ? `${bytes(client.everything.gzip)} with validators` : "";
    }
    const bundle = bundles.find((candidate) => candidate.name === name);
    return bundle ? bytes(bundle.upFront.gzip) : "";
  };
  /** @param {"client" | "raw fetch"} reader */
  const streamed = (reader) => stream.runs.find((run) => run.reader === reader && run.prefetchPages === 0);
  const clientStream = streamed("client");
  const rawStream = streamed("raw fetch");
  return [
    "## Comparison (for packages/client/README.md)",
    `Median latency of \`GET /v1/calls\` against a local keep-alive server, as a multiple of bare openapi-fetch's / raw fetch's measured in the same round (median over ${overhead.settings.rounds} rounds; lower is better). Every client runs with its defaults; ${PEERS.join(", ")} are the general-purpose peers the client must beat in every column. Up front: the gzipped bytes a browser bundle loads before the first request (esbuild, minified).`,
    table(
      [
        "client",
        "retries and timeout (defaults)",
        ...overhead.scenarios.map((scenario) => `${scenarioLabel(scenario)}`),
        "up front, gzip bytes",
      ],
      overhead.clients.map((client) => [
        label(client.name === "client" ? "@sigmamind/client" : client.name),
        client.defaults,
        ...overhead.scenarios.map((scenario) => {
          const figures = scenario.clients[client.name];
          return figures
            ? `${times(figures.ratios["openapi-fetch"].median)} / ${times(figures.ratios["raw fetch"].median)}`
            : "";
        }),
        upFront(client.name),
      ]),
      2,
    ),
    clientStream && rawStream
      ? `Streaming ${(stream.settings.pages * stream.settings.pageSize).toLocaleString("en-US")} calls page by page: peak RSS growth ${mb(clientStream.peakRssGrowthMb)} for the client, ${mb(rawStream.peakRssGrowthMb)} for raw fetch + JSON.parse (the median of ${stream.settings.repeats} fresh processes each).`
      : "",
    `Measured ${date.slice(0, 10)} on Node.js ${machine.node}, ${machine.cpus} × ${machine.cpuModel} (shared; load average ${machine.loadAverage.map((load) => load.toFixed(2)).join(" / ")}). To reproduce: \`pnpm install && pnpm bench\` at the repository root, which builds the client and writes \`bench/results.md\`; bench/README.md says what each figure means.`,
  ];
}

/** The exact versions bench/package.json pins, for naming what was measured. @returns {Record<string, string>} */
function benchDependencyVersions() {
  const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  return { ...manifest.dependencies, ...manifest.devDependencies };
}

/**
 * Where the client's up-front bytes come from: by package, then by file.
 * @param {import("./bundle-size.mjs").BundleFigures | undefined} client
 */
function renderUpFrontParts(client) {
  if (!client) return [];
  const { minified, gzip } = client.upFront;
  /** @type {Map<string, { minified: number, gzipInPlace: number }>} */
  const packages = new Map();
  for (const part of client.upFrontParts) {
    const total = packages.get(part.package) ?? { minified: 0, gzipInPlace: 0 };
    total.minified += part.minified;
    total.gzipInPlace += part.gzipInPlace;
    packages.set(part.package, total);
  }
  return [
    `What the client's up-front bytes (${bytes(minified)} minified, ${bytes(gzip)} gzipped) are made of. Minified bytes are exact: a second build with a source map (checked to produce the same code) says which input each stretch of output comes from, and the client's built entry is split by the \`//#region <source file>\` markers tsdown leaves in it. "Gzip in place" is what each part adds to the gzipped file where it sits (gzip of the output up to the end of each of its stretches minus gzip of what comes before): the parts add up to the gzipped total exactly, and a part that repeats what came before it is charged less. "Gzip alone" is the part's bytes gzipped on their own: what it would weigh without its neighbours.`,
    table(
      ["package", "minified", "share", "gzip in place", "share"],
      [...packages].map(([name, total]) => [
        name,
        bytes(total.minified),
        percent(total.minified / (minified || 1)),
        bytes(total.gzipInPlace),
        percent(total.gzipInPlace / (gzip || 1)),
      ]),
    ),
    table(
      ["package", "file", "minified", "gzip in place", "gzip alone"],
      client.upFrontParts.map((part) => [
        part.package,
        part.file,
        bytes(part.minified),
        bytes(part.gzipInPlace),
        bytes(part.gzipAlone),
      ]),
      2,
    ),
    `Budget: at most ${bytes(UP_FRONT_BUNDLE_LIMIT_BYTES)} bytes gzipped up front for all of it.`,
  ];
}

/** @type {(keyof import("./sandbox.mjs").MemoryFigures)[]} */
const MEMORY_KEYS = ["rssMb", "heapUsedMb", "heapTotalMb", "externalMb"];

/** Section 5: the sandbox against a bare node:http server answering the same page. @param {Results} results */
function renderSandbox({ sandboxStart: start, sandboxThroughput: throughput, sandboxMemory: memory }) {
  const { settings } = throughput;
  const bare = throughput.runs.find((run) => run.server === "bare");
  /** @param {string} scenario */
  const sandboxRun = (scenario) => throughput.runs.find((run) => run.scenario === scenario);
  /** @param {string} operation */
  const freshOverLoaded = (operation) =>
    (sandboxRun(`${operation}, fresh`)?.requestsPerSecond ?? Number.NaN) /
    (sandboxRun(`${operation}, loaded`)?.requestsPerSecond ?? Number.NaN);
  /** @param {import("./sandbox.mjs").MemoryFigures} figures */
  const memoryRow = (figures) => MEMORY_KEYS.map((key) => mb(figures[key]));
  const { start: atStart, created, reset } = memory.reset;
  return [
    "## 5. Sandbox",
    "`startSandbox()` from @sigmamind/mock against a bare node:http server answering GET /v1/calls with the same page bytes (the sandbox's default page, size 10, taken once in-process), each in a process of its own on 127.0.0.1, both started by the same script (`src/sandbox-server.mjs`).",
    `### Start-up: ${start.rounds.length} rounds`,
    `From spawning \`node\` to holding the first GET /v1/calls answer; order reversed every other round. The budget: at most 3× the bare server (median of the rounds' ratios) and at most ${SANDBOX_START_LIMIT_MS} ms (1/20 of 4.4 s).`,
    table(
      ["server", "median ms", "× bare", "rounds ms"],
      [
        [
          "sandbox",
          ms(start.sandboxMs),
          times(start.ratio),
          start.rounds.map((round) => ms(round.sandboxMs)).join(", "),
        ],
        ["bare node:http", ms(start.bareMs), times(1), start.rounds.map((round) => ms(round.bareMs)).join(", ")],
      ],
    ),
    `### Throughput: autocannon, ${settings.connections} connections, ${settings.durationSeconds} s per scenario over ${settings.throughputRounds} rounds`,
    `autocannon runs in the bench's process, each server in its own, all three started side by side. After a ${settings.warmupSeconds} s warm-up run of each scenario, the scenarios take turns over ${settings.throughputRounds} rounds of ${settings.durationSeconds / settings.throughputRounds} s, order reversed every other round; requests/s is all of a scenario's requests over all of its seconds. "Fresh" is a new sandbox's world (its seeded calls and one created); "loaded" is a world that holds ${throughput.loadedTotalCalls.toLocaleString("en-US")} calls, ${settings.loadedCalls.toLocaleString("en-US")} of them created with POST /v1/calls before the runs, each sandbox in a process of its own. GET by id asks for the first call created in the world. Fresh ÷ loaded: list ${times(freshOverLoaded("list"))}, get by id ${times(freshOverLoaded("get by id"))} (budget: at most 1.5× each).`,
    table(
      ["server", "scenario", "path", "requests/s", "× bare list", "rounds requests/s", "requests", "p50 ms", "p99 ms"],
      throughput.runs.map((run) => [
        run.server === "bare" ? "bare node:http" : run.server,
        run.scenario,
        `\`${run.url}\``,
        run.requestsPerSecond.toFixed(0),
        bare ? times(run.requestsPerSecond / bare.requestsPerSecond) : "",
        run.roundsRequestsPerSecond.map((value) => value.toFixed(0)).join(", "),
        bytes(run.requests),
        run.latencyP50Ms,
        run.latencyP99Ms,
      ]),
      3,
    ),
    "### Memory",
    `Each figure after two forced collections (\`--expose-gc\`). A started server after one GET /v1/calls, median of ${memory.started.rounds.length} processes each:`,
    table(
      ["server", "RSS", "heap used", "heap total", "external"],
      [
        ["sandbox", ...memoryRow(memory.started.sandbox)],
        ["bare node:http", ...memoryRow(memory.started.bare)],
        ["sandbox × bare", ...MEMORY_KEYS.map((key) => times(memory.started.sandbox[key] / memory.started.bare[key]))],
      ],
    ),
    `One sandbox: at the start (after ${settings.warmupCreates.toLocaleString("en-US")} creates, a reset and a GET in the world, so the code V8 compiles and optimizes for them is in every row), after ${settings.createdBeforeReset.toLocaleString("en-US")} POST /v1/calls in one world, and after that world's POST /__sandbox/reset. The budget checks heap used (at most the start's + 10%); RSS is not the budget: it follows the pages V8 keeps once its heap has grown, not what the sandbox lets go.`,
    table(
      ["when", "RSS", "heap used", "heap total", "external", "heap used × start", "RSS × start"],
      [
        ["start", atStart],
        [`after ${settings.createdBeforeReset.toLocaleString("en-US")} creates`, created],
        ["after reset", reset],
      ].map(([label, figures]) => {
        const row = /** @type {import("./sandbox.mjs").MemoryFigures} */ (figures);
        return [
          /** @type {string} */ (label),
          ...memoryRow(row),
          times(row.heapUsedMb / atStart.heapUsedMb),
          times(row.rssMb / atStart.rssMb),
        ];
      }),
    ),
  ];
}
