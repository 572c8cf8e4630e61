// Keeping the API key out of anything printed. The client already keeps it out of its errors; this also covers
// a stack, a cause, or a header echoed back by a proxy, which --debug prints.

export const REDACTED = "[redacted]";

/** Below this length a key could be an ordinary word or part of one ("k" in "Check"). */
const SHORT_KEY_LENGTH = 12;

/**
 * `text` with every key in `secrets` replaced by "[redacted]". A short key is replaced only where it stands as a
 * token of its own (not next to a letter or digit), so "Check the network" survives a key "k" while `key=k`,
 * `"k"` and `Bearer k` are still caught. A longer key cannot occur by chance, so it is replaced wherever it is:
 * an echo in an escaped string (`\nKEY`) or a URL-encoded query (`%3DKEY`) glues it to a letter.
 */
export function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((redacted, secret) => {
    if (!secret) return redacted;
    if (secret.length >= SHORT_KEY_LENGTH) return redacted.replaceAll(secret, REDACTED);
    return redacted.replace(
      new RegExp(`(?<![\\p{L}\\p{N}])${escapeForPattern(secret)}(?![\\p{L}\\p{N}])`, "gu"),
      REDACTED,
    );
  }, text);
}

function escapeForPattern(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
}
