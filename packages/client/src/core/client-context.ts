import type { Redact } from "@sigmamind/error-text/redact-secret";
import type { Logger } from "./logger.js";
import type { SendRequest } from "./send-request.js";

/** What a resource needs from the client that owns it. */
export interface ClientContext {
  /** Sends a request with the client's key, base URL, retries and timeouts. */
  readonly send: SendRequest;
  /** Removes the API key from what the server sent, before it goes into an error. */
  readonly redact: Redact;
  /** The client's logger, at its level; it never throws. */
  readonly logger: Logger;
  /** Whether success bodies are checked against the spec. */
  readonly validateResponses: boolean;
}
