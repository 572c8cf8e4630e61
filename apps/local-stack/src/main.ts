// `pnpm start`: the mock API and the documentation site on this machine, and a first listing of calls through
// the CLI against the mock. No API key, no network. Ctrl-C stops everything.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { serveSite } from "@sigmamind/docs/serve";
import { startMock } from "@sigmamind/mock";
import getPort from "get-port";

const PREFERRED_MOCK_PORT = 4010;
const PREFERRED_DOCS_PORT = 4000;

// Each preferred port when it is free on 127.0.0.1, else a free one: a busy 4010 must not stop `pnpm start`.
const preferredOrFree = (port: number) => getPort({ port, host: "127.0.0.1" });
const mock = await startMock({ port: await preferredOrFree(PREFERRED_MOCK_PORT) });
const site = await serveSite({ mockUrl: mock.url, port: await preferredOrFree(PREFERRED_DOCS_PORT) });

let stopping = false;
async function stopAll(exitCode: number) {
  if (stopping) return;
  stopping = true;
  await Promise.allSettled([site.stop(), mock.stop()]);
  process.exit(exitCode);
}
process.once("SIGINT", () => void stopAll(0));
process.once("SIGTERM", () => void stopAll(0));
mock.exited.then((exit) => {
  if (!exit.stopped) {
    console.error(`The mock API stopped unexpectedly (${exit.signal ?? `exit code ${exit.code}`}).\n${exit.output}`);
    void stopAll(1);
  }
});

console.log(`Mock API           ${mock.url}`);
console.log(`Documentation site ${site.url}  ("try it" calls the mock)`);
console.log(`\n$ sigmamind calls list --base-url ${mock.url}\n`);

const cli = join(dirname(createRequire(import.meta.url).resolve("@sigmamind/cli/package.json")), "dist/main.js");
const listing = spawn(process.execPath, [cli, "calls", "list", "--base-url", mock.url], {
  // The mock accepts any key; this placeholder is the CLI's only credential.
  env: { ...process.env, SIGMAMIND_API_KEY: "mock-api-key" },
  stdio: ["ignore", "inherit", "inherit"],
});
listing.once("exit", (code) => {
  if (code !== 0) {
    console.error(`\nThe CLI exited with code ${code}.`);
    void stopAll(1);
    return;
  }
  console.log("\nBoth keep running: open the documentation site, or point your app at the mock. Ctrl-C stops them.");
});
