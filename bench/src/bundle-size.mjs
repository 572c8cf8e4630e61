// 3. Size: what a user's bundler ships, minified and gzipped, for the client and for the libraries it is
// compared with. Each is bundled the same way: esbuild, browser platform, ES modules, code splitting (so the
// client's lazily imported validators land in a chunk of their own), minified. The client's up-front bytes
// include openapi-fetch, which every request goes through.
import { existsSync, readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { bundleForBrowser } from "@sigmamind/test-support/browser-bundle";

export const BUNDLES = [
  { name: "client", source: 'export { SigmaMind } from "@sigmamind/client";' },
  { name: "openapi-fetch", source: 'export { default as createClient } from "openapi-fetch";' },
  { name: "axios", source: 'export { default as axios } from "axios";' },
  { name: "ky", source: 'export { default as ky } from "ky";' },
  { name: "ofetch", source: 'export { ofetch } from "ofetch";' },
  // The whole SDK: its generic verbs live on the same class as every resource.
  { name: "openai", source: 'export { OpenAI } from "openai";' },
];

const BENCH_DIR = fileURLToPath(new URL("..", import.meta.url));
const REPO_DIR = resolve(BENCH_DIR, "..");

/**
 * One part of the up-front bytes: a package's file, or one source file of a workspace package's built entry.
 * `gzipInPlace` is what the part adds to the gzipped files where it sits (the gzip of everything up to the end of
 * each of its stretches minus the gzip of everything before it): the parts add up to the gzipped total, and a
 * part that repeats what came before it is charged little. `gzipAlone` is the part's bytes gzipped on their own.
 * @typedef {{ package: string, file: string, minified: number, gzipInPlace: number, gzipAlone: number }} Part
 * @typedef {{ minified: number, gzip: number }} Bytes
 * @typedef {{ name: string, source: string, upFront: Bytes, everything: Bytes, files: (Bytes & { path: string,
 *   loaded: "up front" | "on demand" })[], upFrontParts: Part[] }} BundleFigures
 */

/** @returns {Promise<BundleFigures[]>} */
export async function measureBundles() {
  const figures = [];
  for (const bundle of BUNDLES) figures.push(await measureBundle(bundle));
  return figures;
}

/** @param {{ name: string, source: string }} bundle @returns {Promise<BundleFigures>} */
async function measureBundle({ name, source }) {
  const bundled = await bundleForBrowser(source, BENCH_DIR);
  const files = bundled.map((file) => ({
    path: file.path,
    loaded: /** @type {"up front" | "on demand"} */ (file.upFront ? "up front" : "on demand"),
    minified: file.minifiedBytes,
    gzip: file.gzipBytes,
  }));
  /** @param {typeof files} selected @returns {Bytes} */
  const total = (selected) => ({
    minified: selected.reduce((sum, file) => sum + file.minified, 0),
    gzip: selected.reduce((sum, file) => sum + file.gzip, 0),
  });
  return {
    name,
    source,
    upFront: total(files.filter((file) => file.loaded === "up front")),
    everything: total(files),
    files,
    upFrontParts: await attributeUpFront(source, bundled),
  };
}

/**
 * Where the up-front bytes come from, part by part. The same build again with a source map (which leaves the
 * code as it was: checked below) says which input each stretch of the output comes from; a workspace package's
 * built entry is split further by the `//#region <source file>` markers its bundler leaves in it.
 * @param {string} source @param {import("@sigmamind/test-support/browser-bundle").BundledFile[]} bundled
 * @returns {Promise<Part[]>}
 */
async function attributeUpFront(source, bundled) {
  // The same build with source maps: its code is the measured build's, but for a comment that names the map.
  const mapped = await bundleForBrowser(source, BENCH_DIR, { sourceMap: true });
  /** @type {Map<string, Omit<Part, "gzipAlone"> & { text: string[] }>} */
  const parts = new Map();
  const regionsOf = cachedRegions();
  for (const file of bundled.filter((bundledFile) => bundledFile.upFront)) {
    const twin = mapped.find((candidate) => withoutHashes(candidate.path) === withoutHashes(file.path));
    const code = twin?.text.replace(/\n\/\/# sourceMappingURL=\S+\n?$/, "\n");
    const map = twin?.sourceMap;
    if (code === undefined || map === undefined || withoutHashes(code) !== withoutHashes(file.text)) {
      throw new Error(`bundle-size: the source-mapped build of ${file.path} differs from bundleForBrowser's`);
    }
    const { sources, mappings } = JSON.parse(map);
    const outputDir = resolve(BENCH_DIR, file.path, "..");
    const names = /** @type {string[]} */ (sources).map((path) => resolve(outputDir, path));
    /** @param {number} sourceIndex @param {number} line @returns {[string, string]} */
    const partOf = (sourceIndex, line) => {
      const path = names[sourceIndex];
      if (path === undefined) return ["(esbuild)", "imports, exports, hoisted declarations"];
      const [packageName, file, packageRoot] = packageAndFile(path);
      const region = regionsOf(path).find((candidate) => line >= candidate.from && line < candidate.to);
      if (!region) return [packageName, file];
      // A region may hold another workspace package's file that the client's build inlined.
      const [regionPackage, regionFile] = packageAndFile(resolve(packageRoot, region.file));
      return [regionPackage, regionFile];
    };
    const stretches = stretchesOf(file.text, decodeMappings(mappings), partOf);
    let before = 0;
    let gzipBefore = gzipSync("").byteLength;
    for (const stretch of stretches) {
      const key = `${stretch.part[0]}\u0000${stretch.part[1]}`;
      const part = parts.get(key) ?? {
        package: stretch.part[0],
        file: stretch.part[1],
        minified: 0,
        gzipInPlace: 0,
        /** @type {string[]} */ text: [],
      };
      const text = file.text.slice(before, stretch.end);
      const gzipAfter = gzipSync(file.text.slice(0, stretch.end)).byteLength;
      part.minified += Buffer.byteLength(text);
      part.gzipInPlace += gzipAfter - gzipBefore;
      part.text.push(text);
      parts.set(key, part);
      before = stretch.end;
      gzipBefore = gzipAfter;
    }
    // The deltas start from an empty gzip stream: its header and trailer go to the first part of each file.
    const first = stretches[0];
    if (first) {
      const firstPart = parts.get(`${first.part[0]}\u0000${first.part[1]}`);
      if (firstPart) firstPart.gzipInPlace += gzipSync("").byteLength;
    }
  }
  return [...parts.values()]
    .map(({ text, ...part }) => ({ ...part, gzipAlone: gzipSync(text.join("")).byteLength }))
    .sort((a, b) => b.minified - a.minified);
}

/**
 * A chunk's name carries a hash of its contents, source map included: the only bytes the map changes.
 * @param {string} text
 */
function withoutHashes(text) {
  return text.replace(/-[A-Z0-9]{8}\.js/g, "-HASH.js");
}

/**
 * The output cut into stretches that each come from one part, in order; `end` is a string index in `text`.
 * Bytes no mapping covers (line ends, esbuild's own glue) are "(esbuild)"'s.
 * @param {string} text @param {number[][][]} lines decoded mappings
 * @param {(sourceIndex: number, line: number) => [string, string]} partOf
 */
function stretchesOf(text, lines, partOf) {
  /** @type {{ part: [string, string], end: number }[]} */
  const stretches = [];
  /** @param {[string, string]} part @param {number} end */
  const extend = (part, end) => {
    const last = stretches.at(-1);
    if (last && last.part[0] === part[0] && last.part[1] === part[1]) last.end = end;
    else if (!last || end > last.end) stretches.push({ part, end });
  };
  const glue = partOf(-1, 0);
  let lineStart = 0;
  text.split("\n").forEach((line, index) => {
    const segments = lines[index] ?? [];
    const lineEnd = lineStart + line.length;
    segments.forEach((segment, segmentIndex) => {
      const [column = 0, sourceIndex, originalLine = 0] = segment;
      if (column > 0 && segmentIndex === 0) extend(glue, lineStart + column);
      const next = segments[segmentIndex + 1]?.[0];
      const end = next === undefined ? lineEnd : lineStart + next;
      extend(sourceIndex === undefined ? glue : partOf(sourceIndex, originalLine), end);
    });
    if (segments.length === 0) extend(glue, lineEnd);
    // The line end, if there is one.
    if (lineEnd < text.length) extend(glue, lineEnd + 1);
    lineStart = lineEnd + 1;
  });
  return stretches;
}

/**
 * A source map's `mappings`: per generated line, segments of [column, source, original line, original column]
 * (or just [column] for code from no source), made absolute. See the Source Map v3 format.
 * @param {string} mappings @returns {number[][][]}
 */
function decodeMappings(mappings) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  let source = 0;
  let originalLine = 0;
  let originalColumn = 0;
  return mappings.split(";").map((line) => {
    let column = 0;
    return line
      .split(",")
      .filter((segment) => segment !== "")
      .map((segment) => {
        const fields = [];
        let value = 0;
        let shift = 0;
        for (const character of segment) {
          const digit = alphabet.indexOf(character);
          value += (digit & 31) << shift;
          if (digit & 32) shift += 5;
          else {
            fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
            value = 0;
            shift = 0;
          }
        }
        column += fields[0] ?? 0;
        if (fields.length === 1) return [column];
        source += fields[1] ?? 0;
        originalLine += fields[2] ?? 0;
        originalColumn += fields[3] ?? 0;
        return [column, source, originalLine, originalColumn];
      })
      .sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
  });
}

/**
 * The package a file belongs to, the file within it, and the package's folder: `openapi-fetch`, `src/index.js`;
 * `@sigmamind/client`, `dist/index.mjs`.
 * @param {string} path @returns {[string, string, string]}
 */
function packageAndFile(path) {
  const inModules = path.lastIndexOf("/node_modules/");
  if (inModules >= 0) {
    const modules = path.slice(0, inModules + "/node_modules/".length);
    const [scope = "", name = "", ...rest] = path.slice(modules.length).split("/");
    return scope.startsWith("@")
      ? [`${scope}/${name}`, rest.join("/"), `${modules}${scope}/${name}`]
      : [scope, [name, ...rest].join("/"), `${modules}${scope}`];
  }
  const [folder = "", name = "", ...rest] = relative(REPO_DIR, path).split("/");
  if (folder === "packages" || folder === "tooling") {
    return [`@sigmamind/${name}`, rest.join("/"), resolve(REPO_DIR, folder, name)];
  }
  return ["", relative(REPO_DIR, path), REPO_DIR];
}

/**
 * The `//#region <file>` … `//#endregion` markers of a built file, as 0-based line ranges; `<file>` is relative
 * to its package (`src/core/retry.ts`) or names another package's file (`../error-text/dist/redact-secret.js`).
 */
function cachedRegions() {
  /** @type {Map<string, { file: string, from: number, to: number }[]>} */
  const cache = new Map();
  /** @param {string} path */
  return (path) => {
    let regions = cache.get(path);
    if (!regions) {
      regions = [];
      // A library's map may point at sources it does not ship; only the workspace's built files have regions.
      const lines = path.includes("/node_modules/") || !existsSync(path) ? [] : readFileSync(path, "utf8").split("\n");
      lines.forEach((line, index) => {
        if (line.startsWith("//#region "))
          regions?.push({ file: line.slice(10).trim(), from: index, to: lines.length });
        else if (line.startsWith("//#endregion")) {
          const open = regions?.at(-1);
          if (open && open.to === lines.length) open.to = index;
        }
      });
      cache.set(path, regions);
    }
    return regions;
  };
}
