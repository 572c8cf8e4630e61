// A real Verdaccio on 127.0.0.1: its own storage, no uplinks, so nothing is ever fetched from or sent to another
// registry. Publishing `@sigmamind/*` needs a user, created through the registry's own API like `npm adduser`.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";

export interface RunningRegistry {
  /** `http://127.0.0.1:<port>/`, with the trailing slash npm writes in `.npmrc`. */
  url: string;
  /** Where Verdaccio keeps the published packuments and tarballs. */
  storage: string;
  stop(): Promise<void>;
}

const require = createRequire(import.meta.url);
const VERDACCIO_BIN = join(dirname(require.resolve("verdaccio/package.json")), "bin", "verdaccio");

// Verdaccio has no "die with the parent" option: this launcher exits when the pipe on its stdin closes, which
// happens when the test process ends in any way, so a crashed run leaves no registry behind.
const LAUNCHER = `
process.stdin.on("close", () => process.exit(0));
process.stdin.resume();
process.argv = [process.argv[0], ${JSON.stringify(VERDACCIO_BIN)}, ...process.argv.slice(1)];
require(${JSON.stringify(VERDACCIO_BIN)});
`;

function configYaml(root: string): string {
  return `# Written by e2e: a throwaway registry for one test run.
storage: ${JSON.stringify(join(root, "storage"))}
auth:
  htpasswd:
    file: ${JSON.stringify(join(root, "htpasswd"))}
    max_users: 10
# No uplinks: a package that was not published here is a 404, never a fetch from the public registry.
uplinks: {}
packages:
  "@sigmamind/*":
    access: $all
    publish: $authenticated
    unpublish: $authenticated
  "**":
    access: $all
web:
  enable: false
middlewares:
  audit:
    enabled: false
log: { type: stdout, format: json, level: warn }
`;
}

export async function startVerdaccio(root: string, startTimeoutMs = 30_000): Promise<RunningRegistry> {
  await mkdir(join(root, "storage"), { recursive: true });
  const configPath = join(root, "config.yaml");
  await writeFile(configPath, configYaml(root));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;

  const child = spawn(
    process.execPath,
    ["-e", LAUNCHER, "--", "--config", configPath, "--listen", `127.0.0.1:${port}`],
    {
      cwd: root,
      stdio: ["pipe", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
  });
  child.stderr.on("data", (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };

  try {
    await waitForPing(url, child, startTimeoutMs);
  } catch (error) {
    await stop();
    throw new Error(`Verdaccio did not start on ${url}: ${(error as Error).message}\n${output}`);
  }
  return { url, storage: join(root, "storage"), stop };
}

async function waitForPing(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`it exited (${child.exitCode})`);
    try {
      const response = await fetch(new URL("-/ping", url), { signal: AbortSignal.timeout(1_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no answer within ${timeoutMs} ms`);
}

/** Creates a user the way `npm adduser` does and returns its token, for `//host/:_authToken=` in an `.npmrc`. */
export async function addUser(registryUrl: string, name: string, password: string): Promise<string> {
  const response = await fetch(new URL(`-/user/org.couchdb.user:${encodeURIComponent(name)}`, registryUrl), {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, password }),
  });
  const body = (await response.json()) as { token?: string; error?: string };
  if (!response.ok || !body.token) throw new Error(`Verdaccio refused user ${name}: ${response.status} ${body.error}`);
  return body.token;
}

/** The packument (all versions and dist-tags) of a package, as npm sees it. */
export async function fetchPackument(registryUrl: string, name: string): Promise<Packument> {
  const response = await fetch(new URL(name.replace("/", "%2f"), registryUrl));
  if (!response.ok) throw new Error(`GET ${name} from ${registryUrl}: ${response.status}`);
  return (await response.json()) as Packument;
}

export interface Packument {
  name: string;
  "dist-tags": Record<string, string>;
  versions: Record<string, { version: string; dist: { tarball: string; integrity: string } }>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}
