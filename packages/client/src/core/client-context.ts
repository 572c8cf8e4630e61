import type { SendRequest } from "./send-request.js";

/** What a resource needs from the client that owns it. */
export interface ClientContext {
  /** Sends a request with the client's key, base URL, retries and timeouts. */
  readonly send: SendRequest;
  /** Removes the API key from a body the server echoed it in, before the body goes into an error. */
  readonly redact: (body: unknown) => unknown;
  /** Whether success bodies are checked against the spec. */
  readonly validateResponses: boolean;
}
