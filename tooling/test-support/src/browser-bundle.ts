// What a user's bundler ships for a piece of code: esbuild for the browser, ES modules, minified, with code
// splitting, so that what the code imports lazily gets chunks of its own.
import { relative } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

export interface BundledFile {
  /** Relative to the bundle's folder: `out/stdin.js` for the entry, `out/<name>-<hash>.js` for a chunk. */
  path: string;
  /** Loaded before the first line runs: the entry, and the chunks it imports statically. */
  upFront: boolean;
  minifiedBytes: number;
  /** At zlib's default level. */
  gzipBytes: number;
  text: string;
  /** The source files in this output, with the bytes each takes in it; paths relative to the bundle's folder. */
  inputs: { path: string; bytesInOutput: number }[];
  /** With `sourceMap: true`: the file's source map, as JSON text. */
  sourceMap?: string;
}

export interface BundleOptions {
  /**
   * Also make a source map of each file, which says what input each stretch of it comes from. The file then ends
   * in a `//# sourceMappingURL` comment, so its size is not what a user ships: measure sizes without it.
   */
  sourceMap?: boolean;
}

/** Bundles `source`, whose imports resolve from `resolveDir`, in memory. */
export async function bundleForBrowser(
  source: string,
  resolveDir: string,
  options: BundleOptions = {},
): Promise<BundledFile[]> {
  const result = await build({
    stdin: { contents: source, resolveDir, loader: "js" },
    absWorkingDir: resolveDir,
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    splitting: true,
    outdir: "out",
    write: false,
    metafile: true,
    sourcemap: options.sourceMap ? "external" : false,
  });
  const maps = new Map(
    result.outputFiles
      .filter((file) => file.path.endsWith(".map"))
      .map((file) => [file.path.slice(0, -".map".length), file.text]),
  );
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((path) => outputs[path]?.entryPoint === "<stdin>");
  if (!entry) throw new Error("bundleForBrowser: esbuild produced no entry chunk");
  const upFront = new Set([entry]);
  for (const path of upFront) {
    for (const imported of outputs[path]?.imports ?? []) {
      if (imported.kind === "import-statement") upFront.add(imported.path);
    }
  }
  return result.outputFiles
    .filter((file) => !file.path.endsWith(".map"))
    .map((file) => {
      const path = relative(resolveDir, file.path);
      return {
        path,
        upFront: upFront.has(path),
        minifiedBytes: file.contents.byteLength,
        gzipBytes: gzipSync(file.contents).byteLength,
        text: file.text,
        inputs: Object.entries(outputs[path]?.inputs ?? {}).map(([input, { bytesInOutput }]) => ({
          path: input,
          bytesInOutput,
        })),
        ...(maps.has(file.path) && { sourceMap: maps.get(file.path) }),
      };
    });
}
