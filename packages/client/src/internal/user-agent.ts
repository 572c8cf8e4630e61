// The User-Agent every request carries: `@sigmamind/client/1.2.0 (node/20.20.2; linux; x64)`, so the API's
// operators can tell SDK traffic, versions and runtimes apart. Browsers send their own and treat a page's as a
// reason for a CORS preflight, so none is set there.
import { VERSION } from "../generated/version.js";

interface RuntimeGlobals {
  process?: { versions?: { node?: string; bun?: string }; platform?: string; arch?: string };
  Deno?: { version?: { deno?: string }; build?: { os?: string; arch?: string } };
  /** Vercel's Edge Runtime names itself here: "edge-runtime" in @edge-runtime/vm, the provider elsewhere. */
  EdgeRuntime?: unknown;
  navigator?: { userAgent?: unknown };
  document?: unknown;
}

export function userAgent(): string | undefined {
  const globals = globalThis as RuntimeGlobals;
  if (globals.document !== undefined) return undefined;
  return `@sigmamind/client/${VERSION} (${runtimeName(globals)})`;
}

function runtimeName({ process, Deno, EdgeRuntime, navigator }: RuntimeGlobals): string {
  if (Deno?.version?.deno) return `deno/${Deno.version.deno}; ${Deno.build?.os}; ${Deno.build?.arch}`;
  // Both edge runtimes can emulate parts of Node's `process` (workerd's nodejs_compat reports a Node version), so
  // they are recognised first. Neither tells a script its own version, platform or architecture.
  if (navigator?.userAgent === "Cloudflare-Workers") return "workerd";
  if (typeof EdgeRuntime === "string") {
    return EdgeRuntime === "edge-runtime" || EdgeRuntime === "" ? "edge-runtime" : `edge-runtime; ${EdgeRuntime}`;
  }
  if (process?.versions?.bun) return `bun/${process.versions.bun}; ${process.platform}; ${process.arch}`;
  if (process?.versions?.node) return `node/${process.versions.node}; ${process.platform}; ${process.arch}`;
  return "unknown runtime";
}
