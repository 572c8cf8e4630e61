// `pnpm start` as a user runs it: everything comes up, the listing prints, Ctrl-C stops everything.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

async function waitFor(read: () => string, pattern: RegExp, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(read())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; got:\n${read()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return pattern.exec(read()) as RegExpExecArray;
}

describe("pnpm start", () => {
  test("starts the mock and the docs site, lists calls through the CLI, and stops cleanly on Ctrl-C", async () => {
    const env = { ...process.env };
    delete env.SIGMAMIND_API_KEY;
    const main = fileURLToPath(new URL("../dist/main.js", import.meta.url));
    // Its own process group, so the test can send SIGINT to the whole group the way a terminal's Ctrl-C does.
    const child = spawn(process.execPath, [main], { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    try {
      const [, mockUrl] = await waitFor(() => output, /Mock API\s+(http:\/\/127\.0\.0\.1:\d+)/);
      const [, siteUrl] = await waitFor(() => output, /Documentation site\s+(http:\/\/127\.0\.0\.1:\d+)/);
      await waitFor(() => output, /Ctrl-C stops them/);
      expect(output).toContain("call-AuUKK371Spr5nHJS");

      const docs = await fetch(`${siteUrl}/reference.html`);
      expect(docs.status).toBe(200);
      expect(await (await fetch(`${siteUrl}/site-config.json`)).json()).toEqual({ mockUrl });
      const calls = await fetch(`${mockUrl}/v1/calls`, { headers: { "X-API-Key": "any" } });
      expect(calls.status).toBe(200);

      process.kill(-(child.pid as number), "SIGINT");
      const [code] = await once(child, "exit");
      expect(code).toBe(0);
      expect(output).not.toContain("stopped unexpectedly");
      await expect(fetch(`${mockUrl}/v1/calls`)).rejects.toThrow();
      await expect(fetch(siteUrl as string)).rejects.toThrow();
    } finally {
      child.kill("SIGKILL");
    }
  });
});
