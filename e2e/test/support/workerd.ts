// Cloudflare's workerd, run through miniflare (a devDependency of this app, pinned in ../../package.json): miniflare
// depends on an exact workerd, whose platform package (@cloudflare/workerd-linux-64 and the like) carries the binary.
import { createRequire } from "node:module";
import type { Readable } from "node:stream";
import type { Tool } from "@sigmamind/test-support/tool-availability";
import { Miniflare } from "miniflare";

const fromMiniflare = createRequire(createRequire(import.meta.url).resolve("miniflare"));

/** The workerd binary miniflare starts; undefined when this platform's package of it is not installed. */
function workerdBinary(): string | undefined {
  try {
    // workerd's lib/main.js exports its binary's path, and throws when the platform package is missing.
    return fromMiniflare("workerd").default as string;
  } catch {
    return undefined;
  }
}

export function workerd(): Tool {
  const version = (fromMiniflare("workerd/package.json") as { version: string }).version;
  return {
    name: `workerd ${version} (through miniflare)`,
    executable: workerdBinary(),
    install:
      "run `pnpm install` at the workspace root: miniflare's workerd dependency installs the binary for this platform",
  };
}

// A fixed date, so that a newer workerd does not change the behaviour under test; no compatibility flags, as in a
// Worker that does not opt into Node.js compatibility.
const COMPATIBILITY_DATE = "2025-09-01";

export interface WorkerAnswer {
  status: number;
  body: string;
  /** What workerd printed, such as the exception that stopped it from loading the Worker. */
  runtimeOutput: string;
}

/** Runs an ES module Worker in workerd and sends it one request; outbound fetches go to the network as usual. */
export async function fetchFromWorker(script: string, url: string): Promise<WorkerAnswer> {
  let runtimeOutput = "";
  const miniflare = new Miniflare({
    modules: true,
    script,
    compatibilityDate: COMPATIBILITY_DATE,
    handleRuntimeStdio(stdout: Readable, stderr: Readable) {
      for (const stream of [stdout, stderr]) stream.on("data", (chunk: Buffer) => (runtimeOutput += chunk.toString()));
    },
  });
  let started = true;
  try {
    const response = await miniflare.dispatchFetch(url);
    return { status: response.status, body: await response.text(), runtimeOutput };
  } catch (error) {
    started = false;
    throw new Error(`workerd could not run the Worker: ${String(error)}\n--- workerd's output ---\n${runtimeOutput}`);
  } finally {
    // A runtime that failed to start fails its disposal with the same error, which the one above already reports.
    await miniflare.dispose().catch((error: unknown) => {
      if (started) throw error;
    });
  }
}
