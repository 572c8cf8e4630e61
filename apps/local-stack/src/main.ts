// `pnpm start`: the sandbox API and the documentation site on this machine, and a first listing of calls through
// the CLI against the sandbox. No API key, no network. Ctrl-C stops everything.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { serveSite } from "@sigmamind/docs/serve";
import { startSandbox } from "@sigmamind/mock";
import getPort from "get-port";

const PREFERRED_SANDBOX_PORT = 4010;
const PREFERRED_DOCS_PORT = 4000;

// Each preferred port when it is free on 127.0.0.1, else a free one: a busy 4010 must not stop `pnpm start`.
const preferredOrFree = (port: number) => getPort({ port, host: "127.0.0.1" });
// The stateful sandbox rather than the spec's one example: the first listing a newcomer sees has real pages. Its
// clock runs a minute a second, so a call placed against it ends within seconds and `calls.waitFor` returns.
const sandbox = await startSandbox({
  port: await preferredOrFree(PREFERRED_SANDBOX_PORT),
  clock: "real",
  speed: 60,
});
const site = await serveSite({ mockUrl: sandbox.url, port: await preferredOrFree(PREFERRED_DOCS_PORT) });

let stopping = false;
async function stopAll(exitCode: number) {
  if (stopping) return;
  stopping = true;
  await Promise.allSettled([site.stop(), sandbox.stop()]);
  process.exit(exitCode);
}
process.once("SIGINT", () => void stopAll(0));
process.once("SIGTERM", () => void stopAll(0));

console.log(`Sandbox API        ${sandbox.url}`);
console.log(`Documentation site ${site.url}  ("try it" calls the sandbox)`);
console.log(`\n$ sigmamind calls list --base-url ${sandbox.url}\n`);

const cli = join(dirname(createRequire(import.meta.url).resolve("@sigmamind/cli/package.json")), "dist/main.js");
// The sandbox accepts any key, and each key is a world of its own: the curl lines below use the CLI's, so they
// act on the calls the listing showed.
const apiKey = "sandbox-api-key";
const listing = spawn(process.execPath, [cli, "calls", "list", "--base-url", sandbox.url], {
  env: { ...process.env, SIGMAMIND_API_KEY: apiKey },
  stdio: ["ignore", "inherit", "inherit"],
});
listing.once("exit", (code) => {
  if (code !== 0) {
    console.error(`\nThe CLI exited with code ${code}.`);
    void stopAll(1);
    return;
  }
  console.log(`
Both keep running. Point your app at the sandbox with any API key: each key has calls of its own, which connect
and end as the sandbox's clock runs, a minute a second. Move it further, or start over, from any language:
  curl -X POST -H 'X-API-Key: ${apiKey}' '${sandbox.url}/__sandbox/advance?ms=3600000'   # an hour later
  curl -X POST -H 'X-API-Key: ${apiKey}' '${sandbox.url}/__sandbox/reset'                # back to the seeded calls
Open the documentation site to read the guides and "try it". Ctrl-C stops them.`);
});
