// The sandbox in-process, for unit and browser tests without a process: MSW handlers backed by the same store,
// rules, faults and clock as the HTTP sandbox.
//   const sandbox = sandboxHandlers({ seed: 7 });
//   const server = setupServer(...sandbox.handlers);   // msw/node; setupWorker in a browser
//   const client = new SigmaMind({ apiKey: "test-key", baseUrl: sandbox.url });
import { delay, type HttpHandler, HttpResponse, http } from "msw";
import {
  answerApiRequest,
  answerControlRequest,
  isControlRequest,
  malformedPathAnswer,
  type SandboxAnswer,
} from "./sandbox/answer-request.js";
import { FAULT_HEADER, type Fault } from "./sandbox/faults.js";
import { createSandboxState, type SandboxStateOptions } from "./sandbox/sandbox.js";

export type { Fault } from "./sandbox/faults.js";

/**
 * Where the handlers answer unless told otherwise: a host that never resolves, not the API's own. A test that
 * forgot to start MSW then fails to connect, instead of placing real calls with whatever key it holds.
 */
const SANDBOX_BASE_URL = "https://sandbox.sigmamind.invalid";

export interface SandboxHandlersOptions extends SandboxStateOptions {
  /**
   * Where the handlers answer. Default `https://sandbox.sigmamind.invalid`, which never resolves. Pass the API's
   * own (`https://api.sigmamind.ai`) only to intercept an app that cannot be given another `baseUrl`.
   */
  baseUrl?: string;
}

export interface SandboxHandlers {
  /** Give these to `setupServer` (msw/node) or `setupWorker` (msw/browser). */
  readonly handlers: HttpHandler[];
  /** Where the handlers answer, without a trailing slash: pass it as the client's `baseUrl`. */
  readonly url: string;
  /** Moves the sandbox's clock: created calls connect and end as it passes. */
  advance(milliseconds: number): void;
  /** Back to the state it started in: the seeded calls, the clock's start, and the `faults` option's faults. */
  reset(): void;
  /** Queues a fault for the next API request, after those already queued. */
  failNext(fault: Fault): void;
  /** The sandbox's clock. */
  now(): Date;
}

export function sandboxHandlers(options: SandboxHandlersOptions = {}): SandboxHandlers {
  const state = createSandboxState(options);
  const base = baseOf(options.baseUrl ?? SANDBOX_BASE_URL);
  const handler = http.all(`${base.href}*`, async ({ request }) => {
    // The sandbox's paths start at the base URL's path, as the client's do.
    const url = new URL(request.url);
    url.pathname = `/${url.pathname.slice(base.pathname.length)}`;
    const read = { method: request.method, url, headers: request.headers, body: await request.text() };
    if (isControlRequest(url)) return toResponse(answerControlRequest(state, read));

    const malformed = malformedPathAnswer(state, read);
    if (malformed) return toResponse(malformed);
    const fault = state.takeFault(request.headers.get(FAULT_HEADER), request.method);
    const wait = state.waitBefore(fault);
    if (wait > 0) await delay(wait);
    if (typeof fault === "object" && fault.kind === "reset") return HttpResponse.error();
    return toResponse(answerApiRequest(state, read, fault));
  });
  return {
    handlers: [handler],
    url: base.href.replace(/\/$/, ""),
    advance: (milliseconds) => state.store.advance(milliseconds),
    reset: () => state.reset(),
    failNext: (fault) => state.failNext(fault),
    now: () => state.store.now(),
  };
}

function baseOf(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError(
      `sandboxHandlers: baseUrl must be a URL such as ${SANDBOX_BASE_URL}, got ${JSON.stringify(baseUrl)}`,
    );
  }
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  url.search = "";
  url.hash = "";
  return url;
}

function toResponse(answer: SandboxAnswer): Response {
  const body = answer.body === undefined ? null : JSON.stringify(answer.body);
  return new HttpResponse(body, { status: answer.status, headers: answer.headers });
}
