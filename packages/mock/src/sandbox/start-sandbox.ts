// The sandbox over HTTP: a node:http server on 127.0.0.1 around the sandbox's one function, for tests in another
// process or language, `pnpm start` and the CLI's --sandbox. It carries Node's request to the sandbox's core and
// the answer back, with no platform Request or Response between: each would cost as much as the answer.
import { createServer } from "node:http";
import { assertPortFree, listenFailure } from "../assert-port-free.js";
import { MockStartError } from "../errors.js";
import { apiError } from "./api-error.js";
import { close, listen, readIncoming, writeAnswer } from "./node-http.js";
import { DEFAULT_MAX_BODY_BYTES } from "./read-body.js";
import { buildSandbox, type Sandbox, type SandboxOptions } from "./sandbox.js";
import type { SandboxAnswer, SandboxRequest } from "./sandbox-request.js";

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

  let answer: ((request: SandboxRequest) => Promise<SandboxAnswer>) | undefined;
  const server = createServer((incoming, response) => {
    serve().catch(() => {
      // Whatever went wrong, the process goes on: the client gets a 500 if it can still be told, else a reset.
      if (response.headersSent || response.destroyed) {
        response.destroy();
        return;
      }
      writeAnswer(response, refusal(500, "The sandbox could not answer this request"));
    });
    async function serve() {
      const read = await readIncoming(incoming, maxBodyBytes);
      if ("status" in read) {
        // A body left unread would be taken for the next request on this connection.
        const refused = refusal(read.status, read.message);
        writeAnswer(response, { ...refused, headers: { ...refused.headers, connection: "close" } });
        return;
      }
      const { method, url, headers, body } = read.request;
      let gone: AbortController | undefined;
      const request: SandboxRequest = {
        method,
        url,
        headers,
        body: async () => body?.toString("utf8") ?? "",
        // Made only for a request that waits (a delay): a caller that goes away before the answer ends the wait.
        get signal() {
          if (!gone) {
            const controller = new AbortController();
            response.once("close", () => {
              if (!response.writableFinished) controller.abort();
            });
            gone = controller;
          }
          return gone.signal;
        },
      };
      writeAnswer(response, await (answer as NonNullable<typeof answer>)(request));
    }
  });
  const url = await listen(server, port, host).catch((error: NodeJS.ErrnoException) => {
    throw listenFailure("startSandbox", host, port, error);
  });
  const built = sandboxOf(options, url);
  answer = built.answer;
  const { sandbox } = built;
  let stopped: Promise<void> | undefined;
  return Object.assign(sandbox, {
    url,
    stop: () => {
      sandbox.close();
      stopped ??= close(server);
      return stopped;
    },
  });
}

function refusal(status: 400 | 413 | 500, message: string): SandboxAnswer {
  const body = JSON.stringify(apiError(status, message, "/", Date.now()).body);
  return { status, headers: { "content-type": "application/json" }, body };
}

function sandboxOf(options: StartSandboxOptions, url: string) {
  const { port: _port, host: _host, ...sandboxOptions } = options;
  try {
    return buildSandbox({ ...sandboxOptions, baseUrl: url });
  } catch (error) {
    throw new MockStartError(`startSandbox: ${(error as Error).message}.`);
  }
}
