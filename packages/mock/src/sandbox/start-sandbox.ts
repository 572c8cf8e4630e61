// The sandbox over HTTP: a node:http server on 127.0.0.1 around the sandbox's one function, for tests in another
// process or language, `pnpm start` and the CLI's --sandbox. It only carries requests in and answers out.
import { createServer } from "node:http";
import { assertPortFree } from "../assert-port-free.js";
import { MockStartError } from "../errors.js";
import { apiError } from "./api-error.js";
import { close, listen, toRequest, writeResponse } from "./node-http.js";
import { DEFAULT_MAX_BODY_BYTES } from "./read-body.js";
import { createSandbox, type Sandbox, type SandboxOptions } from "./sandbox.js";

export interface StartSandboxOptions extends SandboxOptions {
  /** Default 0: a port the system chooses. */
  port?: number;
  /** Default 127.0.0.1, so the sandbox is never reachable from another machine. */
  host?: string;
}

export interface RunningSandbox extends Sandbox {
  /** Such as `http://127.0.0.1:4010`: pass it as the client's `baseUrl`. */
  readonly url: string;
  /** Stops the server and frees its port, ending every pending delay. Safe to call more than once. */
  stop(): Promise<void>;
}

export async function startSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const port = options.port ?? 0;
  const host = options.host ?? "127.0.0.1";
  if (!(Number.isInteger(port) && port >= 0 && port < 65536)) {
    throw new MockStartError(`startSandbox: port must be an integer from 1 to 65535, or 0 for any, got ${port}.`);
  }
  // Checked before listening, so bad options leave no server behind.
  sandboxOf(options, "http://127.0.0.1/");
  if (port !== 0) await assertPortFree("startSandbox", host, port);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;

  let sandbox: Sandbox | undefined;
  const server = createServer((incoming, response) => {
    const gone = new AbortController();
    response.once("close", () => gone.abort());
    serve().catch(() => {
      // Whatever went wrong, the process goes on: the client gets a 500 if it can still be told, else a reset.
      if (response.headersSent || response.destroyed) return response.destroy();
      const body = JSON.stringify(apiError(500, "The sandbox could not answer this request", "/", Date.now()).body);
      response.writeHead(500, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
      response.end(body);
    });
    async function serve() {
      const read = await toRequest(incoming, maxBodyBytes, gone.signal);
      if ("status" in read) {
        const { body } = apiError(read.status, read.message, "/", Date.now());
        const text = JSON.stringify(body);
        // A body left unread would be taken for the next request on this connection.
        response.writeHead(read.status, {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(text),
          connection: "close",
        });
        response.end(text);
        return;
      }
      await writeResponse(response, await (sandbox as Sandbox).handle(read.request));
    }
  });
  const url = await listen(server, port, host).catch((error: NodeJS.ErrnoException) => {
    throw new MockStartError(
      error.code === "EADDRINUSE"
        ? `startSandbox: port ${port} is in use. Pass another port, or none to get a free one.`
        : `startSandbox: could not listen on ${host}:${port}: ${error.message}`,
    );
  });
  sandbox = sandboxOf(options, url);
  const running = sandbox;
  let stopped: Promise<void> | undefined;
  return Object.assign(running, {
    url,
    stop: () => {
      running.close();
      stopped ??= close(server);
      return stopped;
    },
  });
}

function sandboxOf(options: StartSandboxOptions, url: string): Sandbox {
  const { port: _port, host: _host, ...sandboxOptions } = options;
  try {
    return createSandbox({ ...sandboxOptions, baseUrl: url });
  } catch (error) {
    throw new MockStartError(`startSandbox: ${(error as Error).message}.`);
  }
}
