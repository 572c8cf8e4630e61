// The published client on each runtime it promises: one smoke script (list, then get, against the mock), run from
// the outside ESM project by Node 20, Node 26 (the active LTS) and Bun.
import { join } from "node:path";
import type {} from "@sigmamind/mock/vitest";
import { isToolAvailable } from "@sigmamind/test-support/tool-availability";
import { build } from "esbuild";
import { beforeAll, describe, expect, inject, test } from "vitest";
import { runCommand } from "./support/run-command.js";
import { bun, currentNode, nodeLts } from "./support/runtimes.js";

const release = inject("release");
const mockUrl = inject("sigmamindMockUrl");
const smokeScript = join(release.esmProject, "smoke.mjs");

const matrix = [currentNode, nodeLts(), bun()];

beforeAll(async () => {
  // src/smoke.ts as plain JavaScript, beside the project's node_modules; its types are checked with the project.
  await build({
    entryPoints: [join(release.esmProject, "src", "smoke.ts")],
    outfile: smokeScript,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    logLevel: "error",
  });
});

describe.each(matrix)("on $name", (runtime) => {
  test.skipIf(!isToolAvailable(runtime))("lists calls and gets one from the mock", async () => {
    const { stdout } = await runCommand(runtime.executable ?? "", [smokeScript], {
      cwd: release.esmProject,
      env: { SIGMAMIND_API_KEY: "any-key-works-on-the-mock", SIGMAMIND_BASE_URL: mockUrl },
    });
    const lastLine = stdout.trim().split("\n").at(-1) ?? "";
    expect(JSON.parse(lastLine)).toEqual({ runtime: runtime.expected, callId: "call-AuUKK371Spr5nHJS" });
  });
});

test("the tests themselves run on the machine's Node, not on the matrix's Node 26", () => {
  expect(process.execPath).not.toBe(nodeLts().executable);
});
