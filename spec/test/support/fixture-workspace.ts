// A copy of the workspace whose spec is another document: what a change to the spec alone makes of the packages
// built from it. The copy holds the files git tracks of the packages it builds, the manifest of every other
// (so that the lockfile matches), and node_modules linked offline from the store this workspace was installed from.
import { execFile } from "node:child_process";
import { cp, mkdir, readdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

const ROOT_FILES = [
  "package.json",
  "pnpm-workspace.yaml",
  "pnpm-lock.yaml",
  ".npmrc",
  "tsconfig.base.json",
  "biome.json",
];

/** Runs a command in `cwd` and gives its stdout, failing with stdout and stderr. */
export async function runIn(cwd: string, command: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run(command, args, {
      cwd,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", CI: "true" },
    });
    return stdout;
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(" ")} failed in ${cwd}:\n${stdout}\n${stderr}`);
  }
}

/**
 * Copies `packages` (folders relative to `repoRoot`, with their tracked files) and every other workspace package's
 * manifest into `target`, writes `spec` as the copy's spec/openapi.yaml, and links node_modules offline.
 */
export async function fixtureWorkspace(repoRoot: string, target: string, packages: string[], spec: string) {
  await mkdir(target, { recursive: true });
  for (const file of ROOT_FILES) await cp(join(repoRoot, file), join(target, file));
  const tracked = await runIn(repoRoot, "git", ["ls-files", "-z", "--", ...packages]);
  for (const file of tracked.split("\0").filter(Boolean)) {
    await mkdir(dirname(join(target, file)), { recursive: true });
    await cp(join(repoRoot, file), join(target, file));
  }
  for (const group of ["packages", "apps", "tooling"]) {
    for (const name of await readdir(join(repoRoot, group))) {
      const manifest = join(group, name, "package.json");
      await mkdir(join(target, group, name), { recursive: true });
      await cp(join(repoRoot, manifest), join(target, manifest)).catch(() => undefined);
    }
  }
  for (const single of ["e2e", "bench", "e2e/runtimes"]) {
    await mkdir(join(target, single), { recursive: true });
    await cp(join(repoRoot, single, "package.json"), join(target, single, "package.json"));
  }
  await writeFile(join(target, "spec", "openapi.yaml"), spec);
  await runIn(target, "pnpm", [
    "install",
    "--offline",
    "--frozen-lockfile",
    "--ignore-scripts",
    "--config.trust-lockfile=true",
    ...packages.map((dir) => `--filter=./${dir}`),
  ]);
}
