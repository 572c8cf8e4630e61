// The sandbox over HTTP: the calls API's four operations on a call store, plus two control routes so that tests
// in any language or process can move the clock and start over. It listens on 127.0.0.1 and port 0 unless told
// otherwise, and says where it is.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { apiError } from "./api-error.js";
import { type CallStore, type CallStoreOptions, createCallStore } from "./call-store.js";
import { FAULT_HEADER, type Fault, parseFault } from "./faults.js";

export interface SandboxOptions extends CallStoreOptions {
  /** Default 0: a port the system chooses. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Faults for the next API requests, one each, in order: `[{ kind: "server-error" }]` fails the first only. */
  faults?: Fault[];
  /** Added to every API answer, in milliseconds. Default 0. */
  latencyMs?: number;
}

export interface RunningSandbox {
  /** `http://127.0.0.1:<port>`, to pass as the client's `baseUrl`. */
  url: string;
  /** Moves the sandbox's clock: created calls connect and end as it passes. */
  advance(milliseconds: number): void;
  /** Back to the seeded calls and the start of the clock. Queued faults are dropped. */
  reset(): void;
  /** Queues a fault for the next API request (after those already queued). */
  failNext(fault: Fault): void;
  stop(): Promise<void>;
}

/** The control routes, outside the API's own paths: `POST /__sandbox/advance?ms=N`, `POST /__sandbox/reset`. */
export const CONTROL_PATH = "/__sandbox";

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const store = createCallStore(options);
  const queued: Fault[] = [...(options.faults ?? [])];
  const latencyMs = options.latencyMs ?? 0;
  const server = createServer((request, response) => {
    handle(store, { queued, latencyMs }, request, response).catch((error: unknown) => {
      answer(response, apiError(500, String(error), request.url ?? "/", store.now()));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(":") ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}`,
    advance: (milliseconds) => store.advance(milliseconds),
    reset: () => {
      store.reset();
      queued.length = 0;
    },
    failNext: (fault) => queued.push(fault),
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

interface FaultSettings {
  /** Faults for the next API requests, taken one a request. */
  queued: Fault[];
  latencyMs: number;
}

async function handle(
  store: CallStore,
  faults: FaultSettings,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? "/", "http://sandbox");
  const body = await readBody(request);
  const method = request.method ?? "GET";

  if (url.pathname.startsWith(`${CONTROL_PATH}/`)) return control(store, method, url, response);

  const asked = request.headers[FAULT_HEADER];
  const fault = typeof asked === "string" ? parseFault(asked) : faults.queued.shift();
  if (typeof asked === "string" && !fault) {
    const message = `${FAULT_HEADER} must be rate-limit[;retry-after=N], server-error, delay=MS or reset, got ${JSON.stringify(asked)}`;
    return answer(response, apiError(400, message, url.pathname, store.now()));
  }
  const delay = faults.latencyMs + (fault?.kind === "delay" ? fault.milliseconds : 0);
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
  if (fault?.kind === "reset") {
    request.socket.resetAndDestroy();
    return;
  }
  if (fault?.kind === "rate-limit") {
    response.setHeader("retry-after", String(fault.retryAfterSeconds));
    const message = "Too many requests: wait before retrying";
    return answer(response, apiError(429, message, url.pathname, store.now()));
  }
  if (fault?.kind === "server-error") {
    const message = "The sandbox failed this request on purpose";
    return answer(response, apiError(500, message, url.pathname, store.now()));
  }
  // The API wants a key; the sandbox takes any, so a test can check that its app sends one.
  if (!request.headers["x-api-key"]) {
    return answer(response, apiError(401, "The X-API-Key header is missing", url.pathname, store.now()));
  }

  if (url.pathname === "/v1/calls" && method === "GET") {
    const page = integerParameter(url, "page");
    const size = integerParameter(url, "size");
    if (Number.isNaN(page) || Number.isNaN(size)) {
      const message = `Invalid request parameters: ${Number.isNaN(page) ? "page" : "size"} must be a whole number`;
      return answer(response, apiError(400, message, url.pathname, store.now()));
    }
    return answer(response, store.list({ page, size, status: url.searchParams.get("status") ?? undefined }));
  }
  if (url.pathname === "/v1/calls" && method === "POST") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      const message = "Invalid request parameters: the body is not JSON";
      return answer(response, apiError(400, message, url.pathname, store.now()));
    }
    return answer(response, store.create(parsed));
  }
  const single = /^\/v1\/calls\/([^/]+)$/.exec(url.pathname);
  if (single && (method === "GET" || method === "DELETE")) {
    const callId = decodeURIComponent(single[1] as string);
    return answer(response, method === "GET" ? store.get(callId) : store.remove(callId));
  }
  const message = `No route for ${method} ${url.pathname}`;
  return answer(response, apiError(404, message, url.pathname, store.now()));
}

function control(store: CallStore, method: string, url: URL, response: ServerResponse): void {
  if (method === "POST" && url.pathname === `${CONTROL_PATH}/advance`) {
    const milliseconds = Number(url.searchParams.get("ms"));
    if (!Number.isFinite(milliseconds) || milliseconds < 0) {
      send(response, 400, { message: "advance takes ?ms=N, a number of milliseconds of 0 or more" });
      return;
    }
    store.advance(milliseconds);
    send(response, 200, { now: store.now().toISOString() });
    return;
  }
  if (method === "POST" && url.pathname === `${CONTROL_PATH}/reset`) {
    store.reset();
    send(response, 200, { now: store.now().toISOString() });
    return;
  }
  send(response, 404, { message: `No control route ${method} ${url.pathname}` });
}

function integerParameter(url: URL, name: string): number | undefined {
  const value = url.searchParams.get(name);
  if (value === null) return undefined;
  return /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
}

function answer(response: ServerResponse, result: { status: number; body: unknown }) {
  send(response, result.status, result.body);
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = body === undefined ? "" : JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(text)),
  });
  response.end(text);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => {
      text += chunk;
    });
    request.on("end", () => resolve(text));
    request.on("error", reject);
  });
}
