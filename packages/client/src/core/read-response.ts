import { APIError, ResponseParseError } from "./errors.js";
import type { Delivered } from "./transport.js";

/**
 * Turns a response into the documented JSON, or throws the error class for its status. Bodies are read as
 * text first so that an empty, truncated or HTML body becomes an error that keeps the raw text, never a
 * bare `SyntaxError`.
 */
export function readJson<T>({ response, text }: Delivered, redact: Redact): T {
  if (!response.ok) throw errorFor(response, text, redact);
  if (!text) {
    throw new ResponseParseError(
      response.status,
      response.headers,
      undefined,
      `The SigmaMind API sent a ${response.status} response with an empty body where JSON was expected. Try again; if it persists, report it with the request id.`,
    );
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ResponseParseError(
      response.status,
      response.headers,
      redact(text),
      `The SigmaMind API sent a ${response.status} response that is not valid JSON (${contentType(response)}). Try again; if it persists, report it with the request id.`,
    );
  }
}

/** For operations that document no body: any success is enough. */
export function readNoContent({ response, text }: Delivered, redact: Redact): void {
  if (!response.ok) throw errorFor(response, text, redact);
}

/** Removes the API key from anything the server echoed back, before it goes into an error. */
export type Redact = (body: unknown) => unknown;

/** The error for a failure status, with the body parsed when it is JSON and kept as text when it is not. */
function errorFor(response: Response, text: string, redact: Redact): APIError {
  let body: unknown = text || undefined;
  try {
    body = JSON.parse(text);
  } catch {}
  return APIError.fromResponse(response.status, response.headers, body === undefined ? undefined : redact(body));
}

function contentType(response: Response) {
  return `content-type ${response.headers.get("content-type") ?? "missing"}`;
}
