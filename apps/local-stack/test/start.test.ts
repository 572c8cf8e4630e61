// `pnpm start` as a user runs it: everything comes up, the listing prints, Ctrl-C stops everything.
import { createServer, type Server } from "node:net";
import { fileURLToPath } from "node:url";
import { startNodeProcess } from "@sigmamind/test-support/node-process";
import { isProcessRunning, prismProcessesOf } from "@sigmamind/test-support/processes";
import { describe, expect, test } from "vitest";

const main = fileURLToPath(new URL("../dist/main.js", import.meta.url));

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
  test("starts the mock and the docs site, lists calls through the CLI, and stops cleanly on Ctrl-C", async () => {
    const env = { ...process.env };
    delete env.SIGMAMIND_API_KEY;
    // Its own process group, so the test can send SIGINT to the whole group the way a terminal's Ctrl-C does.
    const app = startNodeProcess([main], { env, detached: true });
    try {
      const [, mockUrl] = await app.waitForOutput(/Mock API\s+(http:\/\/127\.0\.0\.1:\d+)/, 60_000);
      const [, siteUrl] = await app.waitForOutput(/Documentation site\s+(http:\/\/127\.0\.0\.1:\d+)/, 60_000);
      await app.waitForOutput(/Ctrl-C stops them/, 60_000);
      expect(app.output()).toContain("call-AuUKK371Spr5nHJS");

      const docs = await fetch(`${siteUrl}/reference.html`);
      expect(docs.status).toBe(200);
      expect(await (await fetch(`${siteUrl}/site-config.json`)).json()).toEqual({ mockUrl });
      const calls = await fetch(`${mockUrl}/v1/calls`, { headers: { "X-API-Key": "any" } });
      expect(calls.status).toBe(200);
      const prism = prismProcessesOf(app.pid);
      expect(prism).toHaveLength(1);
      expect(prism[0]?.commandLine).toMatch(new RegExp(`--port ${new URL(mockUrl as string).port}( |$)`));

      process.kill(-app.pid, "SIGINT");
      await expect(app.exited).resolves.toMatchObject({ code: 0 });
      expect(app.output()).not.toContain("stopped unexpectedly");
      // The docs site lived in the exited process; the mock's Prism must be gone too. (Fetching the URLs would
      // race other tests' servers for the freed ports.)
      expect(isProcessRunning(prism[0]?.pid as number)).toBe(false);
    } finally {
      await app.stop(0);
    }
  });

  test("a busy 4010 or 4000 is replaced by a free port", async () => {
    await whileTaken([4010, 4000], async () => {
      const app = startNodeProcess([main]);
      try {
        const [, mockPort] = await app.waitForOutput(/Mock API\s+http:\/\/127\.0\.0\.1:(\d+)/, 60_000);
        const [, sitePort] = await app.waitForOutput(/Documentation site\s+http:\/\/127\.0\.0\.1:(\d+)/, 60_000);
        expect([mockPort, sitePort]).not.toContain("4010");
        expect([mockPort, sitePort]).not.toContain("4000");
        await app.waitForOutput(/Ctrl-C stops them/, 60_000);
      } finally {
        await app.stop();
      }
      await expect(app.exited).resolves.toMatchObject({ code: 0 });
    });
  });
});
