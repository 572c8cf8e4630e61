import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { typeProblems } from "../src/type-check.js";

let dir: string;
beforeAll(async () => {
  // Inside this package, so `types: ["node"]` finds @types/node as a user's project would.
  dir = await mkdtemp(join(import.meta.dirname, ".type-check-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("typeProblems", () => {
  test("each problem with its file and line; Node.js and DOM types in scope", async () => {
    const good = join(dir, "good.ts");
    await writeFile(good, 'const url: URL = new URL("http://127.0.0.1");\nconsole.log(url, process.pid, document);\n');
    const bad = join(dir, "bad.ts");
    await writeFile(bad, 'export const ok = 1;\nexport const count: number = "three";\n');
    expect(typeProblems([good, bad], { skipLibCheck: true })).toEqual([
      "bad.ts:2 Type 'string' is not assignable to type 'number'.",
    ]);
  });
});
