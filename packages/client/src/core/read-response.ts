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
export function readJson<T>({ data, error, response }: TextResult): T {
  if (!response.ok) throw APIError.fromResponse(response.status, response.headers, error === "" ? undefined : error);
  if (!data) {
    throw new ResponseParseError(
      response.status,
      response.headers,
      data,
      `The SigmaMind API sent a ${response.status} response with an empty body where JSON was expected. Try again; if it persists, report it with the request id.`,
    );
  }
  try {
    return JSON.parse(data) as T;
  } catch {
    throw new ResponseParseError(
      response.status,
      response.headers,
      data,
      `The SigmaMind API sent a ${response.status} response that is not valid JSON (${contentType(response)}). Try again; if it persists, report it with the request id.`,
    );
  }
}

/** For operations that document no body: any success is enough. */
export function readNoContent({ error, response }: TextResult): void {
  if (!response.ok) throw APIError.fromResponse(response.status, response.headers, error === "" ? undefined : error);
}

function contentType(response: Response) {
  return `content-type ${response.headers.get("content-type") ?? "missing"}`;
}
