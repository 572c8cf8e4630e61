// 3. Size: what a user's bundler ships, minified and gzipped, for the client and for the libraries it is
// compared with. Each is bundled the same way: esbuild, browser platform, ES modules, code splitting (so the
// client's lazily imported validators land in a chunk of their own), minified. The client's up-front bytes
// include openapi-fetch, which every request goes through.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { bundleForBrowser } from "@sigmamind/test-support/browser-bundle";
import { transform } from "esbuild";

export const BUNDLES = [
  { name: "client", source: 'export { SigmaMind } from "@sigmamind/client";' },
  { name: "openapi-fetch", source: 'export { default as createClient } from "openapi-fetch";' },
  { name: "axios", source: 'export { default as axios } from "axios";' },
];

/**
 * @typedef {{ minified: number, gzip: number }} Bytes
 * @typedef {{ name: string, source: string, upFront: Bytes, everything: Bytes, files: (Bytes & { path: string,
 *   loaded: "up front" | "on demand" })[], upFrontInputs: { input: string, minified: number }[] }} BundleFigures
 */

/** @returns {Promise<BundleFigures[]>} */
export async function measureBundles() {
  const figures = [];
  for (const bundle of BUNDLES) figures.push(await measureBundle(bundle));
  return figures;
}

/**
 * Where the client's own bytes come from: its built entry keeps one `//#region src/...` per source file, and
 * each region is minified on its own. Approximate (regions are minified and gzipped apart, so they do not add
 * up to the bundle exactly), but enough to see which source files a size budget has to take bytes from.
 * @returns {Promise<{ source: string, minified: number, gzip: number }[]>}
 */
export async function measureClientSources() {
  const built = readFileSync(fileURLToPath(import.meta.resolve("@sigmamind/client")), "utf8");
  const regions = built.split(/^\/\/#region /m).slice(1);
  const sources = [];
  for (const region of regions) {
    const source = region.slice(0, region.indexOf("\n"));
    const code = region.slice(source.length + 1).split(/^\/\/#endregion/m)[0] ?? "";
    const { code: minified } = await transform(code, { minify: true, loader: "js" });
    sources.push({ source, minified: Buffer.byteLength(minified), gzip: gzipSync(minified).byteLength });
  }
  return sources.sort((a, b) => b.minified - a.minified);
}

/** @param {{ name: string, source: string }} bundle @returns {Promise<BundleFigures>} */
async function measureBundle({ name, source }) {
  const bundled = await bundleForBrowser(source, fileURLToPath(new URL("..", import.meta.url)));
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
  // Where the up-front bytes come from, by source file: esbuild's count of each one's minified bytes in the
  // output (exact, unlike a gzip share, which depends on its neighbours).
  const upFrontInputs = bundled
    .filter((file) => file.upFront)
    .flatMap((file) => file.inputs)
    .filter((input) => input.bytesInOutput > 0)
    .map((input) => ({ input: input.path.replace(/^.*node_modules\//, ""), minified: input.bytesInOutput }))
    .sort((a, b) => b.minified - a.minified);
  return {
    name,
    source,
    upFront: total(files.filter((file) => file.loaded === "up front")),
    everything: total(files),
    files,
    upFrontInputs,
  };
}
