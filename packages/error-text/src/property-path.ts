// Where in a response body something is, as a reader of an error or a report would write it: `data[0].status`.

/**
 * The reference tokens of a JSON pointer, such as Ajv's `instancePath`, unescaped (`~1` is `/`, `~0` is `~`):
 * "/data/0/a~1b" → ["data", "0", "a/b"]. The empty pointer, the whole document, has none.
 */
export function jsonPointerTokens(pointer: string): string[] {
  return pointer
    .split("/")
    .slice(1)
    .map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** Unescaped tokens as a property path: ["data", "0", "status"] → "data[0].status"; none → "". */
export function toPropertyPath(tokens: readonly string[]): string {
  return tokens.reduce(
    (path, token) => (/^\d+$/.test(token) ? `${path}[${token}]` : path ? `${path}.${token}` : token),
    "",
  );
}
