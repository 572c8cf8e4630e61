import { createServer } from "node:net";
import { MockStartError } from "./errors.js";

type Caller = "startMock" | "startSandbox";

/** Fails fast, with a clear message, when the port the caller asked for is taken. */
export function assertPortFree(caller: Caller, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", (error: NodeJS.ErrnoException) => reject(listenFailure(caller, host, port, error)));
    server.listen(port, host, () => server.close(() => resolve()));
  });
}

/** Why listening on `host:port` failed, said as what to change. */
export function listenFailure(caller: Caller, host: string, port: number, error: NodeJS.ErrnoException) {
  return new MockStartError(
    error.code === "EADDRINUSE"
      ? `${caller}: port ${port} on ${host} is in use. Pass another port, or none to get a free one.`
      : `${caller}: cannot listen on ${host}:${port} (${error.code ?? error.message}).`,
  );
}
