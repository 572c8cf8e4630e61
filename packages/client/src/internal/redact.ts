// The one place the API key is removed from what a server sent back (bodies, headers, a redirect's Location),
// before it goes into an error. The client's own messages never contain the key.
const REDACTED = "[redacted]";

/**
 * A key shorter than this (a test's "k", a mock's "Call") is replaced only where a whole value is the key: a
 * header value, a JSON string or property name. Anywhere else it would mangle unrelated text ("Check the
 * network" into "Chec[redacted] the networ[redacted]"); a key this short protects nothing anyway.
 */
const MIN_SEARCHED_KEY_LENGTH = 8;

/** JSON nested deeper than this is not walked (a recursion would overflow the stack); it is replaced whole. */
const MAX_DEPTH = 64;

export interface RedactOptions {
  /** The text was cut short: a start of the key at its very end is removed too. */
  cut?: boolean;
}

export type Redact = <T>(value: T, options?: RedactOptions) => T;

/**
 * A function that replaces `secret` with `[redacted]` where a server could have echoed it: in strings, the keys
 * and values of JSON objects and arrays, and `Headers` (a header named after the key is dropped).
 */
export function secretRedactor(secret: string): Redact {
  const redactText =
    secret.length < MIN_SEARCHED_KEY_LENGTH
      ? (text: string) => (text === secret ? REDACTED : text)
      : (text: string) => (text.includes(secret) ? text.split(secret).join(REDACTED) : text);
  const redact = (value: unknown, depth: number): unknown => {
    if (typeof value === "string") return redactText(value);
    if (value === null || typeof value !== "object") return value;
    if (depth > MAX_DEPTH) return "[nested too deep to show]";
    if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
    if (value instanceof Headers) {
      const headers = new Headers();
      for (const [name, item] of value) if (redactText(name) === name) headers.append(name, redactText(item));
      return headers;
    }
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [redactText(key), redact(item, depth + 1)]));
  };
  return (<T>(value: T, options?: RedactOptions): T => {
    const redacted = redact(value, 0);
    return (options?.cut && typeof redacted === "string" ? dropStartOf(secret, redacted) : redacted) as T;
  }) as Redact;
}

/** `text` without the longest end of it that begins `secret`: what a cut may have left of the key. */
function dropStartOf(secret: string, text: string): string {
  for (let length = Math.min(secret.length - 1, text.length); length > 0; length--) {
    if (text.endsWith(secret.slice(0, length))) return text.slice(0, -length);
  }
  return text;
}

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
