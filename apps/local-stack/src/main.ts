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
// The stateful sandbox rather than the spec's one example: the first listing a newcomer sees has real pages.
const sandbox = await startSandbox({ port: await preferredOrFree(PREFERRED_SANDBOX_PORT) });
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
sandbox.exited.then((exit) => {
  if (!exit.stopped) {
    console.error(`The sandbox API stopped unexpectedly (${exit.signal ?? `exit code ${exit.code}`}).\n${exit.output}`);
    void stopAll(1);
  }
});

console.log(`Sandbox API        ${sandbox.url}`);
console.log(`Documentation site ${site.url}  ("try it" calls the sandbox)`);
console.log(`\n$ sigmamind calls list --base-url ${sandbox.url}\n`);

const cli = join(dirname(createRequire(import.meta.url).resolve("@sigmamind/cli/package.json")), "dist/main.js");
const listing = spawn(process.execPath, [cli, "calls", "list", "--base-url", sandbox.url], {
  // The sandbox accepts any key; this placeholder is the CLI's only credential.
  env: { ...process.env, SIGMAMIND_API_KEY: "sandbox-api-key" },
  stdio: ["ignore", "inherit", "inherit"],
});
listing.once("exit", (code) => {
  if (code !== 0) {
    console.error(`\nThe CLI exited with code ${code}.`);
    void stopAll(1);
    return;
  }
  console.log(`
Both keep running. Point your app at the sandbox with any API key: the calls it creates there connect and end as
the sandbox's clock moves, which you move from any language:
  curl -X POST '${sandbox.url}/__sandbox/advance?ms=60000'   # one minute later
  curl -X POST '${sandbox.url}/__sandbox/reset'              # back to the seeded calls
Open the documentation site to read the guides and "try it". Ctrl-C stops them.`);
});
