// Running a client call's own checks on its inputs, without sending it.
import { APIUserAbortError } from "@sigmamind/client";

/**
 * Calls `call` with a signal aborted before it starts: the client checks the inputs as for a real call and
 * throws if it refuses one, and the request never leaves, since neither the client nor fetch starts a request
 * whose signal is already aborted. So a value the client refuses is refused before the person is asked, and a
 * dry run is checked as a real call would be.
 */
export async function checkWithoutSending(call: (signal: AbortSignal) => Promise<unknown>): Promise<void> {
  try {
    await call(AbortSignal.abort());
  } catch (error) {
    if (error instanceof APIUserAbortError) return;
    throw error;
  }
  // Unreachable while aborted requests are never sent; if one ever were, the command must not send it again.
  throw new Error("a request checked with an aborted signal was sent; stopping before sending it again");
}
