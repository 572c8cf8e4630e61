// The code samples of the guides and of every published package's README (the site's package pages) are compiled
// against the real packages, the ones marked `ts run` run against the sandbox, and the files of a project to copy
// are written out and their tests run, so neither the site nor npm can show code that drifts from the packages.
// The sandbox, not the static mock: a sample that creates a call and waits for it needs the call it created, which
// only a stateful fake gives back, and a clock that runs (600 times faster than life, so a call ends within a
// second).
import { execFile } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { type RunningSandbox, startSandbox } from "@sigmamind/mock";
import { typeProblems } from "@sigmamind/test-support/type-check";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type CodeSample, codeSamples, loadGuides } from "../src/guides.js";
import { loadPackagePages } from "../src/package-pages.js";

const appRoot = fileURLToPath(new URL("..", import.meta.url));
const documents = [
  ...loadGuides(join(appRoot, "pages/guides")),
  ...loadPackagePages(join(appRoot, "../..")).map((page) => ({ slug: page.slug, markdown: page.markdown })),
];
// Inside the app, so the samples import the packages as an app would.
const scratch = join(appRoot, "test/.samples");
const samples = documents.flatMap(codeSamples);
const standalone = samples.filter((sample) => sample.file === undefined);
const typescriptSamples = standalone.filter((sample) => sample.language === "ts");
const projectFiles = samples.filter((sample) => sample.file !== undefined);
const projects = new Map<string, CodeSample[]>();
for (const sample of projectFiles) projects.set(sample.guide, [...(projects.get(sample.guide) ?? []), sample]);
const nameOf = (sample: CodeSample) => `${sample.guide.replaceAll("/", "-")} #${sample.index}`;
const fileOf = (sample: CodeSample) => join(scratch, `${sample.guide.replaceAll("/", "-")}-${sample.index}.ts`);
const projectDirectory = (slug: string) => join(scratch, `${slug.replaceAll("/", "-")}-project`);
const run = promisify(execFile);

rmSync(scratch, { recursive: true, force: true });
mkdirSync(scratch, { recursive: true });
for (const sample of typescriptSamples) writeFileSync(fileOf(sample), `${sample.code}\nexport {};\n`);
for (const [slug, files] of projects) {
  for (const sample of files) {
    const path = join(projectDirectory(slug), sample.file as string);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, sample.code);
  }
}
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

describe("guide and README samples", () => {
  test("there are samples in the guides and in every package's README, and many run", () => {
    expect(typescriptSamples.filter((sample) => sample.guide.startsWith("0")).length).toBeGreaterThanOrEqual(12);
    for (const slug of ["packages/client", "packages/mock", "packages/types", "packages/mcp"]) {
      expect(typescriptSamples.filter((sample) => sample.guide === slug).length, slug).toBeGreaterThan(0);
    }
    expect(typescriptSamples.filter((sample) => sample.run).length).toBeGreaterThanOrEqual(14);
    expect([...projects.keys()]).toContain("packages/mock");
  });

  test("every TypeScript sample type-checks against the packages, each complete on its own", () => {
    expect(typeProblems(typescriptSamples.map(fileOf), { skipLibCheck: true })).toEqual([]);
  });

  test.each(standalone.filter((sample) => sample.language === "json").map((sample) => [nameOf(sample), sample]))(
    "%s is JSON",
    (_name, sample) => {
      expect(() => JSON.parse(sample.code)).not.toThrow();
    },
  );

  test.each(typescriptSamples.filter((sample) => sample.run).map((sample) => [nameOf(sample), sample]))(
    "%s runs against the sandbox",
    async (_name, sample) => {
      const script = fileOf(sample).replace(/\.ts$/, ".mjs");
      const { outputText } = ts.transpileModule(sample.code, {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      });
      writeFileSync(script, outputText);
      const { stdout, stderr } = await run(process.execPath, [script], {
        cwd: appRoot,
        env: { ...process.env, SIGMAMIND_BASE_URL: sandbox.url, SIGMAMIND_API_KEY: "docs-sample-key" },
        timeout: 60_000,
      });
      expect(stderr).toBe("");
      expect(stdout.length).toBeGreaterThan(0);
    },
  );
});

describe.each([...projects.keys()])("the project to copy in %s", (slug) => {
  const directory = projectDirectory(slug);
  const files = projects.get(slug) ?? [];

  test("its TypeScript files type-check together", () => {
    const typescript = files
      .filter((sample) => sample.language === "ts")
      .map((sample) => join(directory, sample.file as string));
    expect(typescript.length).toBeGreaterThan(1);
    expect(typeProblems(typescript, { skipLibCheck: true })).toEqual([]);
  });

  test("its tests pass, run by Vitest as the project's own `vitest run`", async () => {
    const vitest = join(dirname(createRequire(import.meta.url).resolve("vitest/package.json")), "vitest.mjs");
    const { stdout } = await run(process.execPath, [vitest, "run", "--reporter", "verbose"], {
      cwd: directory,
      // Not this run's worker id or mock: the project runs as it would on its own.
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        NO_COLOR: "1",
        ...(process.env.CI && { CI: process.env.CI }),
      },
      timeout: 120_000,
    });
    expect(stdout).toMatch(/Tests\s+\d+ passed/);
    expect(stdout).not.toMatch(/failed|skipped/);
  });
});
