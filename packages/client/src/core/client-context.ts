import type { SigmaMindRawClient } from "./raw-client.js";
import type { RequestOptions } from "./request-options.js";
import type { Fetch } from "./transport.js";

/** What a resource needs from the client that owns it. */
export interface ClientContext {
  /** The openapi-fetch client, with the key and default transport. */
  readonly raw: SigmaMindRawClient;
  /** A fetch for one call: the transport with that call's signal, timeout and retry settings. */
  fetchFor(options: RequestOptions): Fetch;
  /** Removes the API key from a body the server echoed it in, before the body goes into an error. */
  readonly redact: (body: unknown) => unknown;
  /** Whether success bodies are checked against the spec. */
  readonly validateResponses: boolean;
}
