// The one rule for keeping an API key out of what is shown: a client's errors, a drift report, a CLI's output.
export const REDACTED = "[redacted]";

/**
 * A key this long cannot occur by chance, so it is replaced wherever it appears: an echo in an escaped string
 * (`\nKEY`) or a URL-encoded query (`%3DKEY`) glues it to a letter. A shorter key (a test's "k", a mock's "Call")
 * is replaced only where it stands as a token of its own, so "Check the network" survives a key "k" while
 * `key=k`, `"k"` and `Bearer k` are still caught.
 */
const KEY_LENGTH_FOUND_ANYWHERE = 16;

/** JSON nested deeper than this is not walked (a recursion would overflow the stack); it is replaced whole. */
const MAX_DEPTH = 64;

const ENDS_IN_LETTER_OR_DIGIT = /[\p{L}\p{N}]$/u;

export interface RedactOptions {
  /** The text was cut short: a start of a key at its very end is removed too. */
  cut?: boolean;
}

export type Redact = <T>(value: T, options?: RedactOptions) => T;

/**
 * A function that replaces each of `secrets` with `[redacted]` wherever a server could have echoed it: in
 * strings, the keys and values of JSON objects and arrays, and `Headers` (a header named after a key is
 * dropped). Empty secrets are ignored.
 */
export function secretRedactor(secrets: string | readonly string[]): Redact {
  const keys = (typeof secrets === "string" ? [secrets] : secrets).filter((secret) => secret.length > 0);
  const redactText = textRedactor(keys);
  // Headers gives its names in lower case, so a key with capitals is looked for in lower case there too.
  const redactHeaderName = textRedactor(keys.map((key) => key.toLowerCase()));
  const redact = (value: unknown, depth: number): unknown => {
    if (typeof value === "string") return redactText(value);
    if (value === null || typeof value !== "object") return value;
    if (depth > MAX_DEPTH) return "[nested too deep to show]";
    if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
    if (value instanceof Headers) {
      const headers = new Headers();
      for (const [name, item] of value) {
        if (redactText(name) === name && redactHeaderName(name) === name) headers.append(name, redactText(item));
      }
      return headers;
    }
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [redactText(key), redact(item, depth + 1)]));
  };
  return (<T>(value: T, options?: RedactOptions): T => {
    const redacted = redact(value, 0);
    if (!options?.cut || typeof redacted !== "string") return redacted as T;
    return keys.reduce((text, key) => withoutCutStartOf(key, text), redacted) as T;
  }) as Redact;
}

function textRedactor(keys: readonly string[]): (text: string) => string {
  const replacers = keys.map((key): ((text: string) => string) => {
    if (key.length >= KEY_LENGTH_FOUND_ANYWHERE) return (text) => text.replaceAll(key, REDACTED);
    const standingAlone = new RegExp(`(?<![\\p{L}\\p{N}])${escapeForPattern(key)}(?![\\p{L}\\p{N}])`, "gu");
    return (text) => text.replace(standingAlone, REDACTED);
  });
  return (text) => replacers.reduce((redacted, replace) => replace(redacted), text);
}

/**
 * `text` without the longest end of it that begins `key`: what a cut may have left of the key. For a short key
 * only an end that stands as a token of its own counts, as for the whole key.
 */
function withoutCutStartOf(key: string, text: string): string {
  for (let length = Math.min(key.length - 1, text.length); length > 0; length--) {
    if (!text.endsWith(key.slice(0, length))) continue;
    const before = text.slice(0, -length);
    if (key.length >= KEY_LENGTH_FOUND_ANYWHERE || !ENDS_IN_LETTER_OR_DIGIT.test(before)) return before;
  }
  return text;
}

// Only the characters a pattern gives a meaning to: the `u` flag refuses any other escape, such as `\-`.
function escapeForPattern(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
}
