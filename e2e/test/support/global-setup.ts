// Once per run: a Verdaccio, the project's release flow published to it, and two outside projects (ESM and
// CommonJS) that installed the result. The test files check what this produced; the teardown stops the registry
// and removes every folder.
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { createFreshProject } from "./fresh-project.js";
import { plannedVersions, readManifest, runReleaseFlow } from "./release-flow.js";
import { addUser, type RunningRegistry, startVerdaccio } from "./verdaccio.js";

export interface ReleaseContext {
  registryUrl: string;
  /** Name → version, as the `.changeset/*.md` files plan them. */
  plannedVersions: Record<string, string>;
  /** Name → version, as `changeset version` wrote them. */
  releasedVersions: Record<string, string>;
  releaseDir: string;
  publishOutput: string;
  esmProject: string;
  cjsProject: string;
  /** A folder for the tests' own files, removed with the rest. */
  scratch: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    release: ReleaseContext;
  }
}

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url)).replace(/\/$/, "");

export default async function setup(project: TestProject) {
  const root = await mkdtemp(join(tmpdir(), "sigmamind-release-check-"));
  let registry: RunningRegistry | undefined;
  const teardown = async () => {
    await registry?.stop();
    await rm(root, { recursive: true, force: true });
  };

  try {
    const started = Date.now();
    const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
    registry = await startVerdaccio(join(root, "registry"));
    const token = await addUser(registry.url, "release-check", randomUUID());
    const release = await runReleaseFlow({ repoRoot, dir: join(root, "release"), registryUrl: registry.url, token });
    console.log(
      `release-check: published ${Object.keys(release.versions).join(", ")} to ${registry.url} in ${seconds()}`,
    );

    const rootManifest = await readManifest(repoRoot);
    const typesNode = `@types/node@${rootManifest.devDependencies?.["@types/node"] ?? "20"}`;
    const mockManifest = await readManifest(join(repoRoot, "packages", "mock"));
    // The MSW the mock's handlers are tested with, as a user who runs them would install it.
    const msw = `msw@${mockManifest.devDependencies?.msw}`;
    // Prism is an optional peer of the mock that startMock, which the fixtures use, needs: installed at its peer range.
    const prism = `@stoplight/prism-cli@${mockManifest.peerDependencies?.["@stoplight/prism-cli"]}`;
    const install = {
      registryUrl: registry.url,
      packages: ["@sigmamind/client", "@sigmamind/mock", "@sigmamind/cli", "@sigmamind/mcp"],
      devPackages: [typesNode, msw, prism],
    };
    const [esmProject, cjsProject] = await Promise.all([
      createFreshProject("esm", { ...install, dir: join(root, "esm-project") }),
      createFreshProject("cjs", { ...install, dir: join(root, "cjs-project") }),
    ]);
    console.log(`release-check: installed into an ESM and a CommonJS project by ${seconds()}`);

    project.provide("release", {
      registryUrl: registry.url,
      plannedVersions: await plannedVersions(repoRoot),
      releasedVersions: release.versions,
      releaseDir: release.dir,
      publishOutput: release.publishOutput,
      esmProject,
      cjsProject,
      scratch: join(root, "scratch"),
    });
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
