// `pnpm start` as a user runs it: everything comes up, the listing prints, Ctrl-C stops everything.
import { createServer, type Server } from "node:net";
import { fileURLToPath } from "node:url";
import { startNodeProcess } from "@sigmamind/test-support/node-process";
import { prismProcessesOf } from "@sigmamind/test-support/processes";
import { describe, expect, test } from "vitest";

const main = fileURLToPath(new URL("../dist/main.js", import.meta.url));

/** The fields of a page of the listing that these tests read. */
interface CallsPage {
  data: { callId: string }[];
  totalCounts: number;
  totalPages: number;
}

/** A page of the sandbox's listing, fetched as any client would (the sandbox takes any key). */
async function listCalls(url: string): Promise<CallsPage> {
  const response = await fetch(url, { headers: { "X-API-Key": "any" } });
  expect(response.status).toBe(200);
  return (await response.json()) as CallsPage;
}

/** Runs `run` while each of `ports` is taken: by this test, or by whatever already listens on it. */
async function whileTaken(ports: number[], run: () => Promise<void>) {
  const blockers: Server[] = [];
  for (const port of ports) {
    const blocker = createServer();
    const taken = await new Promise<boolean>((resolve, reject) => {
      blocker.once("error", (error: NodeJS.ErrnoException) =>
        error.code === "EADDRINUSE" ? resolve(false) : reject(error),
      );
      blocker.listen(port, "127.0.0.1", () => resolve(true));
    });
    if (taken) blockers.push(blocker);
  }
  try {
    await run();
  } finally {
    await Promise.all(blockers.map((blocker) => new Promise((resolve) => blocker.close(resolve))));
  }
}

describe("pnpm start", () => {
  test("starts the sandbox and the docs site, lists the sandbox's first page through the CLI, and stops cleanly on Ctrl-C", async () => {
    const env = { ...process.env };
    delete env.SIGMAMIND_API_KEY;
    // Its own process group, so the test can send SIGINT to the whole group the way a terminal's Ctrl-C does.
    const app = startNodeProcess([main], { env, detached: true });
    try {
      const [, sandboxUrl] = await app.waitForOutput(/Sandbox API\s+(http:\/\/127\.0\.0\.1:\d+)/, 60_000);
      const [, siteUrl] = await app.waitForOutput(/Documentation site\s+(http:\/\/127\.0\.0\.1:\d+)/, 60_000);
      await app.waitForOutput(/Ctrl-C stops them/, 60_000);

      // The listing is the sandbox's first page of several, not one example call.
      const firstPage = await listCalls(`${sandboxUrl}/v1/calls`);
      expect(firstPage.totalPages).toBeGreaterThan(1);
      expect(app.output()).toContain(
        `page 0 of ${firstPage.totalPages} (counting from 0), ${firstPage.totalCounts} calls in all`,
      );
      for (const call of firstPage.data) expect(app.output()).toContain(call.callId);
      const secondPage = await listCalls(`${sandboxUrl}/v1/calls?page=1`);
      expect(secondPage.data.map((call) => call.callId)).not.toContain(firstPage.data[0]?.callId);

      // The clock command it prints works from another process, with the key it prints.
      const [, printedKey] = await app.waitForOutput(/-H 'X-API-Key: ([^']+)' '[^']*\/__sandbox\/advance/, 60_000);
      const advanced = await fetch(`${sandboxUrl}/__sandbox/advance?ms=60000`, {
        method: "POST",
        headers: { "X-API-Key": printedKey as string },
      });
      expect(advanced.status).toBe(200);
      // Its clock runs a minute a second, so a call placed against it ends while `calls.waitFor` polls.
      const clock = await fetch(`${sandboxUrl}/__sandbox/clock`, { headers: { "X-API-Key": printedKey as string } });
      expect(await clock.json()).toMatchObject({ clock: "real", speed: 60 });

      const docs = await fetch(`${siteUrl}/reference.html`);
      expect(docs.status).toBe(200);
      expect(await (await fetch(`${siteUrl}/site-config.json`)).json()).toEqual({ mockUrl: sandboxUrl });
      // The sandbox answers in the app's own process: no Prism runs beside it.
      expect(prismProcessesOf(app.pid)).toEqual([]);

      process.kill(-app.pid, "SIGINT");
      await expect(app.exited).resolves.toMatchObject({ code: 0 });
    } finally {
      await app.stop(0);
    }
  });

  test("a busy 4010 or 4000 is replaced by a free port", async () => {
    await whileTaken([4010, 4000], async () => {
      const app = startNodeProcess([main]);
      try {
        const [, sandboxPort] = await app.waitForOutput(/Sandbox API\s+http:\/\/127\.0\.0\.1:(\d+)/, 60_000);
        const [, sitePort] = await app.waitForOutput(/Documentation site\s+http:\/\/127\.0\.0\.1:(\d+)/, 60_000);
        expect([sandboxPort, sitePort]).not.toContain("4010");
        expect([sandboxPort, sitePort]).not.toContain("4000");
        await app.waitForOutput(/Ctrl-C stops them/, 60_000);
      } finally {
        await app.stop();
      }
      await expect(app.exited).resolves.toMatchObject({ code: 0 });
    });
  });
});
