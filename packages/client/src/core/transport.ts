import { APIConnectionError, APIUserAbortError } from "./errors.js";

export type Fetch = (request: Request) => Promise<Response>;

/**
 * The fetch that openapi-fetch calls. Whatever fetch throws becomes a SigmaMind error, so callers of the
 * resource methods and of the raw client see the same errors.
 */
export function createTransport(fetchImplementation: Fetch): Fetch {
  return async (request) => {
    try {
      return await fetchImplementation(request);
    } catch (error) {
      if (request.signal.aborted) throw new APIUserAbortError(undefined, { cause: error });
      throw new APIConnectionError(
        `Could not reach the SigmaMind API at ${new URL(request.url).origin} (${describeCause(error)}). Check the network and baseUrl, then try again.`,
        { cause: error },
      );
    }
  };
}

function describeCause(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
