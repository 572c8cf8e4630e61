import { createServer } from "node:net";
import { MockStartError } from "./errors.js";

/** Asks the OS for a port that is free on `host` right now. */
export function findFreePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error(`could not read the port given on ${host}`));
      });
    });
  });
}

/** Fails fast, with a clear message, when the port the caller asked for is taken. */
export function assertPortFree(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        new MockStartError(
          error.code === "EADDRINUSE"
            ? `startMock: port ${port} on ${host} is in use. Pass another port, or none to get a free one.`
            : `startMock: cannot listen on ${host}:${port} (${error.code ?? error.message}).`,
        ),
      ),
    );
    server.listen(port, host, () => server.close(() => resolve()));
  });
}
