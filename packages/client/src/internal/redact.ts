// The one place the API key is removed from what a server sent back (bodies, headers) and from URLs shown in
// errors. The key is only ever removed where it can stand: it is never part of the client's own messages.
const REDACTED = "[redacted]";

/**
 * A key shorter than this (a test's "k", a mock's "Call") is replaced only where a whole value is the key: a
 * header value, a JSON string or property name. Anywhere else it would mangle unrelated text ("Check the
 * network" into "Chec[redacted] the networ[redacted]"); a key this short protects nothing anyway.
 */
const MIN_SEARCHED_KEY_LENGTH = 8;

export type Redact = <T>(value: T) => T;

/**
 * A function that replaces `secret` with `[redacted]` where a server could have echoed it: in strings, the keys
 * and values of JSON objects and arrays, and the values of `Headers`.
 */
export function secretRedactor(secret: string): Redact {
  const redactText =
    secret.length < MIN_SEARCHED_KEY_LENGTH
      ? (text: string) => (text === secret ? REDACTED : text)
      : (text: string) => (text.includes(secret) ? text.split(secret).join(REDACTED) : text);
  const redact = (value: unknown): unknown => {
    if (typeof value === "string") return redactText(value);
    if (Array.isArray(value)) return value.map(redact);
    if (value instanceof Headers) {
      const headers = new Headers();
      for (const [name, item] of value) headers.append(name, redactText(item));
      return headers;
    }
    if (value && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [redactText(key), redact(item)]));
    }
    return value;
  };
  return redact as Redact;
}

/**
 * A URL as an error may show it: no user name or password, every query value replaced, no fragment. `base`
 * resolves a relative one (a redirect's Location).
 */
export function redactUrl(url: string, base?: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url, base);
  } catch {
    return "a Location that is not a URL";
  }
  const query = parsed.search
    .slice(1)
    .split("&")
    .filter(Boolean)
    .map((pair) => `${pair.split("=")[0]}=${REDACTED}`)
    .join("&");
  return `${parsed.origin}${parsed.pathname}${query ? `?${query}` : ""}`;
}
