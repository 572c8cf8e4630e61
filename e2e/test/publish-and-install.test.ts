// The release as a user meets it: the project's own changesets flow publishes to a registry, and projects outside
// the workspace install, type-check and run what was published.
import { spawn } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { codeBlocks } from "@sigmamind/test-support/code-blocks";
import { describe, expect, inject, test } from "vitest";
import { compile, installedManifest, resolvedFrom } from "./support/fresh-project.js";
import { allDependencies } from "./support/release-flow.js";
import { runCommand } from "./support/run-command.js";
import { fetchPackument } from "./support/verdaccio.js";

const release = inject("release");
const published = Object.entries(release.releasedVersions);
const SEED_CALL_ID = "call-AuUKK371Spr5nHJS";

describe("the release flow (changeset version, then changeset publish)", () => {
  test("publishes the CLI with @sigmamind/mock as an optional peer, so installing it does not pull Prism", async () => {
    const version = release.releasedVersions["@sigmamind/cli"] as string;
    const manifest = (await fetchPackument(release.registryUrl, "@sigmamind/cli")).versions[version];
    if (!manifest) throw new Error(`the registry has no @sigmamind/cli@${version}`);
    expect(manifest.bin).toEqual({ sigmamind: "./dist/main.js" });
    // jq-wasm: --jq's embedded jq, a WebAssembly file loaded only when --jq is given.
    expect(Object.keys(manifest.dependencies ?? {})).toEqual(["@sigmamind/client", "jq-wasm"]);
    expect(manifest.peerDependencies?.["@sigmamind/mock"]).toBe("*");
    expect(manifest.peerDependenciesMeta?.["@sigmamind/mock"]).toEqual({ optional: true });
  });

  test("versions each package as the pending changesets plan it", () => {
    expect(published.length).toBeGreaterThan(0);
    expect(release.releasedVersions).toEqual(release.plannedVersions);
  });

  test("publishes every package and tags each release in git", async () => {
    expect(release.publishOutput).toContain("packages published successfully");
    const { stdout } = await runCommand("git", ["tag", "--list"], { cwd: release.releaseDir });
    expect(stdout.trim().split("\n").sort()).toEqual(published.map(([name, version]) => `${name}@${version}`).sort());
  });

  test("points the registry's latest tag at each new version", async () => {
    for (const [name, version] of published) {
      const packument = await fetchPackument(release.registryUrl, name);
      expect(packument["dist-tags"].latest, name).toBe(version);
    }
  });
});

