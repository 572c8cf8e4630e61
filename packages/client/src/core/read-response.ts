import type { Redact } from "@sigmamind/error-text/redact-secret";
import { APIError, ResponseParseError } from "./errors.js";
import { MAX_ERROR_BODY_BYTES } from "./transport.js";

/** A response as openapi-fetch read it, with what the transport knows of it. */
export interface Answer {
  response: Response;
  /** For a success, the body as text (`parseAs: "text"`); for a failure, openapi-fetch's `error`: JSON or text. */
  body: unknown;
  /** Whether a failure's body is a prefix of a longer one. */
  truncated: boolean;
  /** For a request never sent twice: what its error says when it may have reached the API. */
  uncertainOutcome: string | undefined;
}

/**
 * Turns a response into the documented JSON, or throws the error class for its status. Bodies are read as
 * text first so that an empty, truncated or HTML body becomes an error that keeps the raw text, never a
 * bare `SyntaxError`.
 */
export function readJson<T>(answer: Answer, redact: Redact): T {
  const { response, uncertainOutcome } = answer;
  if (!response.ok) throw errorFor(answer, redact);
  const text = typeof answer.body === "string" ? answer.body : "";
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
export function readNoContent(answer: Answer, redact: Redact): void {
  if (!answer.response.ok) throw errorFor(answer, redact);
}

/** The error for a failure status, with the body as openapi-fetch read it: parsed when it is JSON, else text. */
function errorFor({ response, body, truncated, uncertainOutcome }: Answer, redact: Redact): APIError {
  return APIError.fromResponse(
    response.status,
    redact(response.headers),
    redact(body || undefined, { cut: truncated }),
    {
      bodyTruncated: truncated,
      uncertainOutcome,
    },
  );
}

function contentType(response: Response) {
  return `content-type ${response.headers.get("content-type") ?? "missing"}`;
}
