// A test run never writes to the production API. With one kind of key, a suite whose baseUrl or mock URL is
// missing would otherwise place real phone calls with whatever key the environment holds: the client refuses a
// write (a create, a delete, any method but a read) aimed at the production API from a test runner, before
// anything is sent, unless the team says it means it.
import { readEnv } from "../internal/env.js";
import { LiveWriteRefusedError } from "./errors.js";

/** Where the API lives. */
export const PRODUCTION_ORIGIN = "https://api.sigmamind.ai";

/**
 * The API's host, which the guard protects whatever the scheme and port: `https://API.sigmamind.ai.:443` (a fully
 * qualified name, which resolves and passes TLS alike) is the same API.
 */
const PRODUCTION_HOST = "api.sigmamind.ai";

/** Set to `1` or `true` to let a test run write to the production API, as `allowLiveWrites: true` does. */
export const ALLOW_LIVE_WRITES_ENV = "SIGMAMIND_ALLOW_LIVE_WRITES";

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A rejection when the request would write to the production API from a test run; undefined, at no cost, when
 * it would not.
 */
export type LiveWriteGuard = (label: string, method: string) => Promise<never> | undefined;

/**
 * The test runner this process runs in, by what each sets in its workers, with the sign that gave it away:
 * Vitest (`VITEST`), Jest (`JEST_WORKER_ID`), `node --test` (`NODE_TEST_CONTEXT`, or `--test` in Node's own
 * arguments), and any runner that sets `NODE_ENV=test`. Undefined outside one, and where there is no environment
 * (browsers).
 */
export function detectTestRunner(): string | undefined {
  if (readEnv("VITEST")) return "Vitest: VITEST is set";
  if (readEnv("JEST_WORKER_ID")) return "Jest: JEST_WORKER_ID is set";
  if (readEnv("NODE_TEST_CONTEXT") || nodeArguments().includes("--test")) return "node --test";
  if (readEnv("NODE_ENV")?.toLowerCase() === "test") return "NODE_ENV=test";
  return undefined;
}

/** The guard for a client on `baseUrl`; undefined when it has nothing to refuse. */
export function liveWriteGuard(baseUrl: URL, allowLiveWrites: boolean): LiveWriteGuard | undefined {
  if (baseUrl.hostname.replace(/\.+$/, "") !== PRODUCTION_HOST || allowLiveWrites) return undefined;
  const optIn = readEnv(ALLOW_LIVE_WRITES_ENV);
  const said = optIn?.toLowerCase();
  if (said === "1" || said === "true") return undefined;
  const runner = detectTestRunner();
  if (runner === undefined) return undefined;
  const { origin } = baseUrl;
  return (label, method) => {
    if (READ_METHODS.has(method)) return undefined;
    return import("./live-write-refusal.js").then(({ liveWriteRefusal }) => {
      const { problem, misread } = liveWriteRefusal(origin, runner, ALLOW_LIVE_WRITES_ENV, optIn);
      throw new LiveWriteRefusedError(label, problem, runner, misread);
    });
  };
}

function nodeArguments(): readonly string[] {
  try {
    return (globalThis as { process?: { execArgv?: readonly string[] } }).process?.execArgv ?? [];
  } catch {
    return [];
  }
}
