// A paged server whose later pages wait for the CLI's first output: a CLI that gathered every call before
// writing would only get them once each wait ran out. Shared by the tests that `calls list --all` streams.
import { pagedCalls, startFakeApi } from "./fake-api.js";
import { spawnCli } from "./run-cli.js";

export interface GatedListing {
  code: unknown;
  stdout: string;
  /** For each held page, whether the CLI's output released it (true) or the 5 s wait ran out (false). */
  releasedByOutput: boolean[];
}

/**
 * Runs the CLI with `args` (its --base-url added) against `pages` pages of `size` calls, holding each page from
 * `heldFrom` on until the CLI has written something, for 5 s at most.
 */
export async function listWhileGated(
  args: readonly string[],
  { pages, size, heldFrom }: { pages: number; size: number; heldFrom: number },
): Promise<GatedListing> {
  let sawOutput: () => void = () => {};
  const outputSeen = new Promise<boolean>((resolve) => {
    sawOutput = () => resolve(true);
  });
  const releasedByOutput: boolean[] = [];
  const gated = await startFakeApi(
    pagedCalls(pages, size, async (page) => {
      if (page < heldFrom) return;
      const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5_000));
      releasedByOutput.push(await Promise.race([outputSeen, timeout]));
    }),
  );
  try {
    const child = spawnCli([...args, "--base-url", gated.url]);
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      sawOutput();
    });
    const code = await new Promise((resolve) => child.on("close", resolve));
    return { code, stdout, releasedByOutput };
  } finally {
    await gated.close();
  }
}
