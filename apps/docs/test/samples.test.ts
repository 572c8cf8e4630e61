// The guides' code samples are compiled against the real packages, and the ones marked `ts run` run against the
// mock, so the documentation cannot drift from the code.
import { execFile } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type {} from "@sigmamind/mock/vitest";
import { typeProblems } from "@sigmamind/test-support/type-check";
import ts from "typescript";
import { afterAll, describe, expect, inject, test } from "vitest";
import { codeSamples, loadGuides } from "../src/guides.js";

const appRoot = fileURLToPath(new URL("..", import.meta.url));
// Inside the app, so the samples import @sigmamind/client and @sigmamind/mock as an app would.
const scratch = join(appRoot, "test/.samples");
const samples = loadGuides(join(appRoot, "pages/guides")).flatMap(codeSamples);
const typescriptSamples = samples.filter((sample) => sample.language === "ts");
// Once for each listing a sample iterates.
const MOCK_LISTING_WARNING =
  /^calls\.list: The listing is incomplete: 1 of 123 calls, because the server sent page 123 when asked for page 1, .* it does not honour the page parameter\. .*\n/gm;
const fileOf = (sample: (typeof samples)[number]) => join(scratch, `${sample.guide}-${sample.index}.ts`);

mkdirSync(scratch, { recursive: true });
for (const sample of typescriptSamples) writeFileSync(fileOf(sample), `${sample.code}\nexport {};\n`);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("guide samples", () => {
  test("there are samples, and most run", () => {
    expect(typescriptSamples.length).toBeGreaterThanOrEqual(12);
    expect(typescriptSamples.filter((sample) => sample.run).length).toBeGreaterThanOrEqual(9);
  });

  test("every TypeScript sample type-checks against the packages", () => {
    expect(typeProblems(typescriptSamples.map(fileOf), { skipLibCheck: true })).toEqual([]);
  });

  test.each(
    typescriptSamples.filter((sample) => sample.run).map((sample) => [`${sample.guide} #${sample.index}`, sample]),
  )("%s runs against the mock", async (_name, sample) => {
    const script = fileOf(sample).replace(/\.ts$/, ".mjs");
    const { outputText } = ts.transpileModule(sample.code, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    writeFileSync(script, outputText);
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [script], {
      cwd: appRoot,
      env: { ...process.env, SIGMAMIND_BASE_URL: inject("sigmamindMockUrl"), SIGMAMIND_API_KEY: "docs-sample-key" },
      timeout: 60_000,
    });
    // The mock serves one example page, "page 123 of 123" with a next page, whatever page is asked for: a sample
    // that iterates is rightly warned that the listing is incomplete, and nothing else may be on stderr.
    expect(stderr.replace(MOCK_LISTING_WARNING, "")).toBe("");
    expect(stdout.length).toBeGreaterThan(0);
  });
});
