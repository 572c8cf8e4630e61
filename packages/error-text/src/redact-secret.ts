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

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

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
  // Matched as plain text, never as a pattern built from the key: a pattern grows with the key, and a long one
  // exhausts the regular expression compiler or throws a SyntaxError that quotes the key.
  const keys = secrets
    .filter(Boolean)
    .sort((a, b) => b.length - a.length)
    .map((text) => new Key(text));
  const redactText = (text: string) => replaceKeys(text, keys);
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
    return (options?.cut && typeof redacted === "string" ? withoutCutKey(redacted, keys) : redacted) as T;
  }) as Redact;
}

class Key {
  readonly text: string;
  /** A short key counts only where it stands as a token of its own. */
  readonly mustStandAlone: boolean;
  #longestBorders: Int32Array | undefined;

  constructor(text: string) {
    this.text = text;
    this.mustStandAlone = text.length < KEY_LENGTH_FOUND_ANYWHERE;
  }

  /** Where the key next counts as found, at `from` or after, or -1. */
  indexIn(text: string, from: number): number {
    for (let index = text.indexOf(this.text, from); index !== -1; index = text.indexOf(this.text, index + 1)) {
      if (!this.mustStandAlone || standsAlone(text, index, index + this.text.length)) return index;
    }
    return -1;
  }

  /**
   * For each length n of a start of the key, the length of the longest start of the key that is also an end of
   * its first n characters (Knuth-Morris-Pratt's table): what lets `startsAtEndOf` find every start of the key that
   * ends the text in one pass, however long the key. Built on first use: most keys never meet a cut text.
   */
  get longestBorders(): Int32Array {
    if (this.#longestBorders) return this.#longestBorders;
    const key = this.text;
    const borders = new Int32Array(key.length + 1);
    for (let length = 2, border = 0; length <= key.length; length++) {
      while (border > 0 && key[border] !== key[length - 1]) border = borders[border] as number;
      if (key[border] === key[length - 1]) border++;
      borders[length] = border;
    }
    this.#longestBorders = borders;
    return borders;
  }

  /** Where the longest start of the key that ends `text` (and counts there) begins, or -1 when none does. */
  startAtEndOf(text: string): number {
    const key = this.text;
    const borders = this.longestBorders;
    let matched = 0;
    for (let index = Math.max(0, text.length - key.length); index < text.length; index++) {
      if (matched === key.length) matched = borders[matched] as number;
      while (matched > 0 && key[matched] !== text[index]) matched = borders[matched] as number;
      if (key[matched] === text[index]) matched++;
    }
    // `matched` is the longest start of the key ending the text; the shorter ones follow through the borders.
    for (; matched > 0; matched = borders[matched] as number) {
      const start = text.length - matched;
      if (!this.mustStandAlone || standsAlone(text, start, text.length)) return start;
    }
    return -1;
  }
}

/** `text` with each key replaced by REDACTED: at each place, the leftmost key found, the longest one there. */
function replaceKeys(text: string, keys: readonly Key[]): string {
  if (keys.length === 0) return text;
  const next = keys.map((key) => key.indexIn(text, 0));
  let result = "";
  let done = 0;
  for (;;) {
    let found = -1;
    for (let which = 0; which < keys.length; which++) {
      let index = next[which] as number;
      // A key found inside what was just replaced is looked for again after it.
      if (index !== -1 && index < done) next[which] = index = (keys[which] as Key).indexIn(text, done);
      if (index !== -1 && (found === -1 || index < (next[found] as number))) found = which;
    }
    if (found === -1) return done === 0 ? text : result + text.slice(done);
    const index = next[found] as number;
    result += text.slice(done, index) + REDACTED;
    done = index + (keys[found] as Key).text.length;
  }
}

/** `text` without the start of a key that a cut left at its very end. */
function withoutCutKey(text: string, keys: readonly Key[]): string {
  let cutAt = text.length;
  for (const key of keys) {
    const start = key.startAtEndOf(text);
    if (start !== -1 && start < cutAt) cutAt = start;
  }
  return text.slice(0, cutAt);
}

/** Whether `text.slice(start, end)` has no letter or digit, of any script, right before or right after it. */
function standsAlone(text: string, start: number, end: number): boolean {
  return !isLetterOrDigit(codePointBefore(text, start)) && !isLetterOrDigit(text.codePointAt(end));
}

function codePointBefore(text: string, index: number): number | undefined {
  if (index === 0) return undefined;
  const low = text.charCodeAt(index - 1);
  // The second half of a surrogate pair: the character is the pair, read from its first half.
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(index - 2);
  }
  return low;
}

function isLetterOrDigit(codePoint: number | undefined): boolean {
  return codePoint !== undefined && LETTER_OR_DIGIT.test(String.fromCodePoint(codePoint));
}
