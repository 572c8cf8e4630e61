import type { Redact } from "@sigmamind/error-text/redact-secret";
import { APIError, ResponseParseError } from "./errors.js";
import { type Delivered, MAX_ERROR_BODY_BYTES } from "./transport.js";

/**
 * Turns a response into the documented JSON, or throws the error class for its status. Bodies are read as
 * text first so that an empty, truncated or HTML body becomes an error that keeps the raw text, never a
 * bare `SyntaxError`.
 */
export function readJson<T>(delivered: Delivered, redact: Redact): T {
  const { response, text, uncertainOutcome } = delivered;
  if (!response.ok) throw errorFor(delivered, redact);
  // The API accepted the request: for a create, the call was placed even though its answer cannot be read.
  const outcome = uncertainOutcome ?? "Try again; if it persists, report it with the request id.";
  const options = { mayHaveTakenEffect: uncertainOutcome !== undefined };
  if (!text) {
    throw new ResponseParseError(
      response.status,
      redact(response.headers),
      undefined,
      `The SigmaMind API sent a ${response.status} response with an empty body where JSON was expected. ${outcome}`,
      options,
    );
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    // Kept like an error body: a bounded prefix, never a whole page of HTML.
    const cut = text.length > MAX_ERROR_BODY_BYTES;
    throw new ResponseParseError(
      response.status,
      redact(response.headers),
      redact(cut ? text.slice(0, MAX_ERROR_BODY_BYTES) : text, { cut }),
      `The SigmaMind API sent a ${response.status} response that is not valid JSON (${contentType(response)}). ${outcome}`,
      { ...options, bodyTruncated: cut },
    );
  }
}

/** For operations that document no body: any success is enough. */
export function readNoContent(delivered: Delivered, redact: Redact): void {
  if (!delivered.response.ok) throw errorFor(delivered, redact);
}

/** The error for a failure status, with the body parsed when it is JSON and kept as text when it is not. */
function errorFor({ response, text, truncated, uncertainOutcome }: Delivered, redact: Redact): APIError {
  let body: unknown = text || undefined;
  if (!truncated) {
    try {
      body = JSON.parse(text);
    } catch {}
  }
  return APIError.fromResponse(response.status, redact(response.headers), redact(body, { cut: truncated }), {
    bodyTruncated: truncated,
    uncertainOutcome,
  });
}

function contentType(response: Response) {
  return `content-type ${response.headers.get("content-type") ?? "missing"}`;
}
