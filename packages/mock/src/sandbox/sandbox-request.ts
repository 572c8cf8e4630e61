// The request and the answer as the sandbox's core reads and writes them: what every transport can give and
// take without building objects it does not need. `handle(request)` makes one of a platform Request and a
// Response of the other; the node:http adapter makes them straight from Node's request and response.

/** The request headers the sandbox reads, by lower-case name: a `Headers`, or a view of Node's. */
export interface HeaderReader {
  get(name: string): string | null;
}

export interface SandboxRequest {
  /** In capitals. */
  readonly method: string;
  /** Absolute; its host is the one the client named (the Host header, over HTTP). */
  readonly url: URL;
  readonly headers: HeaderReader;
  /** The body as text, read up to `limit` bytes, or `"too large"` past them. */
  body(limit: number): Promise<string | "too large">;
  /** Aborted when the caller goes away: ends a delay. */
  readonly signal?: AbortSignal;
}

export interface SandboxAnswer {
  status: number;
  headers: Record<string, string>;
  /** The body as sent; none for a HEAD, a 204 or an answer without one. */
  body?: string;
  /** Reset the connection instead of answering: the `reset` fault. */
  resetConnection?: true;
}
