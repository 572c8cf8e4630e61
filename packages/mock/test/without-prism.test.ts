// @stoplight/prism-cli is an optional peer dependency: installed without it, the package still offers the sandbox,
// and what runs Prism says what to install. Run against the built package, placed in a folder whose node_modules
// hold its dependencies and not Prism, as `npm install @sigmamind/mock` alone leaves it.
import { cp, mkdir, mkdtemp, readFile, realpath, rm, symlink } from "node:fs/promises";
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

/**
 * Runs `node ...args` as a user's shell would: without the NODE_PATH that pnpm sets for the test run, which
 * names the workspace's hoisted packages, Prism among them.
 */
function runNode(args: string[], env: Record<string, string> = {}) {
  const { NODE_PATH: _workspacePackages, ...userEnv } = process.env;
  const child = startNodeProcess(args, { env: { ...userEnv, ...env } });
  running.push(child);
  return child;
}

const bin = (name: "cli" | "drift-cli") => join(installed, "dist", `${name}.mjs`);

/** Runs `code` with the built package imported as `built`, and resolves to what it printed. */
async function withBuiltPackage(code: string) {
  const script = `const built = await import(${JSON.stringify(join(installed, "dist", "index.mjs"))});
    try { ${code}; console.log("no error"); } catch (error) {
      console.log(error instanceof built.MockStartError ? "MockStartError:" : "other error:", error.message);
    }`;
  const child = runNode(["--input-type=module", "-e", script]);
  await child.exited;
  return child.stdout();
}

describe("without Prism", () => {
  test("startMock fails at once with a MockStartError that says what to install", async () => {
    const printed = await withBuiltPackage("await built.startMock()");
    expect(printed).toMatch(/^MockStartError: Stoplight Prism is not installed/);
    expect(printed).toContain(installCommand);
  });

  test("the drift check fails the same way", async () => {
    const printed = await withBuiltPackage('await built.checkDrift({ upstream: "http://127.0.0.1:9", apiKey: "k" })');
    expect(printed).toMatch(/^MockStartError: Stoplight Prism is not installed/);
    expect(printed).toContain(installCommand);
  });

  test("sigmamind-mock exits 1 and says what to install", async () => {
    const mock = runNode([bin("cli")]);
    await expect(mock.exited).resolves.toMatchObject({ code: 1 });
    expect(mock.stderr()).toContain(installCommand);
  });

  test("sigmamind-drift exits 1 and says what to install", async () => {
    const drift = runNode([bin("drift-cli"), "--upstream", "http://127.0.0.1:9"], { SIGMAMIND_API_KEY: "k" });
    await expect(drift.exited).resolves.toMatchObject({ code: 1 });
    expect(drift.stderr()).toContain(installCommand);
  });

  test("the sandbox needs none of it: sigmamind-mock --sandbox serves", async () => {
    const sandbox = runNode([bin("cli"), "--sandbox"]);
    const [, url] = await sandbox.waitForOutput(/sandbox listening on (http:\/\/127\.0\.0\.1:\d+)/);
    const response = await fetch(`${url}/v1/calls?size=1`, { headers: { "x-api-key": "k" } });
    expect(response.status).toBe(200);
  });
});
