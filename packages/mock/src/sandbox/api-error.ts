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
  404: "Not Found",
  422: "Unprocessable Entity",
  429: "Too Many Requests",
  500: "Internal Server Error",
} as const;

/** The failure statuses the API documents. */
export type ErrorStatus = keyof typeof REASONS;

/** A failure status and its body, as the API would send it at `at`. */
export function apiError<Status extends ErrorStatus>(
  status: Status,
  message: string,
  path: string,
  at: Date,
): { status: Status; body: ErrorBody } {
  return { status, body: { error: REASONS[status], message, path, status, timestamp: at.toISOString() } };
}
