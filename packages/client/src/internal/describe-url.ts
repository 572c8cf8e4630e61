import { REDACTED } from "@sigmamind/error-text/redact-secret";

/**
 * A URL as an error may show it: its origin and path, without a user name, password, query or fragment. `base`
 * resolves a relative one (a redirect's Location).
 */
export function describeUrl(url: string, base?: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url, base);
  } catch {
    return "a Location that is not a URL";
  }
  if (parsed.origin === "null") return `a ${parsed.protocol} URL`;
  return `${parsed.origin}${parsed.pathname}${parsed.search ? `?${REDACTED}` : ""}`;
}
