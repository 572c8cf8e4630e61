// @stoplight/prism-cli is an optional peer dependency: installed without it, the package still offers the sandbox,
// and what runs Prism says what to install. Run against the built package, placed in a folder whose node_modules
// hold its dependencies and not Prism, as `npm install @sigmamind/mock` alone leaves it.
import { cp, mkdir, mkdtemp, readFile, realpath, rm, symlink } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type RunningNodeProcess, startNodeProcess } from "@sigmamind/test-support/node-process";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const manifest = JSON.parse(await readFile(join(packageDir, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
};
const installCommand = `npm install --save-dev @stoplight/prism-cli@${manifest.peerDependencies["@stoplight/prism-cli"]}`;

let project: string;
let installed: string;
beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), "sigmamind-mock-without-prism-"));
  installed = join(project, "node_modules", "@sigmamind", "mock");
  await mkdir(installed, { recursive: true });
  await cp(join(packageDir, "dist"), join(installed, "dist"), { recursive: true });
  await cp(join(packageDir, "package.json"), join(installed, "package.json"));
  for (const name of Object.keys(manifest.dependencies)) {
    const link = join(project, "node_modules", name);
    await mkdir(dirname(link), { recursive: true });
    await symlink(await realpath(join(packageDir, "node_modules", name)), link, "dir");
  }
});
afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});

const running: RunningNodeProcess[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((process) => process.stop(0)));
});
function runBin(name: "cli" | "drift-cli", args: string[], env: Record<string, string> = {}) {
  const bin = startNodeProcess([join(installed, "dist", `${name}.mjs`), ...args], { env: { ...process.env, ...env } });
  running.push(bin);
  return bin;
}

type Built = typeof import("../src/index.js");
const builtPackage = () => import(join(installed, "dist", "index.mjs")) as Promise<Built>;

test("the copy cannot resolve Prism, as an install without it cannot", () => {
  expect(() => createRequire(join(installed, "dist", "index.mjs")).resolve("@stoplight/prism-cli")).toThrow(
    /Cannot find module/,
  );
});

describe("without Prism", () => {
  test("startMock fails with a MockStartError that says what to install", async () => {
    const built = await builtPackage();
    const error = await built.startMock().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(built.MockStartError);
    expect((error as Error).message).toContain(installCommand);
  });

  test("the drift check fails the same way", async () => {
    const built = await builtPackage();
    const error = await built
      .checkDrift({ upstream: "http://127.0.0.1:9", apiKey: "k" })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(built.MockStartError);
    expect((error as Error).message).toContain(installCommand);
  });

  test("sigmamind-mock exits 1 and says what to install", async () => {
    const bin = runBin("cli", []);
    await expect(bin.exited).resolves.toMatchObject({ code: 1 });
    expect(bin.stderr()).toContain(installCommand);
  });

  test("sigmamind-drift exits 1 and says what to install", async () => {
    const bin = runBin("drift-cli", ["--upstream", "http://127.0.0.1:9"], { SIGMAMIND_API_KEY: "k" });
    await expect(bin.exited).resolves.toMatchObject({ code: 1 });
    expect(bin.stderr()).toContain(installCommand);
  });

  test("the sandbox needs none of it: sigmamind-mock --sandbox serves", async () => {
    const bin = runBin("cli", ["--sandbox"]);
    const [, url] = await bin.waitForOutput(/sandbox listening on (http:\/\/127\.0\.0\.1:\d+)/);
    const response = await fetch(`${url}/v1/calls?size=1`, { headers: { "x-api-key": "k" } });
    expect(response.status).toBe(200);
  });
});
