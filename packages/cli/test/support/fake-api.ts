// A tiny HTTP server on 127.0.0.1 standing in for the API where the mock cannot: answers the tests choose
// (401, 404, 500, many pages, a stall) and a record of every request, body included.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface FakeResponse {
  readonly status: number;
  /** Sent as JSON. */
  readonly body?: unknown;
  /** Sent as it is, instead of `body`: an HTML error page, say. */
  readonly text?: string;
  readonly headers?: Record<string, string>;
}

export interface FakeApi {
  readonly url: string;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startFakeApi(
  respond: (request: RecordedRequest) => FakeResponse | Promise<FakeResponse>,
): Promise<FakeApi> {
  const requests: RecordedRequest[] = [];
  const server = createServer(async (incoming, outgoing) => {
    let body = "";
    for await (const chunk of incoming) body += chunk;
    const request = {
      method: incoming.method ?? "GET",
      url: new URL(incoming.url ?? "/", "http://127.0.0.1"),
      headers: incoming.headers,
      body,
    };
    requests.push(request);
    const response = await respond(request);
    if (outgoing.destroyed) return;
    outgoing.writeHead(response.status, { "content-type": "application/json", ...response.headers });
    outgoing.end(response.text ?? (response.body === undefined ? undefined : JSON.stringify(response.body)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** The API's error body, as the spec documents it. */
export function errorBody(status: number, error: string, message: string) {
  return { error, message, path: "/v1/calls", status, timestamp: "2024-01-01T00:00:00Z" };
}

/** A call with only what the CLI shows, numbered so that order can be checked. */
export function fakeCall(id: string, overrides: Record<string, unknown> = {}) {
  return {
    callId: id,
    callType: "outbound",
    status: "ended",
    duration: 7,
    createdAt: "2024-01-01T00:00:00Z",
    agent: { agentId: "agent-1", name: "Agent One" },
    ...overrides,
  };
}

/**
 * A list that honours page and size, `pages` pages of `size` calls: the paging a real server does and the
 * mock, serving one example, cannot. `beforePage` can hold a page back.
 */
export function pagedCalls(pages: number, size: number, beforePage?: (page: number) => Promise<void>) {
  return async (request: RecordedRequest): Promise<FakeResponse> => {
    const page = Number(request.url.searchParams.get("page") ?? 0);
    await beforePage?.(page);
    const data = Array.from({ length: size }, (_, index) => fakeCall(`call-${page}-${index}`));
    return {
      status: 200,
      body: {
        data,
        page,
        size,
        totalCounts: pages * size,
        totalPages: pages,
        hasNext: page < pages - 1,
        hasPrevious: page > 0,
      },
    };
  };
}
