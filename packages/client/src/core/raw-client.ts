// `client.raw`: openapi-fetch's own client, with the key, retries and timeouts. The resource methods do not
// need it, so it is loaded on its first call: a bundle that never uses it does not carry openapi-fetch's
// request pipeline (2.9 kB gzipped).
import type { paths } from "@sigmamind/types";
import type { Client, Middleware } from "openapi-fetch";
import { InvalidInputError, SigmaMindError } from "./errors.js";

/** The openapi-fetch client, typed by the spec, with the SigmaMind client's auth and transport. */
export type SigmaMindRawClient = Client<paths>;

const REQUEST_METHODS = ["request", "GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

/**
 * A client that behaves as openapi-fetch's does, and creates it with `load` on the first request. Middleware is
 * checked when registered, as openapi-fetch checks it (but with an InvalidInputError, before or after loading),
 * and what was registered before loading is handed over in order.
 */
export function lazyRawClient(load: () => Promise<SigmaMindRawClient>): SigmaMindRawClient {
  let loaded: SigmaMindRawClient | undefined;
  let loading: Promise<SigmaMindRawClient> | undefined;
  const pending: Middleware[] = [];
  const client = () => {
    loading ??= load().then(
      (raw) => {
        raw.use(...pending.filter(Boolean));
        loaded = raw;
        return raw;
      },
      (error: unknown) => {
        // A chunk that failed to load (a network blip in a browser) is tried again by the next call.
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
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
      if (loaded) loaded.use(...middleware);
      else pending.push(...middleware);
    },
    eject(...middleware: Middleware[]) {
      if (loaded) return loaded.eject(...middleware);
      for (const removed of middleware) {
        const index = pending.indexOf(removed);
        if (index !== -1) pending.splice(index, 1);
      }
    },
  };
  for (const method of REQUEST_METHODS) {
    facade[method] = async (...args: unknown[]) => {
      // openapi-fetch takes a fetch per request, which would send around the transport: no key or redirect rules.
      if (args.some((arg) => typeof arg === "object" && arg !== null && "fetch" in arg)) {
        throw new InvalidInputError(
          `client.raw.${method}(): a per-request fetch would bypass the client's key and redirect rules. Pass fetch to new SigmaMind() instead.`,
        );
      }
      try {
        const raw = await client();
        return await (raw[method] as (...args: unknown[]) => unknown)(...args);
      } catch (error) {
        // openapi-fetch's own failures (a success body that is not JSON, a URL it cannot build) are SigmaMind's too.
        if (error instanceof SigmaMindError) throw error;
        throw new SigmaMindError(`client.raw.${method}(): ${error instanceof Error ? error.message : String(error)}`, {
          cause: error,
        });
      }
    };
  }
  return facade as SigmaMindRawClient;
}
