// The sandbox in-process, for unit and browser tests without a process: MSW handlers backed by the same store,
// rules, faults and clock as the HTTP sandbox.
//   const sandbox = sandboxHandlers({ seed: 7 });
//   const server = setupServer(...sandbox.handlers);   // msw/node; setupWorker in a browser
import { delay, type HttpHandler, HttpResponse, http } from "msw";
import {
  answerApiRequest,
  answerControlRequest,
  isControlRequest,
  type SandboxAnswer,
} from "./sandbox/answer-request.js";
import { FAULT_HEADER, type Fault } from "./sandbox/faults.js";
import { createSandboxState, type SandboxStateOptions } from "./sandbox/sandbox.js";

export type { Fault } from "./sandbox/faults.js";

/** The API's own address, which the client calls unless given another `baseUrl`. */
const API_BASE_URL = "https://api.sigmamind.ai";

export interface SandboxHandlersOptions extends SandboxStateOptions {
  /** Where the handlers answer. Default: `https://api.sigmamind.ai`, where the client sends requests by default. */
  baseUrl?: string;
}

export interface SandboxHandlers {
  /** Give these to `setupServer` (msw/node) or `setupWorker` (msw/browser). */
  readonly handlers: HttpHandler[];
  /** Moves the sandbox's clock: created calls connect and end as it passes. */
  advance(milliseconds: number): void;
  /** Back to the seeded calls and the start of the clock. Queued faults are dropped. */
  reset(): void;
  /** Queues a fault for the next API request, after those already queued. */
  failNext(fault: Fault): void;
  /** The sandbox's clock. */
  now(): Date;
}

export function sandboxHandlers(options: SandboxHandlersOptions = {}): SandboxHandlers {
  const state = createSandboxState(options);
  const base = baseOf(options.baseUrl ?? API_BASE_URL);
  const handler = http.all(`${base.href}*`, async ({ request }) => {
    // The sandbox's paths start at the base URL's path, as the client's do.
    const url = new URL(request.url);
    url.pathname = `/${url.pathname.slice(base.pathname.length)}`;
    const read = { method: request.method, url, headers: request.headers, body: await request.text() };
    if (isControlRequest(url)) return toResponse(answerControlRequest(state, read));

    const fault = state.takeFault(request.headers.get(FAULT_HEADER));
    const wait = state.latencyMs + (typeof fault === "object" && fault.kind === "delay" ? fault.milliseconds : 0);
    if (wait > 0) await delay(wait);
    if (typeof fault === "object" && fault.kind === "reset") return HttpResponse.error();
    return toResponse(answerApiRequest(state, read, fault));
  });
  return {
    handlers: [handler],
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
      `sandboxHandlers: baseUrl must be a URL such as ${API_BASE_URL}, got ${JSON.stringify(baseUrl)}`,
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
