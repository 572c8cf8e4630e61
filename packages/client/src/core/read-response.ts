import { APIError, ResponseParseError } from "./errors.js";

/** What openapi-fetch resolves to when asked to `parseAs: "text"`. */
export interface TextResult {
  data?: string;
  error?: unknown;
  response: Response;
}

/**
 * Turns a response into the documented JSON, or throws the error class for its status. Bodies are read as
 * text first so that an empty, truncated or HTML body becomes an error that keeps the raw text, never a
 * bare `SyntaxError`.
 */
export function readJson<T>({ data, error, response }: TextResult, redact: Redact): T {
  if (!response.ok) throw errorFor(response, error, redact);
  if (!data) {
    throw new ResponseParseError(
      response.status,
      response.headers,
      undefined,
      `The SigmaMind API sent a ${response.status} response with an empty body where JSON was expected. Try again; if it persists, report it with the request id.`,
    );
  }
  try {
    return JSON.parse(data) as T;
  } catch {
    throw new ResponseParseError(
      response.status,
      response.headers,
      redact(data),
      `The SigmaMind API sent a ${response.status} response that is not valid JSON (${contentType(response)}). Try again; if it persists, report it with the request id.`,
    );
  }
}

/** For operations that document no body: any success is enough. */
export function readNoContent({ error, response }: TextResult, redact: Redact): void {
  if (!response.ok) throw errorFor(response, error, redact);
}

/** Removes the API key from anything the server echoed back, before it goes into an error. */
export type Redact = (body: unknown) => unknown;

function errorFor(response: Response, body: unknown, redact: Redact): APIError {
  return APIError.fromResponse(response.status, response.headers, body === "" ? undefined : redact(body));
}

function contentType(response: Response) {
  return `content-type ${response.headers.get("content-type") ?? "missing"}`;
}
