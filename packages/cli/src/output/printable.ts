// Whether a call can be written at all: a value nested thousands of levels deep (a server's bug, or an attack)
// overflows the stack of JSON.stringify and of String(), half-way through a line. Checked before anything of the
// call is written, so output is whole or absent.

/** Deeper than this, a call is not written: the API's calls nest a few levels, a person reads no more than this. */
export const MAX_PRINTED_DEPTH = 1_000;

/** A call whose values nest deeper than any output of the CLI shows. */
export class UnprintableCallError extends Error {
  override name = "UnprintableCallError";
}

/** Throws UnprintableCallError, before anything of `call` is written, when its values nest too deep to write. */
export function assertPrintable(call: unknown): void {
  // A walk with a stack of its own: a recursive one would overflow on the very values it looks for.
  const pending: [value: unknown, depth: number][] = [[call, 0]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [value, depth] = next;
    if (typeof value !== "object" || value === null) continue;
    if (depth >= MAX_PRINTED_DEPTH) {
      const id = (call as { callId?: unknown })?.callId;
      const which = typeof id === "string" ? `call ${id}` : "a call";
      throw new UnprintableCallError(
        `${which} nests its values more than ${MAX_PRINTED_DEPTH} levels deep, which no output of the CLI shows: it was not written. The API sends no such call; report it with the call id`,
      );
    }
    for (const child of Object.values(value)) pending.push([child, depth + 1]);
  }
}
