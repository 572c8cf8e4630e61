// The API's documented error body (a Spring Boot error), for every failure the sandbox answers with.

/** The API's documented error body. */
export interface ErrorBody {
  error: string;
  message: string;
  path: string;
  status: number;
  timestamp: string;
}

const REASONS = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  413: "Content Too Large",
  422: "Unprocessable Entity",
  429: "Too Many Requests",
  500: "Internal Server Error",
} as const;

/**
 * The failure statuses the sandbox answers: those the API documents, and 403 and 413, with which the sandbox
 * refuses a request before it reaches an operation (a foreign Host or origin, a body over the limit).
 */
export type ErrorStatus = keyof typeof REASONS;

/** A failure status and its body, as the API would send it at `at` (milliseconds since 1970). */
export function apiError<Status extends ErrorStatus>(
  status: Status,
  message: string,
  path: string,
  at: number,
): { status: Status; body: ErrorBody } {
  return { status, body: { error: REASONS[status], message, path, status, timestamp: new Date(at).toISOString() } };
}
