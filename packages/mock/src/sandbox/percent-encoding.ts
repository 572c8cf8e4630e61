// Whether a path can be decoded at all: `/v1/calls/%ZZ` cannot, and every server of this package answers it with
// the API's 400 before anything else (a router, Prism) tries to decode it and fails.

/** Whether `pathname`'s percent-encoding is well-formed. */
export function hasWellFormedPercentEncoding(pathname: string): boolean {
  // The decoded text is compared, not dropped: a bundler takes decodeURIComponent for a call without effects
  // and removes a call whose result is unused, and with it the URIError this relies on.
  try {
    return decodeURIComponent(pathname).length >= 0;
  } catch {
    return false;
  }
}
