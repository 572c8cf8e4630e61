// Every request sample the reference shows is generated from the spec and proven: the curl and CLI samples run
// against the mock, the TypeScript samples type-check against the built client and run against the mock too.
import { execFile } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type {} from "@sigmamind/mock/vitest";
import { loadSpec } from "@sigmamind/spec";
import { typeProblems } from "@sigmamind/test-support/type-check";
import ts from "typescript";
import { afterAll, describe, expect, inject, test } from "vitest";
import { requestSamples } from "../src/samples/request-samples.js";

const run = promisify(execFile);
const appRoot = fileURLToPath(new URL("..", import.meta.url));
const scratch = join(appRoot, "test/.request-samples");
const samples = requestSamples(await loadSpec());
const env = {
  ...process.env,
  SIGMAMIND_BASE_URL: inject("sigmamindMockUrl"),
  SIGMAMIND_API_KEY: "docs-sample-key",
  // The CLI as a reader installs it: its bin, from the app's dependencies.
  PATH: `${join(appRoot, "node_modules/.bin")}:${process.env.PATH}`,
};
const fileOf = (operationId: string) => join(scratch, `${operationId}.ts`);

mkdirSync(scratch, { recursive: true });
for (const sample of samples) writeFileSync(fileOf(sample.operationId), `${sample.typescript}\nexport {};\n`);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("request samples", () => {
  test("one set for each operation of the spec, in its order", async () => {
    const operations = (await loadSpec()).operations().map((entry) => entry.operation.operationId);
    expect(samples.map((sample) => sample.operationId)).toEqual(operations);
  });

  test("the create samples carry the spec's example body, whole", () => {
    const create = samples.find((sample) => sample.operationId === "createCall");
    expect(create?.curl).toContain(`-d '{"fromPhoneNumber":"+14155552671","toPhoneNumber":"+14155550123"`);
    expect(create?.cli).toBe(
      "sigmamind calls create --from +14155552671 --to +14155550123 --agent D5D0p7TUs66TTAEAx --var customer_name=Michael",
    );
  });

  test.each(samples.map((sample) => [sample.operationId, sample]))(
    "%s: curl with SIGMAMIND_BASE_URL unset goes to the API's own address, not a malformed URL",
    async (_id, sample) => {
      const { SIGMAMIND_BASE_URL: _unset, ...withoutBaseUrl } = env;
      // curl stands in by a function that prints the URL it was given: nothing is sent.
      const { stdout } = await run("bash", ["-c", `curl() { printf '%s\\n' "$@"; }; ${sample.curl}`], {
        env: withoutBaseUrl,
      });
      expect(stdout).toMatch(/^https:\/\/api\.sigmamind\.ai\/v1\/calls/m);
    },
  );

  test("every TypeScript sample type-checks against the built client", () => {
    expect(
      typeProblems(
        samples.map((sample) => fileOf(sample.operationId)),
        { skipLibCheck: true },
      ),
    ).toEqual([]);
  });

  test.each(samples.map((sample) => [sample.operationId, sample]))(
    "%s: curl runs against the mock",
    async (_id, sample) => {
      // The response headers first: Prism names there, in sl-violations, anything in the request it refused.
      const { stdout } = await run("bash", ["-c", `${sample.curl} -D -`], { env, timeout: 30_000 });
      const [head = "", body = ""] = stdout.split("\r\n\r\n");
      expect(head).toMatch(/^HTTP\/1\.1 200/);
      expect(head.toLowerCase()).not.toContain("sl-violations");
      if (sample.operationId !== "deleteCall") expect(JSON.parse(body)).toBeTypeOf("object");
    },
  );

  test.each(samples.map((sample) => [sample.operationId, sample]))(
    "%s: the CLI runs against the mock",
    async (_id, sample) => {
      const line = `${sample.cli}${sample.cliAsks ? " --yes" : ""}`;
      // Exit status 0, or run() rejects; stderr may hold the page note of a table into a pipe, never an error.
      const { stdout, stderr } = await run("bash", ["-c", line], { env, timeout: 30_000 });
      expect(stdout.length).toBeGreaterThan(0);
      expect(stderr).not.toMatch(/^sigmamind:/m);
    },
  );

  test.each(samples.map((sample) => [sample.operationId, sample]))(
    "%s: TypeScript runs against the mock",
    async (_id, sample) => {
      const script = fileOf(sample.operationId).replace(/\.ts$/, ".mjs");
      const { outputText } = ts.transpileModule(sample.typescript, {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      });
      writeFileSync(script, outputText);
      const { stderr } = await run(process.execPath, [script], { cwd: appRoot, env, timeout: 30_000 });
      expect(stderr).toBe("");
    },
  );
});
