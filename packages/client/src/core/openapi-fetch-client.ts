// The one openapi-fetch client every request goes through, `client.calls` and `client.raw` alike: its fetch is
// the SigmaMind transport (the key, retries, per-attempt timeouts, the redirect rules), so middleware registered
// with `client.raw.use()` sees all traffic, and openapi-fetch parses every body (`parseAs` included).
import type { paths } from "@sigmamind/types";
import openapiFetch, { type Client } from "openapi-fetch";
import { SigmaMindError } from "./errors.js";
import type { AttemptSettings, Delivered, Outgoing, Transport } from "./transport.js";

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
 * The openapi-fetch client for one key and base URL. Every request through it passes a fetch of its own, which
 * sends it through the transport with that request's retries and timeouts (see `sendThrough`); a request that
 * somehow does not is refused rather than sent around the transport's rules.
 */
export function createApiClient({ baseUrl, headers }: ApiClientParts): OpenapiFetchClient {
  return openapiFetchCreateClient()<paths>({
    baseUrl,
    headers,
    fetch: () => Promise.reject(new SigmaMindError("A request reached openapi-fetch without the client's transport.")),
  });
}

/** How one request is sent: its attempt settings, what its error says if it may have taken effect, its signal. */
export interface SendSettings extends AttemptSettings {
  uncertainOutcome?: string | undefined;
  /** The caller's signal; the request's own when not given. */
  signal?: AbortSignal | undefined;
  /** How a success body is handed on: see `Outgoing.successBody`. */
  successBody: Outgoing["successBody"];
}

/**
 * Sends a Request built by openapi-fetch (after its middleware) through the transport. A body is read once
 * into bytes, so that an attempt or a redirect can send it again.
 */
export async function sendThrough(transport: Transport, request: Request, settings: SendSettings): Promise<Delivered> {
  const outgoing: Outgoing = {
    method: request.method,
    url: request.url,
    headers: request.headers,
    body: request.body === null ? undefined : await request.arrayBuffer(),
    uncertainOutcome: settings.uncertainOutcome,
    successBody: settings.successBody,
  };
  return transport(outgoing, settings, "signal" in settings ? settings.signal : request.signal);
}
