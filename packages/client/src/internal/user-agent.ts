// The User-Agent every request carries: `@sigmamind/client/1.2.0 (node/20.20.2; linux; x64)`, so the API's
// operators can tell SDK traffic, versions and runtimes apart. Browsers send their own and treat a page's as a
// reason for a CORS preflight, so none is set there.
import { VERSION } from "../generated/version.js";

interface RuntimeGlobals {
  process?: { versions?: { node?: string; bun?: string }; platform?: string; arch?: string };
  Deno?: { version?: { deno?: string }; build?: { os?: string; arch?: string } };
  document?: unknown;
}

export function userAgent(): string | undefined {
  const { process, Deno, document } = globalThis as RuntimeGlobals;
  if (document !== undefined) return undefined;
  const runtime = Deno?.version?.deno
    ? `deno/${Deno.version.deno}; ${Deno.build?.os}; ${Deno.build?.arch}`
    : process?.versions?.bun
      ? `bun/${process.versions.bun}; ${process.platform}; ${process.arch}`
      : process?.versions?.node
        ? `node/${process.versions.node}; ${process.platform}; ${process.arch}`
        : "unknown runtime";
  return `@sigmamind/client/${VERSION} (${runtime})`;
}
