// The HTTP sandbox: a stateful fake of the calls API with the spec checked on every answer. Three parts, in order
// of a request: this front, which carries out faults and latency and answers the control routes; Stoplight Prism
// in proxy mode, which validates the request and the answer against the spec; and the store's own server
// behind it. An answer that breaks the spec never reaches the caller as if it were right: it becomes a 500 that
// names the violation, and is printed and kept in `violations`.
import { existsSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { setTimeout as wait } from "node:timers/promises";
import { assertPortFree } from "../assert-port-free.js";
import { MockStartError } from "../errors.js";
import { besideThisFile, type MockExit, type PrismProcess, startPrism } from "../prism-process.js";
import {
  answerApiRequest,
  answerControlRequest,
  isControlRequest,
  malformedPathAnswer,
  type SandboxAnswer,
  type SandboxRequest,
} from "./answer-request.js";
import { apiError } from "./api-error.js";
import { FAULT_HEADER, type Fault, formatFault } from "./faults.js";
import { close, listen, readRequest, writeAnswer } from "./node-http.js";
import { hidePreferFromPrism } from "./prefer-past-prism.js";
import { createSandboxState, type SandboxState, type SandboxStateOptions } from "./sandbox.js";
import { serveStore } from "./store-server.js";
import { readViolations, type SpecViolation } from "./violations.js";

export interface SandboxOptions extends SandboxStateOptions {
  /** Default 0: a port the system chooses. */
  port?: number;
  /** Default 127.0.0.1, so the sandbox is never reachable from another machine. */
  host?: string;
  /** The OpenAPI document Prism checks every request and answer against. Default: the spec bundled with this package. */
  specPath?: string;
  /** How long to wait for Prism to listen before giving up. Default 30 000 ms. */
  startTimeoutMs?: number;
}

export interface RunningSandbox {
  /** Such as `http://127.0.0.1:4010`: pass it as the client's `baseUrl`. */
  readonly url: string;
  /** Moves the sandbox's clock: created calls connect and end as it passes. */
  advance(milliseconds: number): void;
  /** Back to the state it started in: the seeded calls, the clock's start, and the `faults` option's faults. */
  reset(): void;
  /** Queues a fault for the next API request, after those already queued. */
  failNext(fault: Fault): void;
  /** The sandbox's clock. */
  now(): Date;
  /** Answers of the sandbox that broke the spec, each turned into a 500. Empty unless the sandbox has a bug. */
  readonly violations: readonly SpecViolation[];
  /** Settles when its Prism proxy ends: `stopped: false` means it died on its own, and `output` says why. */
  readonly exited: Promise<MockExit>;
  /** Stops the sandbox and frees its port. Safe to call more than once. */
  stop(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const state = sandboxStateOf(options);
  const port = options.port ?? 0;
  const host = options.host ?? "127.0.0.1";
  if (!(Number.isInteger(port) && port >= 0 && port < 65536)) {
    throw new MockStartError(`startSandbox: port must be an integer from 1 to 65535, or 0 for any, got ${port}.`);
  }
  const specPath = options.specPath ?? besideThisFile("openapi.yaml");
  if (!existsSync(specPath)) {
    throw new MockStartError(
      `startSandbox: no OpenAPI document at ${specPath}. Pass specPath, or reinstall @sigmamind/mock.`,
    );
  }
  if (port !== 0) await assertPortFree("startSandbox", host, port);
  const store = await serveStore(state);
  let prism: PrismProcess | undefined;
  try {
    prism = await startPrism(
      "proxy",
      [specPath, store.url, "--host", "127.0.0.1", "--port", "0"],
      options.startTimeoutMs ?? 30_000,
    );
    const violations: SpecViolation[] = [];
    const upstream = prism.url;
    // Aborted by stop(): ends the waits of delayed answers, which would otherwise keep the process alive.
    const lifetime = new AbortController();
    const front = createServer((incoming, response) => {
      serve(state, { upstream, violations, lifetime: lifetime.signal }, incoming, response).catch((error: unknown) => {
        if (lifetime.signal.aborted || response.headersSent) {
          response.destroy();
          return;
        }
        const path = new URL(incoming.url ?? "/", "http://sandbox").pathname;
        const reason = error instanceof Error ? error.message : String(error);
        const message = `The sandbox could not answer: its Prism proxy failed (${reason}).`;
        writeAnswer(response, withCors(failure(state, path, message)));
      });
    });
    const url = await listen(front, port, host).catch((error: NodeJS.ErrnoException) => {
      throw new MockStartError(
        error.code === "EADDRINUSE"
          ? `startSandbox: port ${port} is in use. Pass another port, or none to get a free one.`
          : `startSandbox: could not listen on ${host}:${port}: ${error.message}`,
      );
    });
    const running = prism;
    let stopped: Promise<void> | undefined;
    return {
      url,
      advance: (milliseconds) => state.store.advance(milliseconds),
      reset: () => state.reset(),
      failNext: (fault) => state.failNext(fault),
      now: () => state.store.now(),
      violations,
      exited: running.exited,
      stop: () => {
        lifetime.abort();
        stopped ??= Promise.all([close(front), running.stop(), store.stop()]).then(() => undefined);
        return stopped;
      },
    };
  } catch (error) {
    await Promise.all([prism?.stop(), store.stop()]);
    throw error;
  }
}

function sandboxStateOf(options: SandboxOptions): SandboxState {
  try {
    return createSandboxState(options);
  } catch (error) {
    throw new MockStartError(`startSandbox: ${(error as Error).message}.`);
  }
}

interface Front {
  /** Prism's URL. */
  upstream: string;
  violations: SpecViolation[];
  /** Aborted when the sandbox stops. */
  lifetime: AbortSignal;
}

async function serve(
  state: SandboxState,
  { upstream, violations, lifetime }: Front,
  incoming: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const request = await readRequest(incoming);
  if (isControlRequest(request.url)) {
    // Open to pages on any origin, as Prism leaves the API's routes, so a browser test can move the clock too.
    if (request.method.toUpperCase() === "OPTIONS") {
      return writeAnswer(response, {
        status: 204,
        headers: { ...CORS, "access-control-allow-methods": "POST" },
        body: undefined,
      });
    }
    const answer = answerControlRequest(state, request);
    return writeAnswer(response, { ...answer, headers: { ...answer.headers, ...CORS } });
  }

  // Prism cannot read such a path, and would stop answering for good.
  const malformed = malformedPathAnswer(state, request);
  if (malformed) return writeAnswer(response, withCors(malformed));

  const fault = state.takeFault(request.headers.get(FAULT_HEADER), request.method);
  const delay = state.waitBefore(fault);
  // Ended by stop(), so that a pending delay does not keep the process alive.
  if (delay > 0) await wait(delay, undefined, { signal: lifetime });
  if (typeof fault === "object" && fault.kind === "reset") {
    incoming.socket.resetAndDestroy();
    return;
  }
  // A queued fault travels to the store as the header a test could have sent.
  if (typeof fault === "object" && !request.headers.has(FAULT_HEADER))
    request.headers.set(FAULT_HEADER, formatFault(fault));

  // Prism answers a body that is not JSON with an error of its own, and drops a JSON null, before the store sees
  // either. The API answers both with its 400, so the store answers them here, without Prism.
  if (!prismCarries(request.body)) {
    return writeAnswer(response, withCors(answerApiRequest(state, request, fault)));
  }
  const answer = await forward(upstream, request);
  const broken = readViolations(answer.headers.get("sl-violations")).filter((violation) => violation.inResponse);
  if (broken.length > 0) {
    violations.push(...broken);
    const described = broken.map((violation) => violation.description).join("; ");
    const message = `The sandbox's answer to ${request.method} ${request.url.pathname} broke the spec: ${described}. This is a bug in @sigmamind/mock; please report it.`;
    process.stderr.write(`@sigmamind/mock sandbox: ${message}\n`);
    return writeAnswer(response, withCors(failure(state, request.url.pathname, message)));
  }
  const headers: Record<string, string> = {};
  answer.headers.forEach((value, name) => {
    if (!DROPPED_HEADERS.has(name)) headers[name] = value;
  });
  // Prism opens its answers to other origins itself, but exposes their headers with a `*` alone.
  headers["access-control-expose-headers"] = EXPOSED_HEADERS;
  const body = Buffer.from(await answer.arrayBuffer());
  response.writeHead(answer.status, { ...headers, "content-length": String(body.byteLength) });
  response.end(body);
}

/**
 * The response headers a page on another origin may read: all (`*`), and Retry-After by name, because a `*`
 * exposes nothing to a request sent with credentials, which Prism's answers allow.
 */
const EXPOSED_HEADERS = "*, Retry-After";

/** For the answers the front writes itself, open to pages on any origin as Prism leaves the ones it forwards. */
const CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-headers": "*",
  "access-control-expose-headers": EXPOSED_HEADERS,
};

// Hop-by-hop headers, and those the body's new framing replaces: fetch has already decoded the body.
const DROPPED_HEADERS = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "content-encoding",
]);

function prismCarries(body: string): boolean {
  if (body === "") return true;
  try {
    return JSON.parse(body) !== null;
  } catch {
    return false;
  }
}

function forward(upstream: string, request: SandboxRequest): Promise<Response> {
  const headers = new Headers(request.headers);
  for (const name of ["host", "connection", "content-length", "transfer-encoding", "expect"]) headers.delete(name);
  hidePreferFromPrism(headers);
  const hasBody = request.body.length > 0 && !["GET", "HEAD"].includes(request.method.toUpperCase());
  return fetch(`${upstream}${request.url.pathname}${request.url.search}`, {
    method: request.method,
    headers,
    ...(hasBody && { body: request.body }),
    redirect: "manual",
  });
}

function failure(state: SandboxState, path: string, message: string): SandboxAnswer {
  const { status, body } = apiError(500, message, path, state.store.now());
  return { status, headers: { "content-type": "application/json" }, body };
}

/** An answer the front writes itself, open to pages on any origin as Prism leaves the ones it forwards. */
function withCors(answer: SandboxAnswer): SandboxAnswer {
  return { ...answer, headers: { ...answer.headers, ...CORS } };
}
