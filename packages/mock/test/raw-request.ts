// What only a raw socket sends: a request target or a Host that fetch would refuse or rewrite.
import { connect } from "node:net";

/**
 * Sends `head` (the request line and headers, without the blank line) and `body` as they are to the server at
 * `url`, and resolves to the status and the body it wrote.
 */
export function rawRequest(url: string, head: string, body = ""): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let text = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk) => {
      text += chunk;
    });
    socket.on("end", () =>
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]),
        body: text.slice(text.indexOf("\r\n\r\n") + 4),
      }),
    );
    socket.on("error", reject);
    socket.write(`${head}\r\nConnection: close\r\n\r\n${body}`);
  });
}
