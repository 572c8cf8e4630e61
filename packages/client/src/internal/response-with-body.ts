/** Statuses whose responses cannot carry a body, which the Response constructor refuses one for. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * A Response like `response`, holding `body` (read and decoded by fetch) instead of its stream: the one the
 * transport hands openapi-fetch, and the one `.asResponse()` gives.
 */
export function responseWithBody(response: Response, body: ArrayBuffer | string | undefined): Response {
  const { status, statusText } = response;
  const headers = new Headers(response.headers);
  // fetch has decoded the body: its encoding and length no longer describe what the new Response holds.
  headers.delete("content-encoding");
  headers.delete("content-length");
  return new Response(NULL_BODY_STATUSES.has(status) ? null : (body ?? null), { status, statusText, headers });
}
