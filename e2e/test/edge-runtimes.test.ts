// The published client on the edge runtimes it promises, where it may read no environment: Deno given network
// access alone, and Cloudflare's workerd (through miniflare). Each lists calls from the mock, turns a 404 into a
// NotFoundError and reads a call with `.withResponse()`, from the outside ESM project's src/edge-checks.ts.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type {} from "@sigmamind/mock/vitest";
import { isToolAvailable } from "@sigmamind/test-support/tool-availability";
import { build } from "esbuild";
import { describe, expect, inject, test } from "vitest";
import { readManifest } from "./support/release-flow.js";
import { runCommand } from "./support/run-command.js";
import { deno } from "./support/runtimes.js";
import { fetchFromWorker, workerd } from "./support/workerd.js";

const release = inject("release");
const mockUrl = inject("sigmamindMockUrl");
// The version the client names is the one it was built with, the workspace's: Turbo builds before this run's
// `changeset version` bumps the published manifest.
const builtClientVersion = (await readManifest(fileURLToPath(new URL("../../packages/client", import.meta.url))))
  .version;

/** What src/edge-checks.ts reports on any runtime; only the User-Agent's runtime differs. */
function expectedReport(runtimeInUserAgent: string) {
  return {
    userAgent: `@sigmamind/client/${builtClientVersion} (${runtimeInUserAgent})`,
    listedCallId: "call-AuUKK371Spr5nHJS",
    notFound: { name: "NotFoundError", isNotFoundError: true, status: 404 },
    withResponse: { callId: "call-AuUKK371Spr5nHJS", status: 200 },
  };
}

const denoRuntime = deno();

describe(`on ${denoRuntime.name}, with --allow-net alone`, () => {
  test.skipIf(!isToolAvailable(denoRuntime))("lists, gets a NotFoundError and reads withResponse()", async () => {
    // Beside the project's node_modules, from which Deno resolves @sigmamind/client as a user's project would.
    const script = join(release.esmProject, "deno-smoke.mjs");
    await build({
      entryPoints: [join(release.esmProject, "src", "deno-smoke.ts")],
      outfile: script,
      bundle: true,
      packages: "external",
      format: "esm",
      platform: "neutral",
      target: "es2022",
      logLevel: "error",
    });
    // --no-prompt: a permission Deno would ask for on a terminal is refused, as it is without one.
    const { stdout } = await runCommand(
      denoRuntime.executable ?? "",
      ["run", "--allow-net", "--no-prompt", script, mockUrl],
      { cwd: release.esmProject, env: { DENO_NO_UPDATE_CHECK: "1" } },
    );
    const lastLine = stdout.trim().split("\n").at(-1) ?? "";
    const { runtime, ...report } = JSON.parse(lastLine) as { runtime: string };
    expect(runtime).toBe(denoRuntime.expected);
    expect(report).toEqual(expectedReport(`deno/${denoRuntime.expected.slice("deno ".length)}; linux; x86_64`));
  });
});

const workerdRuntime = workerd();

describe(`on ${workerdRuntime.name}`, () => {
  // Fails until the client does nothing at module scope that workerd forbids there: it refuses to load a Worker
  // whose top level creates an AbortController ("Disallowed operation called within global scope").
  test.skipIf(!isToolAvailable(workerdRuntime))(
    "a Worker bundling the client lists, gets a NotFoundError and reads withResponse()",
    async () => {
      const bundle = await build({
        entryPoints: [join(release.esmProject, "src", "worker.ts")],
        bundle: true,
        format: "esm",
        platform: "browser",
        // What wrangler resolves a Worker's imports with.
        conditions: ["workerd", "worker", "browser"],
        target: "es2022",
        write: false,
        metafile: true,
        logLevel: "error",
      });
      const inputs = Object.keys(bundle.metafile.inputs);
      expect(inputs.some((input) => input.includes("node_modules/@sigmamind/client/dist/"))).toBe(true);

      const answer = await fetchFromWorker(
        bundle.outputFiles[0]?.text ?? "",
        `http://worker.invalid/?mock=${encodeURIComponent(mockUrl)}`,
      );
      expect(answer, answer.runtimeOutput).toMatchObject({ status: 200 });
      expect(JSON.parse(answer.body)).toEqual(expectedReport("workerd"));
    },
  );
});
