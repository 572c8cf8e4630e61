// Every TypeScript example in the README is type-checked against the built package, imported by its name
// exactly as a user would, so the README cannot drift from the API.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { typeProblems } from "@sigmamind/test-support/type-check";
import { afterAll, describe, expect, test } from "vitest";

const packageDir = new URL("../..", import.meta.url).pathname;
const readme = readFileSync(join(packageDir, "README.md"), "utf8");
const examples = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] as string);
// Inside the package, so `@sigmamind/client` resolves to this package's own exports.
const scratch = join(packageDir, "test/package/.readme-examples");

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("README examples", () => {
  test("there are examples to check", () => {
    expect(examples.length).toBeGreaterThanOrEqual(8);
  });

  test("every example type-checks against the built package", () => {
    rmSync(scratch, { recursive: true, force: true });
    mkdirSync(scratch, { recursive: true });
    const files = examples.map((code, index) => {
      const file = join(scratch, `example-${index + 1}.ts`);
      writeFileSync(file, `${code}\nexport {};\n`);
      return file;
    });
    expect(typeProblems(files, { skipLibCheck: false })).toEqual([]);
  });
});
