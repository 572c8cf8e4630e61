import { existsSync } from "node:fs";
import { assertPortFree, listenFailure } from "./assert-port-free.js";
import { MockStartError } from "./errors.js";
import { startPrismFront } from "./prism-front.js";
import { besideThisFile, type MockExit, startPrism } from "./prism-process.js";

export type { MockExit } from "./prism-process.js";

export interface StartMockOptions {
  /** Port to listen on. Default: a free port chosen for you. */
  port?: number;
  /** Interface to listen on. Default: `127.0.0.1`, so the mock is never reachable from another machine. */
  host?: string;
  /** Generate responses from the schemas instead of serving the spec's examples. Default: `false`. */
  dynamic?: boolean;
  /** Seed for dynamic responses, so a run can be replayed. */
  seed?: string | number;
  /** Answer any request that breaks the contract with an error instead of only an `sl-violations` header. */
  errors?: boolean;
  /** The OpenAPI document to serve. Default: the spec bundled with this package. */
  specPath?: string;
  /** How long to wait for the mock to listen before giving up. Default: 30 000 ms. */
  startTimeoutMs?: number;
}

export interface RunningMock {
  /** Base URL of the mock, such as `http://127.0.0.1:4010`; pass it as the client's `baseUrl`. */
  readonly url: string;
  /** Process id of the Prism server. */
  readonly pid: number;
  /** Settles when the Prism server ends, on `stop()` or on its own. */
  readonly exited: Promise<MockExit>;
  /** Stops the mock and frees its port. Safe to call more than once. */
  stop(): Promise<void>;
}

/**
 * Starts a Stoplight Prism mock of the SigmaMind API and resolves once it accepts requests. Needs the optional
 * peer dependency `@stoplight/prism-cli`. Prism listens on a private port; the mock's URL is a small server in
 * front of it that answers, as the API does, what Prism would crash on or answer in a shape of its own.
 */
export async function startMock(options: StartMockOptions = {}): Promise<RunningMock> {
  const host = options.host ?? "127.0.0.1";
  const specPath = options.specPath ?? besideThisFile("openapi.yaml");
  validateOptions(options, specPath);

  if (options.port !== undefined) await assertPortFree("startMock", host, options.port);

  // Port 0: the system gives Prism a free port, which Prism names in its ready line; no other process can take
  // the port between choosing it and listening on it. Only the front reaches it, so it stays on 127.0.0.1.
  const args = [specPath, "--host", "127.0.0.1", "--port", "0"];
  if (options.dynamic) args.push("--dynamic");
  if (options.seed !== undefined) args.push("--seed", String(options.seed));
  if (options.errors) args.push("--errors");
  const prism = await startPrism("mock", args, options.startTimeoutMs ?? 30_000);

  const port = options.port ?? 0;
  const front = await startPrismFront(prism.url, { host, port }).catch(async (error: NodeJS.ErrnoException) => {
    await prism.stop();
    throw listenFailure("startMock", host, port, error);
  });
  let stopped: Promise<void> | undefined;
  return {
    url: front.url,
    pid: prism.pid,
    exited: prism.exited,
    stop: () => {
      stopped ??= Promise.all([front.close(), prism.stop()]).then(() => undefined);
      return stopped;
    },
  };
}

function validateOptions(options: StartMockOptions, specPath: string) {
  const { port, startTimeoutMs, seed, host } = options;
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
    throw new MockStartError(`startMock: port must be an integer from 1 to 65535, got ${String(port)}.`);
  }
  if (startTimeoutMs !== undefined && !(Number.isFinite(startTimeoutMs) && startTimeoutMs > 0)) {
    throw new MockStartError(`startMock: startTimeoutMs must be a positive number, got ${String(startTimeoutMs)}.`);
  }
  if (seed !== undefined && !(typeof seed === "string" ? seed.length > 0 : Number.isFinite(seed))) {
    throw new MockStartError(`startMock: seed must be a non-empty string or a number, got ${String(seed)}.`);
  }
  if (host !== undefined && (typeof host !== "string" || host.length === 0)) {
    throw new MockStartError("startMock: host must be a host name or address, such as 127.0.0.1.");
  }
  if (!existsSync(specPath)) {
    throw new MockStartError(
      `startMock: no OpenAPI document at ${specPath}. Pass specPath, or reinstall @sigmamind/mock.`,
    );
  }
}
