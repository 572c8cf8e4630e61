// The package says `sideEffects: false`, so a bundler keeps only what an import reaches. Importing one error class
// must cost what errors.ts costs, not the client: every top-level expression of dist/index.mjs that a bundler
// cannot prove harmless (a `new` call, a property read of an import, a spread) stays in every bundle, with all it
// refers to.
import { type BundledFile, bundleForBrowser } from "@sigmamind/test-support/browser-bundle";
import { beforeAll, describe, expect, test } from "vitest";

const packageDir = new URL("../..", import.meta.url).pathname;

/**
 * errors.ts bundled from the sources on its own is the smallest a NotFoundError can be; the built entry may differ
 * from esbuild's own TypeScript output by a few names and helpers, which 10 % covers (errors.ts alone is about
 * 2.7 kB minified; everything else the entry holds is a few kB more).
 */
const ALLOWANCE_OVER_ERRORS_ALONE = 1.1;

const upFrontBytes = (files: BundledFile[]) =>
  files.filter((file) => file.upFront).reduce((sum, file) => sum + file.minifiedBytes, 0);

describe("importing only NotFoundError from the built ES module", () => {
  let files: BundledFile[];
  let errorsAloneBytes: number;

  beforeAll(async () => {
    files = await bundleForBrowser(
      'import { NotFoundError } from "./dist/index.mjs"; console.log(NotFoundError.name);',
      packageDir,
    );
    errorsAloneBytes = upFrontBytes(
      await bundleForBrowser(
        'import { NotFoundError } from "./src/core/errors.ts"; console.log(NotFoundError.name);',
        packageDir,
      ),
    );
  });

  test("bundles none of openapi-fetch", () => {
    const fromOpenapiFetch = files.flatMap((file) =>
      file.inputs.filter((input) => input.path.includes("/openapi-fetch/") && input.bytesInOutput > 0),
    );
    expect(fromOpenapiFetch).toEqual([]);
    // Its middleware pipeline's own message, should the bundle come to hold a copy of openapi-fetch under another path.
    for (const file of files) expect(file.text).not.toContain("Middleware must be an object");
  });

  test("creates no AbortController when the module loads (nor anywhere: an error class needs none)", () => {
    // Each occurrence with some context, so a failure shows which declaration it is.
    const created = files.flatMap((file) => file.text.match(/.{0,40}new AbortController\b.{0,20}/g) ?? []);
    expect(created).toEqual([]);
  });

  test(`weighs no more than errors.ts alone, plus ${Math.round((ALLOWANCE_OVER_ERRORS_ALONE - 1) * 100)} %`, () => {
    const bytes = upFrontBytes(files);
    expect(
      bytes,
      `NotFoundError alone bundles to ${bytes} bytes; errors.ts alone to ${errorsAloneBytes}`,
    ).toBeLessThanOrEqual(Math.round(errorsAloneBytes * ALLOWANCE_OVER_ERRORS_ALONE));
  });

  test("still holds the class itself, so the checks above are about a working bundle", () => {
    expect(files.some((file) => file.upFront && file.text.includes('"NotFoundError"'))).toBe(true);
  });
});
