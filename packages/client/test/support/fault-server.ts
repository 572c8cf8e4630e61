import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** What the server does with one request. */
export type Fault =
  | { kind: "reply"; status: number; headers: Record<string, string>; body: string }
  | {
      kind: "cut-mid-body";
      status: number;
      headers: Record<string, string>;
      sent: string;
      declaredLength: number;
      rst: boolean;
    }
  | { kind: "stall-mid-body"; status: number; headers: Record<string, string>; sent: string }
  | { kind: "hang" }
  | { kind: "raw"; bytes: string | Uint8Array };

/** Faults in the order requests arrive (the last one repeats), or a function of the request and its index. */
export type FaultScript = Fault | readonly Fault[] | ((request: RecordedRequest, index: number) => Fault);

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  /** Filled in as the body arrives; complete once the server has answered. */
  body: string;
}

export interface FaultServer {
  /** `http://127.0.0.1:<port>`, to pass as `baseUrl`. */
  url: string;
  port: number;
  /** Every request the server saw, in order, including those it never answered. */
  requests: RecordedRequest[];
  /** Stops listening and destroys every open socket, so a hanging request cannot keep the test alive. */
  close(): Promise<void>;
}

export function reply(status: number, body = "", headers: Record<string, string> = {}): Fault {
  return { kind: "reply", status, headers, body };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Fault {
  return reply(status, JSON.stringify(body), { "content-type": "application/json", ...headers });
}

export function html(status: number, page: string): Fault {
  return reply(status, page, { "content-type": "text/html; charset=utf-8" });
}

/** A status with no body at all (`content-length: 0`). */
export function empty(status: number): Fault {
  return reply(status);
}

/**
 * Sends the headers, announcing `declaredLength` bytes, then `sent` (fewer bytes), then closes the socket: with
 * a FIN by default, or with a TCP reset when `rst` is set.
 */
export function cutMidBody(
  sent: string,
  options: { declaredLength?: number; rst?: boolean; status?: number } = {},
): Fault {
  return {
    kind: "cut-mid-body",
    status: options.status ?? 200,
    headers: { "content-type": "application/json" },
    sent,
    declaredLength: options.declaredLength ?? Buffer.byteLength(sent) + 100,
    rst: options.rst ?? false,
  };
}

/** Sends the headers and part of the body, then nothing more, never closing the connection. */
export function stallMidBody(sent: string, status = 200): Fault {
  return { kind: "stall-mid-body", status, headers: { "content-type": "application/json" }, sent };
}

/** Reads the request and never answers. */
export function hang(): Fault {
  return { kind: "hang" };
}

/**
 * Writes `bytes` to the socket as they are (status line, headers and body) and closes it: for responses that
 * `ServerResponse` would not produce, such as a body that ends where the connection does.
 */
export function raw(bytes: string | Uint8Array): Fault {
  return { kind: "raw", bytes };
}

export async function startFaultServer(script: FaultScript, options: { port?: number } = {}): Promise<FaultServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    const recorded: RecordedRequest = {
      method: request.method ?? "",
      url: request.url ?? "",
      headers: request.headers,
      body: "",
    };
    const index = requests.push(recorded) - 1;
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => {
      recorded.body += chunk;
    });
    const fault = pick(script, recorded, index);
    // Answer only once the request is read, so the client never sees a reply to a request it is still sending.
    if (request.complete) act(fault, request, response);
    else request.on("end", () => act(fault, request, response));
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}

function pick(script: FaultScript, request: RecordedRequest, index: number): Fault {
  if (typeof script === "function") return script(request, index);
  if (!Array.isArray(script)) return script as Fault;
  const fault = script[Math.min(index, script.length - 1)];
  if (!fault) throw new Error("startFaultServer: the script of faults is empty");
  return fault;
}

function act(fault: Fault, request: IncomingMessage, response: ServerResponse) {
  const socket = request.socket;
  switch (fault.kind) {
    case "reply":
      response.writeHead(fault.status, { "content-length": String(Buffer.byteLength(fault.body)), ...fault.headers });
      response.end(fault.body);
      return;
    case "cut-mid-body":
      response.writeHead(fault.status, { ...fault.headers, "content-length": String(fault.declaredLength) });
      // Close only once the bytes are handed to the kernel, so the client gets the headers and part of the body.
      response.write(fault.sent, () => (fault.rst ? socket.resetAndDestroy() : socket.destroy()));
      return;
    case "stall-mid-body":
      response.writeHead(fault.status, fault.headers);
      response.write(fault.sent);
      return;
    case "hang":
      return;
    case "raw":
      socket.end(fault.bytes);
      return;
  }
}
