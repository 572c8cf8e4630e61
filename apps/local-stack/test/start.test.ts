// `pnpm start` as a user runs it: everything comes up, the listing prints, Ctrl-C stops everything.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

/** Prism processes started for `port`, found by their command line. */
function prismProcessesOnPort(port: number): string[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .map((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ");
      } catch {
        return "";
      }
    })
    .filter((command) => command.includes("prism-cli") && command.includes(`--port ${port} `));
}

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
      expect(prismProcessesOnPort(Number(new URL(mockUrl as string).port))).toHaveLength(1);

      process.kill(-(child.pid as number), "SIGINT");
      const [code] = await once(child, "exit");
      expect(code).toBe(0);
      expect(output).not.toContain("stopped unexpectedly");
      // The docs site lived in the exited process; the mock's Prism must be gone too. (Fetching the URLs would
      // race other tests' servers for the freed ports.)
      expect(prismProcessesOnPort(Number(new URL(mockUrl as string).port))).toEqual([]);
    } finally {
      child.kill("SIGKILL");
    }
  });
});
