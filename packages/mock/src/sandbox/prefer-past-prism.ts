// How the HTTP sandbox carries `Prefer` past Prism to the store's server.
import { PREFER_HEADER } from "./prefer.js";

/**
 * Prism reads `Prefer` even in proxy mode, and answers a value its static mock cannot use (`code=abc`, a bare
 * `code`, `dynamic=maybe`) with a 422 of its own before the store sees the request. So the HTTP sandbox's front
 * hides the header from Prism under this name, and the store's server gives it back its own.
 */
const PREFER_PAST_PRISM = "x-sandbox-prefer";

/** In the front, before Prism: `Prefer` goes under another name, and one the caller sent under that name is dropped. */
export function hidePreferFromPrism(headers: Headers): void {
  const prefer = headers.get(PREFER_HEADER);
  headers.delete(PREFER_HEADER);
  headers.delete(PREFER_PAST_PRISM);
  if (prefer !== null) headers.set(PREFER_PAST_PRISM, prefer);
}

/** In the store's server, after Prism: `Prefer` as the caller sent it. */
export function restorePrefer(headers: Headers): void {
  const prefer = headers.get(PREFER_PAST_PRISM);
  headers.delete(PREFER_PAST_PRISM);
  headers.delete(PREFER_HEADER);
  if (prefer !== null) headers.set(PREFER_HEADER, prefer);
}
