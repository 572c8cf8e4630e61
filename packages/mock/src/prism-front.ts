// The static mock's front: a node:http server between its clients and the Prism child, which listens on a private
// port. Prism dies of a path with a malformed percent-encoding (a URIError it does not catch), and answers a body
// that is not JSON, or a path the spec does not have, in an error shape of its own. The front answers those as
// the API does, refuses a body over the limit before holding it, and passes everything else to Prism as it was
// sent, and Prism's answer back.
import { createServer, type IncomingMessage } from "node:http";
import { apiError, type ErrorStatus } from "./sandbox/api-error.js";
import { close, listen, toRequest, writeResponse } from "./sandbox/node-http.js";
import { hasWellFormedPercentEncoding } from "./sandbox/percent-encoding.js";
import { DEFAULT_MAX_BODY_BYTES } from "./sandbox/read-body.js";
import { routeOf } from "./sandbox/routes.js";

export interface PrismFront {
  /** Such as `http://127.0.0.1:4010`: the mock's URL, for its clients. */
  readonly url: string;
  close(): Promise<void>;
}

export interface PrismFrontOptions {
  host: string;
  /** 0: a port the system chooses. */
  port: number;
}

/**
 * Headers that belong to one connection (RFC 9110, section 7.6.1), which each side of the front has its own of.
 * `expect` too: the front has read the whole body before it forwards anything.
 */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
  "expect",
]);

/** Listens on `options.host` and `options.port`, in front of the Prism that listens at `prismUrl`. */
export async function startPrismFront(prismUrl: string, options: PrismFrontOptions): Promise<PrismFront> {
  const server = createServer((incoming, response) => {
    const gone = new AbortController();
    response.once("close", () => gone.abort());
    // Whatever goes wrong, the process goes on: the client gets a 500 if it can still be told, else a reset.
    answer(incoming, prismUrl, gone.signal)
      .catch(() => errorAnswer(500, "The mock could not answer this request", "/", null))
      .then((reply) => writeResponse(response, reply))
      .catch(() => response.destroy());
  });
  const url = await listen(server, options.port, options.host);
  return { url, close: () => close(server) };
}

async function answer(incoming: IncomingMessage, prismUrl: string, signal: AbortSignal): Promise<Response> {
  const read = await toRequest(incoming, DEFAULT_MAX_BODY_BYTES, signal);
  if ("status" in read) {
    // A body left unread would be taken for the next request on this connection.
    return errorAnswer(read.status, read.message, "/", incoming.headers.origin ?? null, { connection: "close" });
  }
  const { request } = read;
  const url = new URL(request.url);
  const method = request.method.toUpperCase();
  const error = (status: ErrorStatus, message: string) =>
    errorAnswer(status, message, url.pathname, request.headers.get("origin"));
  const body = request.body === null ? undefined : await request.arrayBuffer();

  if (!hasWellFormedPercentEncoding(url.pathname)) {
    return error(400, "Invalid request: the path holds a malformed percent-encoding");
  }
  // A CORS preflight is for a route, not one itself: Prism answers it, for a path the API has.
  if (method === "OPTIONS") {
    const preflight = request.headers.has("origin") && request.headers.has("access-control-request-method");
    const known = ["GET", "POST", "PUT", "PATCH", "DELETE"].some((asked) => routeOf(asked, url.pathname));
    if (!preflight || !known) return error(404, `No route for ${method} ${url.pathname}`);
    return forward(request, undefined, prismUrl);
  }
  const route = routeOf(method, url.pathname);
  if (!route) return error(404, `No route for ${method} ${url.pathname}`);
  const { requestBody } = route.operation;
  // An empty body is Prism's to answer: its 422 for a missing body is the spec's own example.
  if (
    /json/i.test(requestBody?.mediaType ?? "") &&
    body !== undefined &&
    !isJsonValue(new TextDecoder().decode(body))
  ) {
    return error(400, "Invalid request: the body is not a JSON value");
  }
  // An operation that takes no body gets none, as the API ignores one: Prism would read it, and refuse it its way.
  const forwarded = await forward(request, requestBody ? body : undefined, prismUrl);
  // A HEAD is the GET's headers: Prism, which answers HEAD with a 405, is asked the GET.
  if (method !== "HEAD") return forwarded;
  await forwarded.body?.cancel();
  return new Response(null, { status: forwarded.status, statusText: forwarded.statusText, headers: forwarded.headers });
}

/** Sends the request to Prism as it came, and Prism's answer back as it went. */
async function forward(request: Request, body: ArrayBuffer | undefined, prismUrl: string): Promise<Response> {
  const url = new URL(request.url);
  // Joined, not resolved against Prism's URL: a path such as `//@` would otherwise name another host.
  const target = `${prismUrl}${url.pathname}${url.search}`;
  let answer: Response;
  try {
    answer = await fetch(target, {
      method: request.method === "HEAD" ? "GET" : request.method,
      headers: endToEnd(request.headers),
      ...(body !== undefined && { body }),
      redirect: "manual",
      signal: request.signal,
    });
  } catch (error) {
    const message = `The mock's Prism process did not answer: ${(error as Error).message}`;
    return errorAnswer(500, message, url.pathname, request.headers.get("origin"));
  }
  return new Response(answer.body, {
    status: answer.status,
    statusText: answer.statusText,
    headers: endToEnd(answer.headers),
  });
}

function endToEnd(headers: Headers): Headers {
  const kept = new Headers();
  headers.forEach((value, name) => {
    if (!HOP_BY_HOP.has(name)) kept.append(name, value);
  });
  return kept;
}

/** The API's error body; a page on any origin may read it, as it may read Prism's answers. */
function errorAnswer(
  status: ErrorStatus,
  message: string,
  path: string,
  origin: string | null,
  extraHeaders: Record<string, string> = {},
): Response {
  const headers: Record<string, string> = { ...extraHeaders, "content-type": "application/json" };
  if (origin !== null) headers["access-control-allow-origin"] = "*";
  return new Response(JSON.stringify(apiError(status, message, path, Date.now()).body), { status, headers });
}

/** Whether `text` is a JSON value other than `null`, which no operation's body is. */
function isJsonValue(text: string): boolean {
  try {
    return JSON.parse(text) !== null;
  } catch {
    return false;
  }
}
