/** Options every resource method takes as its last argument. */
export interface RequestOptions {
  /** Aborts the request; the method then rejects with `APIUserAbortError`. */
  signal?: AbortSignal;
  /** Extra headers for this request only. */
  headers?: Record<string, string>;
}
