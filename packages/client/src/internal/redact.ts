const REDACTED = "[redacted]";

/**
 * Removes `secret` from a response body before it goes into an error: a proxy or server that echoes the key
 * back must not put it into the caller's logs.
 */
export function redactSecret(value: unknown, secret: string): unknown {
  if (typeof value === "string") return value.includes(secret) ? value.split(secret).join(REDACTED) : value;
  if (Array.isArray(value)) return value.map((item) => redactSecret(item, secret));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactSecret(item, secret)]));
  }
  return value;
}
