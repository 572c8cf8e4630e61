// dist/ holds the CLI's own code and the workspace's private @sigmamind/error-text, nothing copied from another
// package: @sigmamind/client is a dependency, installed beside it with its own notices. dist/THIRD-PARTY-NOTICES.md
// says so; code inlined from elsewhere would need its license there, so it fails this test until it has one.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";

const dist = new URL("../dist", import.meta.url).pathname;
const files = readdirSync(dist)
  .filter((file) => /\.(mjs|cjs|js)$/.test(file))
  .map((file) => ({ file, text: readFileSync(join(dist, file), "utf8") }));
const noticesPath = join(dist, "THIRD-PARTY-NOTICES.md");

/** Code of this repository: the CLI's sources, @sigmamind/error-text, the bundler's helpers. */
const OWN_REGION = /^(src\/|\.\.\/error-text\/|\\0rolldown\/runtime\.js$)/;
const ADVICE = "add its license to THIRD-PARTY-NOTICES.md, as packages/client does, and teach this test its name";

describe("third-party code in dist", () => {
  test("every module the bundler marks is this repository's own", () => {
    const regions = files.flatMap(({ file, text }) =>
      [...text.matchAll(/^\/\/#region (.+)$/gm)].map((match) => ({ file, module: match[1] as string })),
    );
    expect(regions.length).toBeGreaterThan(0);
    expect(
      regions.filter(({ module }) => !OWN_REGION.test(module)),
      `inlined from another package: ${ADVICE}`,
    ).toEqual([]);
  });

  test("no CommonJS module is inlined (none of this repository's code is one)", () => {
    for (const { file, text } of files) expect(text, `${file}: ${ADVICE}`).not.toMatch(/__commonJS(Min)?\(/);
  });

  test("the notices file ships in dist and lists no package", () => {
    expect(existsSync(noticesPath), "dist/THIRD-PARTY-NOTICES.md is missing: is it in tsdown's copy?").toBe(true);
    expect(readFileSync(noticesPath, "utf8")).not.toMatch(/^## /m);
  });
});
