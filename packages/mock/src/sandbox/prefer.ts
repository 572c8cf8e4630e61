// `Prefer: code=N` on the sandbox's API routes, the convention of Prism's static mock: a request asks for one
// of the statuses its operation documents, so the documentation's "try it", run against the sandbox, can show
// every documented error response.
import type { Operation } from "./operation.js";

/** The request header: `Prefer: code=404`, beside other preferences (`code=404, example=notFound`) or alone. */
export const PREFER_HEADER = "prefer";

/** The statuses `operation` documents, from the generated operation table, in ascending order. */
export function documentedStatuses(operation: Operation): number[] {
  return Object.keys(operation.responses)
    .map(Number)
    .sort((a, b) => a - b);
}

/**
 * The `code` preference as sent: `"404"`, `"abc"`, or `""` for a bare `code`; undefined when none is asked for.
 * Its name is read in any case; the first `code` counts, as RFC 7240 says of a preference given twice.
 */
export function codeAsked(header: string | null): string | undefined {
  for (const preference of header?.split(",") ?? []) {
    // A preference's own parameters follow a semicolon (`code=404; x=y`), and mean nothing here.
    const [name = "", ...value] = (preference.split(";")[0] ?? "").split("=");
    if (name.trim().toLowerCase() !== "code") continue;
    // A quoted value (`code="404"`) is the same value.
    return value
      .join("=")
      .trim()
      .replace(/^"(.*)"$/, "$1");
  }
  return undefined;
}
