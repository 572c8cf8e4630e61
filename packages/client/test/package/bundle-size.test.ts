// What a user's bundler ships for `import { SigmaMind } from "@sigmamind/client"`, openapi-fetch included.
// Sizes are deterministic, unlike timings, so the budget is checked here; `pnpm bench` reports the ratios.
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { describe, expect, test } from "vitest";

const MAIN_BUNDLE_BUDGET_GZIP = 9_500;

async function bundle() {
  const result = await build({
    stdin: {
      contents: 'export { SigmaMind } from "./dist/index.mjs";',
      resolveDir: new URL("../..", import.meta.url).pathname,
    },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    splitting: true,
    outdir: "out",
    write: false,
    metafile: true,
  });
  return result.outputFiles.map((file) => ({
    path: file.path,
    gzip: gzipSync(file.contents).byteLength,
    text: file.text,
  }));
}

describe("bundle size", () => {
  test(`the entry a bundler loads up front stays within ${MAIN_BUNDLE_BUDGET_GZIP} bytes gzipped`, async () => {
    const files = await bundle();
    const entry = files.find((file) => file.path.endsWith("stdin.js"));
    expect(entry).toBeDefined();
    expect(entry?.gzip).toBeLessThanOrEqual(MAIN_BUNDLE_BUDGET_GZIP);
  });

  test("response validation is a separate chunk, loaded only when turned on", async () => {
    const files = await bundle();
    const entry = files.find((file) => file.path.endsWith("stdin.js"));
    const validators = files.filter((file) => file !== entry);
    expect(validators.length).toBeGreaterThan(0);
    expect(entry?.text).not.toContain("date-time");
    expect(validators.some((file) => file.text.includes("date-time"))).toBe(true);
  });

  test("nothing Node-only is imported, so it runs wherever fetch exists", async () => {
    const files = await bundle();
    for (const file of files) expect(file.text).not.toMatch(/from\s*"node:|require\("node:/);
  });
});
