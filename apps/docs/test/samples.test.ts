// The guides' code samples are compiled against the real packages, and the ones marked `ts run` run against the
// sandbox, so the documentation cannot drift from the code. The sandbox, not the static mock: a sample that
// creates a call and waits for it needs the call it created, which only a stateful fake gives back, and a clock
// that runs (600 times faster than life, so a call ends within a second).
import { execFile } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { type RunningSandbox, startSandbox } from "@sigmamind/mock";
import { typeProblems } from "@sigmamind/test-support/type-check";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { codeSamples, loadGuides } from "../src/guides.js";

const appRoot = fileURLToPath(new URL("..", import.meta.url));
// Inside the app, so the samples import @sigmamind/client and @sigmamind/mock as an app would.
const scratch = join(appRoot, "test/.samples");
const samples = loadGuides(join(appRoot, "pages/guides")).flatMap(codeSamples);
const typescriptSamples = samples.filter((sample) => sample.language === "ts");
const fileOf = (sample: (typeof samples)[number]) => join(scratch, `${sample.guide}-${sample.index}.ts`);

mkdirSync(scratch, { recursive: true });
for (const sample of typescriptSamples) writeFileSync(fileOf(sample), `${sample.code}\nexport {};\n`);
let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ clock: "real", speed: 600 });
});
afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await sandbox?.stop();
  // Every answer the samples were given held to the spec.
  expect(sandbox?.violations).toEqual([]);
});

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
  )("%s runs against the sandbox", async (_name, sample) => {
    const script = fileOf(sample).replace(/\.ts$/, ".mjs");
    const { outputText } = ts.transpileModule(sample.code, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    writeFileSync(script, outputText);
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [script], {
      cwd: appRoot,
      env: { ...process.env, SIGMAMIND_BASE_URL: sandbox.url, SIGMAMIND_API_KEY: "docs-sample-key" },
      timeout: 60_000,
    });
    expect(stderr).toBe("");
    expect(stdout.length).toBeGreaterThan(0);
  });
});
