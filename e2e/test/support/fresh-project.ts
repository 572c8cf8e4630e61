// A project outside the workspace, as an outside user starts one: npm, a tsconfig, and the published packages
// installed from the registry under test. Its sources are in test/fixtures/<kind>-project.
import { cp, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Manifest, readManifest } from "./release-flow.js";
import { type CommandResult, runCommand } from "./run-command.js";

export type ModuleKind = "esm" | "cjs";

export interface FreshProjectOptions {
  /** Where to create the project; the folder must not exist yet. */
  dir: string;
  registryUrl: string;
  /** Installed from `registryUrl`, at the `latest` tag, as `npm install <name>` would. */
  packages: readonly string[];
  /** Installed from the npm registry as usual, such as `@types/node@20.19.43`. */
  devPackages: readonly string[];
}

const require = createRequire(import.meta.url);
const TSC = join(dirname(require.resolve("typescript/package.json")), "bin", "tsc");
const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));

export async function createFreshProject(kind: ModuleKind, options: FreshProjectOptions): Promise<string> {
  const { dir, registryUrl } = options;
  await cp(join(FIXTURES, `${kind}-project`), dir, { recursive: true, errorOnExist: true, force: false });
  // Only the @sigmamind scope comes from the registry under test, which has no uplinks; the packages' own
  // dependencies (openapi-fetch, Prism) come from the npm registry as they would for any user.
  await writeFile(join(dir, ".npmrc"), `@sigmamind:registry=${registryUrl}\n`);
  const npm = (args: string[]) =>
    runCommand("npm", [...args, "--no-audit", "--no-fund", "--omit-lockfile-registry-resolved=false"], {
      cwd: dir,
      timeoutMs: 300_000,
    });
  await npm(["install", ...options.packages]);
  await npm(["install", "--save-dev", ...options.devPackages]);
  return dir;
}

/** Type-checks the project with the workspace's TypeScript, `skipLibCheck: false`, and emits `dist/`. */
export function compile(dir: string, project = ".", extraArgs: readonly string[] = []): Promise<CommandResult> {
  return runCommand(process.execPath, [TSC, "--project", project, "--pretty", "false", ...extraArgs], { cwd: dir });
}

/** Where npm took an installed package from, by the `resolved` URL it recorded in package-lock.json. */
export async function resolvedFrom(dir: string, name: string): Promise<string | undefined> {
  const lock = JSON.parse(await readFile(join(dir, "package-lock.json"), "utf8")) as {
    packages: Record<string, { resolved?: string }>;
  };
  return lock.packages[`node_modules/${name}`]?.resolved;
}

export function installedManifest(dir: string, name: string): Promise<Manifest> {
  return readManifest(join(dir, "node_modules", name));
}
