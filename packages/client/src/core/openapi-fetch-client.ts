// openapi-fetch's client over the SigmaMind transport. Loaded on the first call of `client.raw`
// (see raw-client.ts), so this module and openapi-fetch's request pipeline sit in a chunk of their own.
import type { paths } from "@sigmamind/types";
import openapiFetch, { defaultPathSerializer } from "openapi-fetch";
import type { SigmaMindRawClient } from "./raw-client.js";
import type { Endpoint } from "./send-request.js";
import type { Delivered, Outgoing } from "./transport.js";

// openapi-fetch's CommonJS build sets `exports.default` without `__esModule`, so Node-style interop in our
// CommonJS build hands over the whole exports object; the ES module build gets the function itself.
const createClient: typeof openapiFetch =
  typeof openapiFetch === "function" ? openapiFetch : (openapiFetch as { default: typeof openapiFetch }).default;

/** What the raw client is made of; the client passes its parts in, so this chunk shares no code with it. */
export interface RawClientParts extends Endpoint {
  /** The client's transport, with its retries, timeouts and redirect rules. */
  send: (outgoing: Outgoing, signal: AbortSignal) => Promise<Delivered>;
  /** Refuses a path parameter that URLs would read as a relative path ("." or ".."), as the resource methods do. */
  checkPathSegment: (label: string, name: string, value: string) => void;
}

export function createOpenapiFetchClient(parts: RawClientParts): SigmaMindRawClient {
  const { baseUrl, headers, checkPathSegment } = parts;
  return createClient<paths>({
    baseUrl,
    headers,
    fetch: (request: Request) => fetchRequest(parts, request),
    pathSerializer: (pathname, pathParams) => {
      for (const [name, value] of Object.entries(pathParams)) checkPathSegment("client.raw", name, String(value));
      return defaultPathSerializer(pathname, pathParams);
    },
  });
}

/**
 * The raw client's fetch: openapi-fetch hands it a Request, which the transport sends (as often as its rules
 * allow, so the body is read once into bytes), and gets back the Response with its body already read, which
 * text() and json() then return.
 */
async function fetchRequest(parts: RawClientParts, request: Request): Promise<Response> {
  const outgoing: Outgoing = {
    method: request.method,
    url: request.url,
    headers: request.headers,
    body: request.body === null ? undefined : await request.arrayBuffer(),
  };
  // The caller's signal is the request's own.
  const { response, text } = await parts.send(outgoing, request.signal);
  return keepBody(response, text);
}

/**
 * The body is read inside the attempt, under its timeout, so that a stalled or cut body is retried like any
 * other failure. text() and json() then hand back the text already read: copying it into a new Response would
 * cost every call a second Response and buffer. Like any fetch body it can be read once, and is let go of then:
 * Node's fetch keeps each Response reachable for a while after use (through a WeakRef held to the end of the
 * job), so text kept on it outlives collections and lands in the old generation. Streaming 100,000 calls held
 * 19 MB of page text that way at its peak.
 */
function keepBody(response: Response, text: string): Response {
  let unread: string | undefined = text;
  const read = () => {
    const body = unread;
    unread = undefined;
    return body === undefined
      ? Promise.reject(new TypeError("Body is unusable: it has already been read"))
      : Promise.resolve(body);
  };
  return Object.defineProperties(response, {
    text: { value: read },
    json: { value: () => read().then(JSON.parse) },
  });
}
