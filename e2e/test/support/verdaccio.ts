// A real Verdaccio on 127.0.0.1: its own storage, no uplinks, so nothing is ever fetched from or sent to another
// registry. Publishing `@sigmamind/*` needs a user, created through the registry's own API like `npm adduser`.
import { mkdir, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { startNodeProcess } from "@sigmamind/test-support/node-process";

export interface RunningRegistry {
  /** `http://127.0.0.1:<port>/`, with the trailing slash npm writes in `.npmrc`. */
  url: string;
  /** Where Verdaccio keeps the published packuments and tarballs. */
  storage: string;
  stop(): Promise<void>;
}

const require = createRequire(import.meta.url);

// Verdaccio's bin listens on the port it is given and cannot say which one port 0 became; through its API, the
// server listens on port 0 and prints the port the system chose, so no other process can take it meanwhile.
const LAUNCHER = `
const { runServer } = require(${JSON.stringify(require.resolve("verdaccio"))});
runServer(process.argv[1]).then((server) => {
  server.listen(0, "127.0.0.1", () => console.log("Verdaccio listening on port " + server.address().port));
});
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
  // A crashed test run leaves no registry behind: the process ends with the one that started it.
  const registry = startNodeProcess(["-e", LAUNCHER, configPath], { cwd: root });
  let port: string | undefined;
  try {
    [, port] = await registry.waitForOutput(/Verdaccio listening on port (\d+)/, startTimeoutMs);
  } catch (error) {
    await registry.stop();
    throw new Error(`Verdaccio did not start: ${(error as Error).message}`);
  }
  return {
    url: `http://127.0.0.1:${port}/`,
    storage: join(root, "storage"),
    stop: async () => {
      await registry.stop();
    },
  };
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

/** A version's manifest as the registry serves it. */
export interface PublishedManifest {
  version: string;
  dist: { tarball: string; integrity: string };
  bin?: Record<string, string>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

export interface Packument {
  name: string;
  "dist-tags": Record<string, string>;
  versions: Record<string, PublishedManifest>;
}
