// How the sandbox answers a request, whatever carried it (a Node server, an MSW handler): the calls API's four
// operations on the store, the faults and `Prefer: code=N` answers that replace an answer, and the control
// routes. Delays and connection resets cannot be written as an answer, so the transports carry them out;
// everything else is decided here.
import { apiError, type ErrorStatus } from "./api-error.js";
import type { StoreAnswer } from "./call-store.js";
import { FAULT_HEADER, type Fault } from "./faults.js";
import { codeAsked, DOCUMENTED_STATUSES, type DocumentedStatus, type OperationId, PREFER_HEADER } from "./prefer.js";
import type { SandboxState } from "./sandbox.js";

/** A request as the sandbox reads it. */
export interface SandboxRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
}

/** An answer as the transports write it: a JSON body, or none. */
export interface SandboxAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** The control routes, outside the API's own paths: `POST /__sandbox/advance?ms=N`, `POST /__sandbox/reset`. */
export const CONTROL_PATH = "/__sandbox";

export function isControlRequest(url: URL): boolean {
  return url.pathname.startsWith(`${CONTROL_PATH}/`);
}

/**
 * The API's 400 for a path whose percent-encoding is malformed (`/v1/calls/%ZZ`), which no URL decoder reads:
 * answered before anything else tries to. Undefined for a path that decodes.
 */
export function malformedPathAnswer(state: SandboxState, request: SandboxRequest): SandboxAnswer | undefined {
  try {
    decodeURIComponent(request.url.pathname);
    return undefined;
  } catch {
    const message = "Invalid request: the path holds a malformed percent-encoding";
    return json(apiError(400, message, request.url.pathname, state.store.now()));
  }
}

/**
 * Answers an API request from the store as the API would, unless `fault` replaces the answer or the request asks
 * for another with `Prefer: code=N`. A fault wins over Prefer.
 */
export function answerApiRequest(
  state: SandboxState,
  request: SandboxRequest,
  fault: Fault | "unknown" | undefined,
): SandboxAnswer {
  const { store } = state;
  const { pathname } = request.url;
  const malformed = malformedPathAnswer(state, request);
  if (malformed) return malformed;
  const error = (status: ErrorStatus, message: string) => json(apiError(status, message, pathname, store.now()));

  // 422, which every operation documents: the header's value breaks the sandbox's constraint.
  if (fault === "unknown") {
    const asked = JSON.stringify(request.headers.get(FAULT_HEADER));
    return error(
      422,
      `${FAULT_HEADER} must be rate-limit[;retry-after=N], server-error, delay=MS or reset, got ${asked}`,
    );
  }
  if (fault?.kind === "rate-limit" || fault?.kind === "server-error") return faultAnswer(fault, error);
  // The API wants a key; the sandbox takes any, so a test can check that its app sends one.
  if (!request.headers.get("x-api-key")) return error(401, "The X-API-Key header is missing");

  const method = request.method.toUpperCase();
  const operation = operationOf(method, pathname);
  if (operation === undefined) return error(404, `No route for ${method} ${pathname}`);
  const preferred = preferredAnswer(operation.id, request.headers.get(PREFER_HEADER), error);
  if (preferred) return preferred;

  switch (operation.id) {
    case "listCalls": {
      const page = integerParameter(request.url, "page");
      const size = integerParameter(request.url, "size");
      if (Number.isNaN(page) || Number.isNaN(size)) {
        return error(400, `Invalid request parameters: ${Number.isNaN(page) ? "page" : "size"} must be a whole number`);
      }
      return json(store.list({ page, size, status: request.url.searchParams.get("status") ?? undefined }));
    }
    case "createCall": {
      let parsed: unknown;
      try {
        parsed = JSON.parse(request.body);
      } catch {
        return error(400, "Invalid request parameters: the body is not JSON");
      }
      return json(store.create(parsed));
    }
    case "getCall":
      return json(store.get(operation.callId));
    case "deleteCall":
      return json(store.remove(operation.callId));
  }
}

