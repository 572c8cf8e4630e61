// Between Node's HTTP server and the servers this package runs on it: the sandbox's adapter, and the static
// mock's guard in front of Prism. Whatever a client sends, this reads a request or an answer to give instead,
// and never an exception that reaches the process.
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { HeaderReader, SandboxAnswer } from "./sandbox-request.js";

/** A request read from Node: its method, URL, headers and body, read up to a limit. */
export interface IncomingRequest {
  method: string;
  url: URL;
  headers: HeaderReader;
  body: Buffer | undefined;
}

/** The request read, or the answer to give instead when it cannot be read as one. */
export type ReadIncoming = { request: IncomingRequest } | { status: 400 | 413; message: string };

/**
 * The request, its URL taken from the Host header as the client sent it (so a guard can check the name it was
 * reached by), its body read up to `maxBodyBytes` and refused past them before it is held whole.
 */
export async function readIncoming(incoming: IncomingMessage, maxBodyBytes: number): Promise<ReadIncoming> {
  const method = incoming.method ?? "GET";
  const target = incoming.url ?? "/";
  const host = incoming.headers.host ?? "localhost";
  // A host and a port, nothing else: a Host with a path, query or userinfo in it would change the URL read.
  if (!/^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host)) {
    return { status: 400, message: "Invalid request: the Host header is not a host and port" };
  }
  let url: URL;
  try {
    // Origin-form (`/v1/calls`, and `//` too, which is a path here, not a host) or absolute-form.
    url = target.startsWith("/") ? new URL(`http://${host}${target}`) : new URL(target);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new TypeError("not an HTTP URL");
  } catch {
    return { status: 400, message: "Invalid request: the request target or the Host header is not a URL" };
  }
  let body: Buffer | undefined;
  if (method !== "GET" && method !== "HEAD") {
    const declared = Number(incoming.headers["content-length"] ?? Number.NaN);
    if (declared > maxBodyBytes) return tooLarge(maxBodyBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of incoming) {
      total += (chunk as Buffer).byteLength;
      if (total > maxBodyBytes) return tooLarge(maxBodyBytes);
      chunks.push(chunk as Buffer);
    }
    if (total > 0) body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  }
  return { request: { method, url, headers: headerReader(incoming.headers), body } };
}

/**
 * The request as a platform Request, for a server that forwards it with fetch (the static mock's guard): the
 * same reading, its headers as the client sent them. `signal` is aborted when the client goes away.
 */
export async function toRequest(
  incoming: IncomingMessage,
  maxBodyBytes: number,
  signal: AbortSignal,
): Promise<{ request: Request } | { status: 400 | 413; message: string }> {
  const read = await readIncoming(incoming, maxBodyBytes);
  if ("status" in read) return read;
  const { method, url, body } = read.request;
  const headers = new Headers();
  const raw = incoming.rawHeaders;
  for (let index = 0; index < raw.length; index += 2) headers.append(raw[index] as string, raw[index + 1] as string);
  try {
    // A Buffer is the Uint8Array a Request body may be; the DOM types name another kind of buffer.
    return {
      request: new Request(url, { method, headers, signal, ...(body && { body: body as unknown as BodyInit }) }),
    };
  } catch (error) {
    return { status: 400, message: `Invalid request: ${(error as Error).message}` };
  }
}

/** Node's headers as the platform's `Headers.get` reads them: a header sent twice is its values joined. */
function headerReader(headers: IncomingHttpHeaders): HeaderReader {
  return {
    get(name) {
      const value = headers[name];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(", ") : value;
    },
  };
}

function tooLarge(limit: number): ReadIncoming {
  return { status: 413, message: `The request body is over ${limit} bytes, the most the server reads` };
}

/** Writes `answer` to Node; `resetConnection` resets the connection instead (the reset fault). */
export function writeAnswer(response: ServerResponse, answer: SandboxAnswer): void {
  if (answer.resetConnection) {
    response.socket?.resetAndDestroy();
    return;
  }
  const headers = { ...answer.headers };
  if (answer.body !== undefined || headers["content-length"] === undefined) {
    headers["content-length"] = String(answer.body === undefined ? 0 : Buffer.byteLength(answer.body));
  }
  response.writeHead(answer.status, headers);
  response.end(answer.body);
}

/** Writes a platform Response to Node, such as one Prism gave; a network-error Response resets the connection. */
export async function writeResponse(response: ServerResponse, answer: Response): Promise<void> {
  if (answer.type === "error") {
    response.socket?.resetAndDestroy();
    return;
  }
  const body = answer.body === null ? undefined : Buffer.from(await answer.arrayBuffer());
  const headers: Record<string, string> = {};
  answer.headers.forEach((value, name) => {
    headers[name] = value;
  });
  if (body !== undefined || headers["content-length"] === undefined) {
    headers["content-length"] = String(body?.byteLength ?? 0);
  }
  response.writeHead(answer.status, headers);
  response.end(body);
}

/** Listens and resolves to the server's URL. */
export async function listen(server: Server, port: number, host: string): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { address, port: bound } = server.address() as AddressInfo;
  return `http://${address.includes(":") ? `[${address}]` : address}:${bound}`;
}

export function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
