import type { Logger } from "./logger.js";
import type { OperationSender } from "./operation.js";
import type { Sleep } from "./transport.js";

/** What a resource needs from the client that owns it. */
export interface ClientContext {
  /** Checks, sends and reads the resource's operations, with the client's key, retries and timeouts. */
  readonly operations: OperationSender;
  /** The client's logger, at its level; it never throws. */
  readonly logger: Logger;
  /** How the client waits (its `sleep` option): between the polls of `calls.waitFor`. */
  readonly sleep: Sleep;
}
