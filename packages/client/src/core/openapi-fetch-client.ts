// The one openapi-fetch client every request goes through, `client.calls` and `client.raw` alike: each attempt of
// a request is one call of it, whose fetch is the attempt's (the key, the origin, the redirect rules), so
// middleware registered with `client.raw.use()` sees all traffic, and openapi-fetch builds every request.
import type { paths } from "@sigmamind/types";
import openapiFetch, { type Client } from "openapi-fetch";
import { SigmaMindError } from "./errors.js";

/**
 * openapi-fetch's `createClient`. Its CommonJS build sets `exports.default` without `__esModule`, so Node-style
 * interop in our CommonJS build hands over the whole exports object; the ES module build gets the function
 * itself. Read when a client is made, not when this module loads, so the module has no effect of its own.
 */
function openapiFetchCreateClient(): typeof openapiFetch {
  return typeof openapiFetch === "function" ? openapiFetch : (openapiFetch as { default: typeof openapiFetch }).default;
}

export type OpenapiFetchClient = Client<paths>;

export interface ApiClientParts {
  baseUrl: string;
  /** Sent with every request: the client's headers. The transport adds the key. */
  headers: Record<string, string>;
}

/**
 * The openapi-fetch client for one key and base URL. Every call of it passes the fetch of its attempt (see
 * `createTransport`); a request that somehow does not is refused rather than sent around the transport's rules.
 */
export function createApiClient({ baseUrl, headers }: ApiClientParts): OpenapiFetchClient {
  return openapiFetchCreateClient()<paths>({
    baseUrl,
    headers,
    fetch: () => Promise.reject(new SigmaMindError("A request reached openapi-fetch without the client's transport.")),
  });
}
