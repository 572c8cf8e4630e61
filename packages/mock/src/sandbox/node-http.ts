// Between Node's HTTP server and the sandbox's transport-neutral requests and answers.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { SandboxAnswer, SandboxRequest } from "./answer-request.js";

export async function readRequest(request: IncomingMessage): Promise<SandboxRequest> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return {
    method: request.method ?? "GET",
    url: new URL(request.url ?? "/", "http://sandbox"),
    headers,
    body: Buffer.concat(chunks).toString("utf8"),
  };
}

export function writeAnswer(response: ServerResponse, answer: SandboxAnswer): void {
  const text = answer.body === undefined ? "" : JSON.stringify(answer.body);
  response.writeHead(answer.status, { ...answer.headers, "content-length": String(Buffer.byteLength(text)) });
  response.end(text);
}

/** Listens and resolves to the server's URL; a port in use is said in words. */
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