type ErrorAnswer = (status: ErrorStatus, message: string) => SandboxAnswer;

/** What a rate-limit or server-error fault answers instead of the operation. */
function faultAnswer(fault: Fault & { kind: "rate-limit" | "server-error" }, error: ErrorAnswer): SandboxAnswer {
  if (fault.kind === "server-error") return error(500, "The sandbox failed this request on purpose");
  const answer = error(429, "Too many requests: wait before retrying");
  return { ...answer, headers: { ...answer.headers, "retry-after": String(fault.retryAfterSeconds ?? 1) } };
}

/** Which of the API's operations a request is, by the spec's name for it; undefined for a route the API lacks. */
function operationOf(
  method: string,
  pathname: string,
): { id: "listCalls" | "createCall" } | { id: "getCall" | "deleteCall"; callId: string } | undefined {
  if (pathname === "/v1/calls") {
    if (method === "GET") return { id: "listCalls" };
    if (method === "POST") return { id: "createCall" };
    return undefined;
  }
  const single = /^\/v1\/calls\/([^/]+)$/.exec(pathname);
  if (!single) return undefined;
  const callId = decodeURIComponent(single[1] as string);
  if (method === "GET") return { id: "getCall", callId };
  if (method === "DELETE") return { id: "deleteCall", callId };
  return undefined;
}

/**
 * The answer a `Prefer: code=N` header asks for in place of carrying out `operation`, which then changes nothing:
 * a 429 or a 500 as the faults give them, another documented error with the API's body, and a 422 naming the
 * statuses the operation documents for an N it does not. Undefined without a code, or for the success.
 */
function preferredAnswer(operation: OperationId, header: string | null, error: ErrorAnswer): SandboxAnswer | undefined {
  const code = codeAsked(header);
  if (code === undefined) return undefined;
  const documented: readonly DocumentedStatus[] = DOCUMENTED_STATUSES[operation];
  const status = documented.find((one) => String(one) === code);
  if (status === undefined) {
    return error(
      422,
      `Prefer: code=${code} is not a status ${operation} documents: ask for one of ${documented.join(", ")}`,
    );
  }
  if (status === 200) return undefined;
  if (status === 429) return faultAnswer({ kind: "rate-limit" }, error);
  if (status === 500) return faultAnswer({ kind: "server-error" }, error);
  return error(status, `The request asked for this answer with Prefer: code=${status}`);
}

/** Answers `POST /__sandbox/advance?ms=N` and `POST /__sandbox/reset`, for tests in another process or language. */
export function answerControlRequest(state: SandboxState, request: SandboxRequest): SandboxAnswer {
  const { pathname, searchParams } = request.url;
  const method = request.method.toUpperCase();
  const now = () => ({ status: 200, headers: JSON_HEADERS, body: { now: state.store.now().toISOString() } });
  if (method === "POST" && pathname === `${CONTROL_PATH}/advance`) {
    const given = searchParams.get("ms") ?? "";
    const refuse = (message: string) => ({ status: 400, headers: JSON_HEADERS, body: { message } });
    if (!/^\d{1,16}$/.test(given)) return refuse("advance takes ?ms=N, a whole number of milliseconds");
    try {
      state.store.advance(Number(given));
    } catch (error) {
      return refuse((error as Error).message);
    }
    return now();
  }
  if (method === "POST" && pathname === `${CONTROL_PATH}/reset`) {
    state.reset();
    return now();
  }
  return { status: 404, headers: JSON_HEADERS, body: { message: `No control route ${method} ${pathname}` } };
}

const JSON_HEADERS = { "content-type": "application/json" };

function json(answer: StoreAnswer<unknown> | { status: number; body: unknown }): SandboxAnswer {
  return { status: answer.status, headers: answer.body === undefined ? {} : JSON_HEADERS, body: answer.body };
}

function integerParameter(url: URL, name: string): number | undefined {
  const value = url.searchParams.get(name);
  if (value === null) return undefined;
  return /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
}
