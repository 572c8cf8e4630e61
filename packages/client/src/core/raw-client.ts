// `client.raw`: the openapi-fetch client that every request goes through, for `{ data, error }` style calls.
// Used directly it would let a per-request fetch send around the transport, and leak openapi-fetch's own
// failures as plain errors; this facade refuses the one, and sends through the transport, which turns the other
// into SigmaMind errors.

import type { Redact } from "@sigmamind/error-text/redact-secret";
import type { paths } from "@sigmamind/types";
import type { Client, Middleware } from "openapi-fetch";
import { checkPathSegment } from "../internal/check-inputs.js";
import { InvalidInputError } from "./errors.js";
import type { OpenapiFetchClient } from "./openapi-fetch-client.js";
import type { AttemptSettings, Transport } from "./transport.js";

/** The openapi-fetch client, typed by the spec, with the SigmaMind client's auth and transport. */
export type SigmaMindRawClient = Client<paths>;

const REQUEST_METHODS = ["request", "GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

/** What a client's raw calls carry that the shared openapi-fetch client does not. */
export interface RawCallDefaults {
  transport: Transport;
  /** Removes the key from openapi-fetch's messages, which can quote a body the server echoed it in. */
  redact: Redact;
  /** The retries and timeouts of this client (one derived with `withOptions()` has its own). */
  defaults: AttemptSettings;
  /** Headers on top of the shared client's: those a derived client adds. */
  headers: Record<string, string>;
}

/** Where openapi-fetch takes a call's options: after the path, and after the method and path for `request`. */
const INIT_ARGUMENT = { request: 2 } as Partial<Record<string, number>>;

export function rawClientOf(
  client: OpenapiFetchClient,
  { transport, redact, defaults, headers }: RawCallDefaults,
): SigmaMindRawClient {
  const facade: Partial<Record<keyof SigmaMindRawClient, unknown>> = {
    use(...middleware: Middleware[]) {
      for (const added of middleware) {
        if (
          added &&
          (typeof added !== "object" || !("onRequest" in added || "onResponse" in added || "onError" in added))
        ) {
          throw new InvalidInputError(
            "client.raw.use(): a middleware must be an object with onRequest(), onResponse() or onError().",
          );
        }
      }
      client.use(...middleware);
    },
    eject: (...middleware: Middleware[]) => client.eject(...middleware),
  };
  for (const method of REQUEST_METHODS) {
    facade[method] = async (...args: unknown[]) => {
      // openapi-fetch takes a fetch per request, which would send around the transport: no key or redirect rules.
      if (args.some((arg) => typeof arg === "object" && arg !== null && "fetch" in arg)) {
        throw new InvalidInputError(
          `client.raw.${method}(): a per-request fetch would bypass the client's key and redirect rules. Pass fetch to new SigmaMind() instead.`,
        );
      }
      const at = INIT_ARGUMENT[method] ?? 1;
      const init = (args[at] ?? {}) as {
        headers?: HeadersInit;
        params?: { path?: Record<string, unknown> };
        signal?: unknown;
      };
      const label = `client.raw.${method}()`;
      // Each path parameter must stay one path segment, as the resource methods check theirs.
      for (const [name, value] of Object.entries(init.params?.path ?? {})) checkPathSegment(label, name, String(value));
      // What is not a signal goes on to openapi-fetch's Request, which refuses it.
      const signal = init.signal instanceof AbortSignal ? init.signal : undefined;
      const withHeaders = { ...init, headers: mergedHeaders(headers, init.headers) };
      const verb = method === "request" ? String(args[0]).toUpperCase() : method;
      const call = client[method] as (...args: unknown[]) => Promise<{ error?: unknown; response: Response }>;
      // This client's retries, timeouts and headers; each attempt is one openapi-fetch call, like any other request.
      const { answered } = await transport(
        { label, method: verb, ...defaults, signal, successBody: "response" },
        (fetch) => call(...args.slice(0, at), { ...withHeaders, fetch }, ...args.slice(at + 1)),
      );
      // A server may echo the key in an error body, as a value or a property name: redacted, as calls.get does.
      return answered.error === undefined ? answered : { ...answered, error: redact(answered.error) };
    };
  }
  return facade as SigmaMindRawClient;
}

/** `extra` under the call's own headers, which win; the call's headers as given when there is nothing to add. */
function mergedHeaders(extra: Record<string, string>, own: HeadersInit | undefined): HeadersInit | undefined {
  if (Object.keys(extra).length === 0) return own;
  const merged = new Headers(extra);
  for (const [name, value] of new Headers(own)) merged.set(name, value);
  return merged;
}
