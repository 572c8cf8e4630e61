// Builds the site with VitePress (configured in .vitepress/config.ts) into dist/site, and reports how long that
// took and how large the result is, overall and by kind of file, in dist/build-report.json and on stdout.
import { readdirSync, statSync, writeFileSync } from "node:fs";
import { extname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vitepress";
import { SCALAR_BUNDLE } from "./site-files.js";

export interface BuildReport {
  seconds: number;
  files: number;
  bytes: number;
  /** Bytes by extension (`.html`, `.js`, ...), Scalar's bundle apart as `scalar`. */
  bytesByKind: Record<string, number>;
}

export function measureSite(siteDirectory: string, seconds: number): BuildReport {
  const bytesByKind: Record<string, number> = {};
  let files = 0;
  let bytes = 0;
  for (const path of filesUnder(siteDirectory)) {
    const size = statSync(path).size;
    const kind = relative(siteDirectory, path) === SCALAR_BUNDLE ? "scalar" : extname(path) || "(none)";
    bytesByKind[kind] = (bytesByKind[kind] ?? 0) + size;
    files += 1;
    bytes += size;
  }
  return { seconds: Math.round(seconds * 100) / 100, files, bytes, bytesByKind };
}

export function formatReport(report: BuildReport): string {
  const kinds = Object.entries(report.bytesByKind)
    .sort(([, a], [, b]) => b - a)
    .map(([kind, size]) => `${kind} ${kilobytes(size)}`)
    .join(", ");
  return `built the documentation site in ${report.seconds.toFixed(1)} s: ${report.files} files, ${kilobytes(report.bytes)} (${kinds})`;
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KiB`;
}

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const appRoot = fileURLToPath(new URL("../../", import.meta.url));
  const started = performance.now();
  await build(appRoot);
  const report = measureSite(join(appRoot, "dist/site"), (performance.now() - started) / 1000);
  writeFileSync(join(appRoot, "dist/build-report.json"), `${JSON.stringify(report, null, 2)}\n`);
  console.log(formatReport(report));
}
