// 4. Type cost: how long `tsc --noEmit` takes on a consumer file that uses every operation of the client,
// next to an empty file under the same compiler options (types/tsconfig.json).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { median } from "./stats.mjs";

const require = createRequire(import.meta.url);
const TSC = require.resolve("typescript/lib/tsc.js");
const TYPES_DIR = new URL("../types/", import.meta.url);

export const TYPE_COST_SETTINGS = { runs: 3, files: ["empty.ts", "consumer.ts"] };

/**
 * @typedef {{ wallMs: number, checkMs: number, types: number, instantiations: number, memoryKb: number }} TscRun
 * @typedef {{ file: string, wallMs: number, runs: TscRun[] }} TypeCostFigures
 */

/** @returns {Promise<{ settings: typeof TYPE_COST_SETTINGS, files: TypeCostFigures[], extraMs: number }>} */
export async function measureTypeCost() {
  /** @type {Map<string, TscRun[]>} */
  const runs = new Map(TYPE_COST_SETTINGS.files.map((file) => [file, []]));
  for (let run = 0; run < TYPE_COST_SETTINGS.runs; run++) {
    // Alternate the order so neither file always runs with a warmer disk cache.
    const order = run % 2 === 0 ? TYPE_COST_SETTINGS.files : [...TYPE_COST_SETTINGS.files].reverse();
    for (const file of order) runs.get(file)?.push(typeCheck(file));
  }
  const files = TYPE_COST_SETTINGS.files.map((file) => {
    const fileRuns = runs.get(file) ?? [];
    return { file, wallMs: median(fileRuns.map((run) => run.wallMs)), runs: fileRuns };
  });
  const [empty, consumer] = files;
  return { settings: TYPE_COST_SETTINGS, files, extraMs: (consumer?.wallMs ?? 0) - (empty?.wallMs ?? 0) };
}

/** @param {string} file @returns {TscRun} */
function typeCheck(file) {
  const project = new URL(`tsconfig.${file.replace(/\.ts$/, "")}.json`, TYPES_DIR).pathname;
  const started = performance.now();
  const result = spawnSync(process.execPath, [TSC, "--noEmit", "--extendedDiagnostics", "-p", project], {
    encoding: "utf8",
  });
  const wallMs = performance.now() - started;
  if (result.status !== 0) {
    throw new Error(`tsc --noEmit on types/${file} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  }
  /** @param {string} label */
  const figure = (label) => Number(new RegExp(`^${label}:\\s+([\\d.]+)`, "m").exec(result.stdout)?.[1] ?? Number.NaN);
  return {
    wallMs,
    checkMs: figure("Check time") * 1000,
    types: figure("Types"),
    instantiations: figure("Instantiations"),
    memoryKb: figure("Memory used"),
  };
}
