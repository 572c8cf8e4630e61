// Every other package whose code dist/ inlines has its notice in dist/THIRD-PARTY-NOTICES.md: its name, the
// version installed, and its license text as that version ships it. Only openapi-fetch and @sigmamind/types are
// dependencies, installed beside the client; anything else that reaches dist was copied into it.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, test } from "vitest";

const packageRoot = new URL("../..", import.meta.url).pathname;
const dist = join(packageRoot, "dist");
const requireFromPackage = createRequire(join(packageRoot, "package.json"));

/** Packages this test can recognise once inlined, by text their code carries whatever the bundler renames. */
const RECOGNISED: { name: string; fingerprint: RegExp }[] = [
  { name: "ajv-formats", fingerprint: /exports\.fastFormats = exports\.fullFormats/ },
  // Each of Ajv's runtime helpers names itself for the standalone code it is required from.
  { name: "ajv", fingerprint: /\.code = 'require\("ajv\/dist\/runtime\// },
];

/** Code of this repository: the package's sources, the private @sigmamind/error-text, the bundler's helpers. */
const OWN_REGION = /^(src\/|\.\.\/error-text\/|\\0rolldown\/runtime\.js$)/;

const files = readdirSync(dist)
  .filter((file) => /\.(mjs|cjs|js)$/.test(file))
  .map((file) => ({ file, text: readFileSync(join(dist, file), "utf8") }));
const noticesPath = join(dist, "THIRD-PARTY-NOTICES.md");
const notices = existsSync(noticesPath) ? readFileSync(noticesPath, "utf8") : "";
const bundled = RECOGNISED.filter(({ fingerprint }) => files.some(({ text }) => fingerprint.test(text)));

const normalised = (text: string) => text.replace(/\s+/g, " ").trim();

describe("third-party code in dist", () => {
  test("every module the bundler marks is this repository's own, or recognised here", () => {
    const regions = files.flatMap(({ file, text }) =>
      [...text.matchAll(/^\/\/#region (.+)$/gm)].map((match) => `${file}: ${match[1]}`),
    );
    expect(regions.length).toBeGreaterThan(0);
    const foreign = regions.filter((region) => !OWN_REGION.test(region.split(": ")[1] as string));
    expect(foreign, "inlined from another package: add it to RECOGNISED and its notice").toEqual([]);
  });

  test("every CommonJS module inlined (none of this repository's code is one) is a recognised package", () => {
    for (const { file, text } of files) {
      const wrapped = text.match(/__commonJSMin\(\(/g)?.length ?? 0;
      const recognised = bundled.filter(({ fingerprint }) => fingerprint.test(text)).length;
      expect(wrapped, `${file} inlines a CommonJS module this test does not recognise`).toBeLessThanOrEqual(recognised);
    }
  });

  test("each package inlined has a notice with its installed version and license; none is listed that is not", () => {
    const listed = [...notices.matchAll(/^## (\S+) (\S+)$/gm)].map((match) => match[1]);
    expect(listed.sort()).toEqual(bundled.map(({ name }) => name).sort());
    for (const { name } of bundled) {
      const manifestPath = requireFromPackage.resolve(`${name}/package.json`);
      const { version } = JSON.parse(readFileSync(manifestPath, "utf8")) as { version: string };
      expect(notices).toContain(`## ${name} ${version}\n`);
      const license = readFileSync(join(dirname(manifestPath), "LICENSE"), "utf8");
      expect(normalised(notices)).toContain(normalised(license));
    }
  });

  test("ajv-formats, whose format checks the response validators use, is recognised and noticed", () => {
    expect(bundled.map(({ name }) => name)).toContain("ajv-formats");
  });
});
