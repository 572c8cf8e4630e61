// `client.raw`: the openapi-fetch client that every request goes through, for `{ data, error }` style calls.
// Used directly it would let a per-request fetch send around the transport, and leak openapi-fetch's own
// failures as plain errors; this facade refuses the one and turns the other into SigmaMind errors.
import type { paths } from "@sigmamind/types";
import type { Client, Middleware } from "openapi-fetch";
import { InvalidInputError, SigmaMindError } from "./errors.js";
import type { OpenapiFetchClient } from "./openapi-fetch-client.js";

/** The openapi-fetch client, typed by the spec, with the SigmaMind client's auth and transport. */
export type SigmaMindRawClient = Client<paths>;

const REQUEST_METHODS = ["request", "GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

export function rawClientOf(client: OpenapiFetchClient): SigmaMindRawClient {
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
      try {
        return await (client[method] as (...args: unknown[]) => unknown)(...args);
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
