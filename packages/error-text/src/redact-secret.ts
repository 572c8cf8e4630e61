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

const LETTER_OR_DIGIT = "[\\p{L}\\p{N}]";

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
export function secretRedactor(secrets: readonly string[]): Redact {
  // Longest first: a key inside a longer one must not take its place and leave the rest of the longer one.
  const keys = secrets.filter(Boolean).sort((a, b) => b.length - a.length);
  const wholeKey = patternOf(keys, escapeForPattern);
  // "ab" → "a(?:b)?": any start of the key, which a cut may have left at the end.
  const cutStart = patternOf(
    keys,
    (key) => `${[...key].reduceRight((rest, character) => `${escapeForPattern(character)}(?:${rest})?`, "")}$`,
  );
  const redactText = (text: string) => text.replace(wholeKey, REDACTED);
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
    return (options?.cut && typeof redacted === "string" ? redacted.replace(cutStart, "") : redacted) as T;
  }) as Redact;
}

/** One pattern for all `keys`, each as `toPattern` writes it, a short one only where it stands alone. */
function patternOf(keys: readonly string[], toPattern: (key: string) => string): RegExp {
  const alternatives = keys.map((key) =>
    key.length < KEY_LENGTH_FOUND_ANYWHERE
      ? `(?<!${LETTER_OR_DIGIT})${toPattern(key)}(?!${LETTER_OR_DIGIT})`
      : toPattern(key),
  );
  // (?!) never matches: with no keys, nothing is replaced.
  return new RegExp(alternatives.join("|") || "(?!)", "gu");
}

// Only the characters a pattern gives a meaning to: the `u` flag refuses any other escape, such as `\-`.
function escapeForPattern(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
}
