// The project's own release, run in a copy of the workspace: `changeset version` (the root `version-packages`
// script), then `changeset publish` (the second half of the root `release` script; the first half, the build, is
// what Turbo ran before these tests) against a registry given by URL. The working tree is never touched.
import { cp, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { runCommand } from "./run-command.js";

export interface WorkspacePackage {
  name: string;
  version: string;
  path: string;
  private: boolean;
}

export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

export interface ReleaseRun {
  /** The copy of the workspace the release ran in. */
  dir: string;
  /** Name → version of each published package, as `changeset version` left it. */
  versions: Record<string, string>;
  publishOutput: string;
}

/** Files at the workspace root that the release reads. The lockfile pins pnpm itself (`packageManager`). */
const ROOT_FILES = ["package.json", "pnpm-workspace.yaml", "pnpm-lock.yaml", ".npmrc", ".gitignore", "LICENSE"];

export async function workspacePackages(repoRoot: string): Promise<WorkspacePackage[]> {
  const { stdout } = await runCommand("pnpm", ["ls", "--recursive", "--depth=-1", "--json"], { cwd: repoRoot });
  const listed = JSON.parse(stdout) as { name: string; version?: string; path: string; private?: boolean }[];
  return listed
    .filter((entry) => entry.path !== repoRoot)
    .map((entry) => ({
      name: entry.name,
      version: entry.version ?? "0.0.0",
      path: entry.path,
      private: entry.private === true,
    }));
}

export async function readManifest(dir: string): Promise<Manifest> {
  return JSON.parse(await readFile(join(dir, "package.json"), "utf8")) as Manifest;
}

/**
 * Copies what the release needs: the root files, `.changeset/`, every published package (its files tracked by
 * git, as they are on disk, and the `dist/` that Turbo built), and only the manifest of each private package,
 * which changesets reads to check its `ignore` list and pnpm to match the lockfile.
 */
export async function copyWorkspaceForRelease(repoRoot: string, target: string): Promise<WorkspacePackage[]> {
  const packages = await workspacePackages(repoRoot);
  await mkdir(target, { recursive: true });
  for (const file of ROOT_FILES) await cp(join(repoRoot, file), join(target, file)).catch(ignoreMissing);
  await cp(join(repoRoot, ".changeset"), join(target, ".changeset"), { recursive: true });

  for (const pkg of packages) {
    const to = join(target, relative(repoRoot, pkg.path));
    if (!pkg.private) {
      const dist = await readdir(join(pkg.path, "dist")).catch(() => []);
      if (dist.length === 0) {
        throw new Error(
          `${pkg.name} has no dist/: build it first (cd ${repoRoot} && TURBO_TELEMETRY_DISABLED=1 pnpm exec turbo run build --filter=./packages/*)`,
        );
      }
      // The package as committed, plus its build: what a release job sees in a clean clone after `turbo run build`.
      // Copying the folder as it is would also take what other tasks of `pnpm test` write there meanwhile.
      const tracked = await runCommand("git", ["ls-files", "-z", "--", relative(repoRoot, pkg.path)], {
        cwd: repoRoot,
      });
      for (const file of tracked.stdout.split("\0").filter(Boolean)) {
        await mkdir(dirname(join(target, file)), { recursive: true });
        await cp(join(repoRoot, file), join(target, file)).catch(ignoreMissing);
      }
      await cp(join(pkg.path, "dist"), join(to, "dist"), { recursive: true });
      continue;
    }
    await mkdir(to, { recursive: true });
    await cp(join(pkg.path, "package.json"), join(to, "package.json"));
    // A `file:` dependency of a private package is in the lockfile; pnpm wants its manifest to be there too.
    const manifest = await readManifest(pkg.path);
    for (const spec of Object.values(allDependencies(manifest))) {
      if (!spec.startsWith("file:")) continue;
      const source = join(pkg.path, spec.slice("file:".length), "package.json");
      const copy = join(to, spec.slice("file:".length), "package.json");
      await mkdir(dirname(copy), { recursive: true });
      await cp(source, copy);
    }
  }
  return packages;
}

export interface ReleaseOptions {
  repoRoot: string;
  /** An empty folder for the copy of the workspace. */
  dir: string;
  registryUrl: string;
  token: string;
}

export async function runReleaseFlow({ repoRoot, dir, registryUrl, token }: ReleaseOptions): Promise<ReleaseRun> {
  const packages = await copyWorkspaceForRelease(repoRoot, dir);
  const changeset = join(repoRoot, "node_modules", "@changesets", "cli", "bin.js");

  // Publishing reads the registry and its token from the workspace's .npmrc, as it would from CI's.
  const npmrc = await readFile(join(dir, ".npmrc"), "utf8").catch(() => "");
  const host = registryUrl.replace(/^https?:/, "");
  await writeFile(join(dir, ".npmrc"), `${npmrc.trimEnd()}\nregistry=${registryUrl}\n${host}:_authToken=${token}\n`);
  const env = {
    // changesets reads npm_config_registry (and passes it on to `npm info`); pnpm 12 reads pnpm_config_*.
    npm_config_registry: registryUrl,
    pnpm_config_registry: registryUrl,
    // changesets commits nothing here (`commit: false`) but tags each release; keep the user's git config out.
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_AUTHOR_NAME: "release-check",
    GIT_AUTHOR_EMAIL: "release-check@example.invalid",
    GIT_COMMITTER_NAME: "release-check",
    GIT_COMMITTER_EMAIL: "release-check@example.invalid",
  };
  const run = (command: string, args: string[]) => runCommand(command, args, { cwd: dir, env });

  // changesets writes each commit's hash into the changelogs, and `changeset publish` tags the release in git.
  await run("git", ["init", "--quiet", "--initial-branch=main"]);
  await run("git", ["add", "--all"]);
  await run("git", ["commit", "--quiet", "--no-verify", "--message", "release candidate"]);
  // `pnpm publish` turns `workspace:^` into a version range by reading the linked package, so the workspace links
  // must exist; everything comes from the store this workspace was installed from. The lockfile is the workspace's
  // own, which its install already checked against pnpm's supply-chain policies; checking it again here would ask
  // the registry under test, which holds only this release, for every dependency's metadata.
  await run("pnpm", [
    "install",
    "--offline",
    "--frozen-lockfile",
    "--ignore-scripts",
    "--config.trust-lockfile=true",
    "--filter=./packages/*",
  ]);

  await run(process.execPath, [changeset, "version"]);
  const publish = await run(process.execPath, [changeset, "publish"]);

  const versions: Record<string, string> = {};
  for (const pkg of packages.filter((entry) => !entry.private)) {
    versions[pkg.name] = (await readManifest(join(dir, relative(repoRoot, pkg.path)))).version;
  }
  return {
    dir,
    versions,
    publishOutput: publish.stdout + publish.stderr,
  };
}

type Bump = "major" | "minor" | "patch";
const BUMP_ORDER: Bump[] = ["patch", "minor", "major"];

/**
 * The versions the pending changesets should produce, worked out from `.changeset/*.md` independently of
 * changesets: each package takes its largest bump, and with `updateInternalDependencies: "patch"` a package whose
 * dependency is released gets at least a patch.
 */
export async function plannedVersions(repoRoot: string): Promise<Record<string, string>> {
  const packages = (await workspacePackages(repoRoot)).filter((pkg) => !pkg.private);
  const bumps = new Map<string, Bump>();
  const changesetDir = join(repoRoot, ".changeset");
  for (const file of await readdir(changesetDir)) {
    if (!file.endsWith(".md") || file === "README.md") continue;
    const text = await readFile(join(changesetDir, file), "utf8");
    const frontMatter = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? "";
    for (const line of frontMatter.split("\n")) {
      const match = /^\s*["']?([^"':]+)["']?\s*:\s*(major|minor|patch)\s*$/.exec(line);
      if (match?.[1] && match[2]) raise(bumps, match[1], match[2] as Bump);
    }
  }

  const manifests = new Map(
    await Promise.all(packages.map(async (pkg) => [pkg.name, await readManifest(pkg.path)] as const)),
  );
  let changed = true;
  while (changed) {
    changed = false;
    for (const [name, manifest] of manifests) {
      if (bumps.has(name)) continue;
      const runtimeDependencies = { ...manifest.dependencies, ...manifest.peerDependencies };
      if (Object.keys(runtimeDependencies).some((dependency) => bumps.has(dependency))) {
        bumps.set(name, "patch");
        changed = true;
      }
    }
  }

  const versions: Record<string, string> = {};
  for (const pkg of packages) {
    const bump = bumps.get(pkg.name);
    versions[pkg.name] = bump ? increment(pkg.version, bump) : pkg.version;
  }
  return versions;
}

function raise(bumps: Map<string, Bump>, name: string, bump: Bump) {
  const current = bumps.get(name);
  if (!current || BUMP_ORDER.indexOf(bump) > BUMP_ORDER.indexOf(current)) bumps.set(name, bump);
}

function increment(version: string, bump: Bump): string {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!match) throw new Error(`cannot plan a ${bump} of ${version}: only plain x.y.z versions are handled here`);
  const [major, minor, patch] = match.slice(1).map(Number) as [number, number, number];
  if (bump === "major") return `${major + 1}.0.0`;
  if (bump === "minor") return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

export function allDependencies(manifest: Manifest): Record<string, string> {
  return {
    ...manifest.dependencies,
    ...manifest.devDependencies,
    ...manifest.peerDependencies,
    ...manifest.optionalDependencies,
  };
}

function ignoreMissing(error: NodeJS.ErrnoException) {
  if (error.code !== "ENOENT") throw error;
}
