import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { bundleForBrowser } from "../src/browser-bundle.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "browser-bundle-"));
  await writeFile(join(dir, "eager.js"), 'export const eager = "loaded with the entry";\n');
  await writeFile(join(dir, "lazy.js"), 'export const lazy = "loaded on demand";\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("bundleForBrowser", () => {
  test("tells the entry and what it imports statically from chunks loaded on demand", async () => {
    const files = await bundleForBrowser(
      'import { eager } from "./eager.js"; console.log(eager); export const later = () => import("./lazy.js");',
      dir,
    );
    const entry = files.find((file) => file.path === "out/stdin.js");
    expect(entry).toMatchObject({ upFront: true });
    expect(entry?.text).toContain("loaded with the entry");
    expect(entry?.inputs.map((input) => input.path)).toEqual(["eager.js", "<stdin>"]);
    const onDemand = files.filter((file) => !file.upFront);
    expect(onDemand).toHaveLength(1);
    expect(onDemand[0]?.text).toContain("loaded on demand");
    for (const file of files) {
      expect(file.minifiedBytes).toBe(Buffer.byteLength(file.text));
      expect(file.gzipBytes).toBeGreaterThan(0);
    }
  });

  test("with sourceMap, each file carries its map, the maps are no files of their own, and the code is the same", async () => {
    const source = 'import { eager } from "./eager.js"; console.log(eager);';
    const plain = await bundleForBrowser(source, dir);
    const mapped = await bundleForBrowser(source, dir, { sourceMap: true });
    expect(mapped.map((file) => file.path)).toEqual(plain.map((file) => file.path));
    const [entry] = mapped;
    expect(JSON.parse(entry?.sourceMap ?? "{}").sources).toEqual(expect.arrayContaining(["../eager.js"]));
    expect(entry?.text.replace(/\n\/\/# sourceMappingURL=\S+\n?$/, "\n")).toBe(plain[0]?.text);
    expect(plain[0]?.sourceMap).toBeUndefined();
  });
});