describe.each([
  { kind: "ESM", dir: release.esmProject, entry: "index.mjs", types: "index.d.mts" },
  { kind: "CommonJS", dir: release.cjsProject, entry: "index.cjs", types: "index.d.cts" },
])("an outside $kind project", ({ kind, dir, entry, types }) => {
  test("installed the released version of each package from the registry under test", async () => {
    for (const [name, version] of published) {
      expect((await installedManifest(dir, name)).version, name).toBe(version);
      const tarball = `${name.split("/")[1]}-${version}.tgz`;
      expect(await resolvedFrom(dir, name), name).toBe(`${release.registryUrl}${name}/-/${tarball}`);
    }
  });

  test("got @sigmamind/types through a version range, not the workspace protocol", async () => {
    const client = await installedManifest(dir, "@sigmamind/client");
    expect(client.dependencies?.["@sigmamind/types"]).toBe(`^${release.releasedVersions["@sigmamind/types"]}`);
    for (const [name] of published) {
      const manifest = await installedManifest(dir, name);
      const workspaceRanges = Object.entries(allDependencies(manifest)).filter(([, range]) =>
        range.startsWith("workspace:"),
      );
      expect(workspaceRanges, name).toEqual([]);
    }
  });

  test(`type-checks with skipLibCheck: false against the ${types} declarations`, async () => {
    const { stdout } = await compile(dir, ".", ["--listFiles"]);
    for (const name of ["@sigmamind/client", "@sigmamind/mock", "@sigmamind/types"]) {
      expect(stdout, `${name}'s declarations`).toContain(join(dir, "node_modules", name, "dist", types));
    }
  });

  test(`resolves the packages to their ${entry} entry point`, async () => {
    const resolve =
      kind === "ESM"
        ? ["--input-type=module", "-e", 'console.log(import.meta.resolve("@sigmamind/client"))']
        : ["-e", 'console.log(require.resolve("@sigmamind/client"))'];
    const { stdout } = await runCommand(process.execPath, resolve, { cwd: dir });
    expect(stdout.trim().endsWith(`node_modules/@sigmamind/client/dist/${entry}`), stdout).toBe(true);
    if (kind === "CommonJS") {
      expect(await readFile(join(dir, "dist", "main.js"), "utf8")).toContain('require("@sigmamind/client")');
    }
  });

  test("starts the published mock, lists calls and gets one through the published client", async () => {
    const { stdout } = await runCommand(process.execPath, ["dist/main.js"], { cwd: dir });
    expect(stdout.trim()).toBe(SEED_CALL_ID);
  });

  test("runs the published CLI: npx sigmamind --help, and calls list on the mock and on the sandbox", async () => {
    const npx = (...args: string[]) => runCommand("npx", ["--no-install", "sigmamind", ...args], { cwd: dir });
    const help = await npx("--help");
    expect(help.stdout).toMatch(/^Usage: sigmamind <command> \[options\]/);
    const examples = JSON.parse((await npx("calls", "list", "--mock", "--format", "json")).stdout);
    expect(examples.data[0].callId).toBe(SEED_CALL_ID);
    const sandbox = JSON.parse((await npx("calls", "list", "--sandbox", "--format", "json")).stdout);
    expect(sandbox).toMatchObject({ totalCounts: 57, totalPages: 6 });
    // Placed on the sandbox, whose clock runs a minute a second, and followed until it ends.
    const placeAndWait = ["--from", "+14155552671", "--to", "+14155550123", "--agent", "agent-1", "--wait"];
    const waited = await npx("calls", "create", "--sandbox", ...placeAndWait, "--interval", "200", "--format", "json");
    expect(JSON.parse(waited.stdout)).toMatchObject({ status: "ended" });
    // --jq's embedded jq loads from the installed package.
    const filtered = await npx("calls", "list", "--sandbox", "--size", "3", "--jq", ".data[].status");
    expect(filtered.stdout.trim().split("\n")).toHaveLength(3);
  });

  test("runs the published MCP server: sigmamind-mcp --sandbox answers an assistant's host over stdio", async () => {
    const bin = join(dir, "node_modules", ".bin", "sigmamind-mcp");
    const server = spawn(bin, ["--sandbox"], { cwd: dir, stdio: ["pipe", "pipe", "pipe"] });
    try {
      const lines = createInterface({ input: server.stdout })[Symbol.asyncIterator]();
      // MCP over stdio: one JSON-RPC message a line, as an assistant's host writes them.
      const ask = async (id: number, method: string, params: unknown) => {
        server.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", id, method, params })}\n`);
        const { value } = await lines.next();
        return JSON.parse(value as string) as { id: number; result: Record<string, unknown> };
      };
      const hello = await ask(1, "initialize", {
        protocolVersion: "2025-06-18",
        capabilities: {},
        clientInfo: { name: "release-check", version: "1.0.0" },
      });
      expect(hello.result).toMatchObject({ serverInfo: { name: "sigmamind" } });
      server.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" })}\n`);
      const listed = await ask(2, "tools/list", {});
      const names = (listed.result.tools as { name: string }[]).map((tool) => tool.name).sort();
      expect(names).toEqual(["calls_get", "calls_list", "calls_wait"]);
      const called = await ask(3, "tools/call", { name: "calls_list", arguments: { size: 1 } });
      expect(called.result.structuredContent).toMatchObject({ totalCounts: 57, size: 1 });
    } finally {
      server.kill();
    }
  });

  test("runs the published sandbox over HTTP, through its own fetch and through MSW with the same answers, and its factories", async () => {
    if (kind === "CommonJS") await compile(dir, "tsconfig.msw.json");
    const run = async (script: string) =>
      (await runCommand(process.execPath, [script], { cwd: dir })).stdout.trim().split("\n");
    const [overHttp, inProcess, factories] = await run("dist/sandbox.js");
    const [throughMsw] = await run("dist/sandbox-msw.js");
    // Created scheduled, over by the hour's end, and listed with the 23 seeded calls across 5 pages.
    expect(overHttp).toMatch(/^http scheduled (ended|not-connected) 24$/);
    expect(throughMsw?.replace(/^msw /, "http ")).toBe(overHttp);
    expect(inProcess?.replace(/^fetch /, "http ")).toBe(overHttp);
    expect(factories).toBe("factories ended 5 true");
  });
});

describe("a new user following the published mock README", () => {
  test("runs its setup to copy in a new project, commands and files as written, and its tests pass", async () => {
    const dir = join(release.scratch, "newcomer");
    await mkdir(dir, { recursive: true });
    // As in the installed projects: the @sigmamind scope from the registry under test, the rest from npm.
    await writeFile(join(dir, ".npmrc"), `@sigmamind:registry=${release.registryUrl}\n`);
    await runCommand("npm", ["init", "-y"], { cwd: dir });
    const readme = await readFile(join(release.esmProject, "node_modules", "@sigmamind", "mock", "README.md"), "utf8");
    const region = /<!-- #region complete-setup -->([\s\S]*?)<!-- #endregion complete-setup -->/.exec(readme)?.[1];
    const blocks = codeBlocks(region ?? "");
    const commands = blocks
      .filter((block) => block.language === "sh")
      .flatMap((block) => block.code.trim().split("\n"));
    expect(commands[0]).toBe("npm install @sigmamind/client");
    for (const command of commands) await runCommand("sh", ["-c", command], { cwd: dir, timeoutMs: 300_000 });
    const files = blocks.filter((block) => block.file !== undefined);
    expect(files.map((block) => block.file)).toEqual([
      "vitest.config.ts",
      "src/missed-calls.ts",
      "test/missed-calls.test.ts",
    ]);
    for (const block of files) {
      const path = join(dir, block.file as string);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, block.code);
    }
    const { stdout } = await runCommand("npm", ["test"], { cwd: dir, env: { NO_COLOR: "1" } });
    expect(stdout).toMatch(/Tests\s+3 passed \(3\)/);
    expect((await installedManifest(dir, "@sigmamind/mock")).version).toBe(release.releasedVersions["@sigmamind/mock"]);
  });
});
