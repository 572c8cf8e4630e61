// A request's body, read up to a limit: a body over it is refused before it is held in memory whole.

export const DEFAULT_MAX_BODY_BYTES = 1_048_576;

/** The body as text, or `"too large"` once it passes `limit` bytes (said by Content-Length, or counted). */
export async function readBoundedBody(request: Request, limit: number): Promise<string | "too large"> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (declared > limit) return "too large";
  if (request.body === null) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      // Not awaited: a sender that never ends its body would keep the answer waiting.
      reader.cancel().catch(() => {});
      return "too large";
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return new TextDecoder().decode(chunks[0]);
  const whole = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(whole);
}
