// The sandbox: a stateful fake of the calls API as one function, `handle(request) → response`, with the state
// it answers from. The transports are adapters around it: `startSandbox` (node:http), `sandboxHandlers` (MSW)
// and `sandbox.fetch`, a fetch function a client can take as its own, which needs no socket at all.
//   const sandbox = createSandbox();
//   const client = new SigmaMind({ apiKey: "test-key", baseUrl: sandbox.url, fetch: sandbox.fetch });
import { type StoredCall, storeSeededCall } from "./call-lifecycle.js";
import { type ClockOptions, checkAdvance, createClock, LATEST_CLOCK_MS } from "./clock.js";
import { checkedFault, type Fault } from "./faults.js";
import { answerRequest, type SandboxCore, type SpecViolation } from "./handle-request.js";
import { DEFAULT_MAX_BODY_BYTES, readBoundedBody } from "./read-body.js";
import { createRequestGuard } from "./request-guard.js";
import type { SandboxAnswer, SandboxRequest } from "./sandbox-request.js";
import { DEFAULT_CALL_COUNT, DEFAULT_SEED, seededCalls } from "./seeded-calls.js";
import { createWorlds } from "./worlds.js";

export type { SpecViolation } from "./handle-request.js";

export const DEFAULT_MAX_WORLDS = 100;
/**
 * The example of the spec's `callId` path parameter, which the documentation's samples and "try it" use: the
 * newest seeded call has it, on every seed, so they find a call in a fresh sandbox.
 */
export const DOCUMENTED_CALL_ID = "call-AuUKK371Spr5nHJS";
/**
 * Where an in-process sandbox answers unless told otherwise: a host that never resolves, not the API's own. A
 * request that misses the sandbox then fails to connect, instead of reaching the API with whatever key it holds.
 */
export const IN_PROCESS_BASE_URL = "https://sandbox.sigmamind.invalid";

export interface SandboxOptions extends ClockOptions {
  /** Same seed, same seeded calls, byte for byte. Default 1. */
  seed?: number;
  /** How many calls each world starts with. Default 57. */
  calls?: number;
  /** Faults each world starts with, for its next API requests, one each, in order; again after its reset. */
  faults?: Fault[];
  /** Added to every API answer, in milliseconds. Default 0. */
  latencyMs?: number;
  /** Worlds kept at once (one per API key); the least recently used beyond it is dropped. Default 100. */
  maxWorlds?: number;
  /** The largest request body read, in bytes; a larger one is a 413. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Host names the sandbox answers to besides the loopback ones and its own URL's. */
  allowedHosts?: string[];
  /** Origins whose pages may use the control routes (a docs site's, for instance). Default none. */
  allowedOrigins?: string[];
}

export interface InProcessSandboxOptions extends SandboxOptions {
  /** Where the sandbox answers. Default `https://sandbox.sigmamind.invalid`, which never resolves. */
  baseUrl?: string;
}

/** One API key's world, for a test that drives it in-process. */
export interface SandboxWorld {
  /** Moves this world's clock: its calls connect and end as it passes. */
  advance(milliseconds: number): void;
  /** Back to the seeded calls, the clock's start and the `faults` option's faults, for this world only. */
  reset(): void;
  /** Queues a fault for this world's next API request, after those already queued. */
  failNext(fault: Fault): void;
  /** This world's clock. */
  now(): Date;
}

export interface Sandbox {
  /** Where the sandbox answers, without a trailing slash: the client's `baseUrl`. */
  readonly url: string;
  /** The sandbox: any request in, its answer out. A connection reset is `Response.error()`. */
  handle(request: Request): Promise<Response>;
  /** A fetch function that answers from the sandbox in-process: give it to a client as its `fetch`. */
  readonly fetch: typeof fetch;
  /** The world of `apiKey`, made on first use. */
  world(apiKey: string): SandboxWorld;
  /** Moves every world's clock, and the sandbox's, on which worlds made later start. */
  advance(milliseconds: number): void;
  /** Drops every world and queued fault, and takes the clock back to its start: all as at the start. */
  reset(): void;
  /** Queues a fault for the next API request of any world. */
  failNext(fault: Fault): void;
  /** The sandbox's clock, on which a world made now starts. */
  now(): Date;
  /** Answers that broke the spec, each turned into a 500 naming it. Empty unless the sandbox has a bug. */
  readonly violations: readonly SpecViolation[];
  /** Ends every pending delay. */
  close(): void;
}

export function createSandbox(options: InProcessSandboxOptions = {}): Sandbox {
  return buildSandbox(options).sandbox;
}

/**
 * A sandbox, and its core as the node:http adapter reaches it: plain requests and answers, with no platform
 * Request or Response made for a request that comes from Node and goes back to it.
 */
export function buildSandbox(options: InProcessSandboxOptions): {
  sandbox: Sandbox;
  answer(request: SandboxRequest): Promise<SandboxAnswer>;
} {
  const base = baseUrlOf(options.baseUrl ?? IN_PROCESS_BASE_URL);
  const seed = options.seed ?? DEFAULT_SEED;
  const count = options.calls ?? DEFAULT_CALL_COUNT;
  if (!Number.isInteger(seed)) throw new TypeError(`seed must be a whole number, got ${String(seed)}`);
  if (!(Number.isInteger(count) && count >= 0 && count <= 1_000_000)) {
    throw new TypeError(`calls must be a whole number from 0 to 1000000, got ${String(count)}`);
  }
  const latencyMs = options.latencyMs ?? 0;
  if (!(Number.isFinite(latencyMs) && latencyMs >= 0 && latencyMs <= 2_147_483_647)) {
    throw new TypeError(`latencyMs must be a number of milliseconds from 0 to 2147483647, got ${String(latencyMs)}`);
  }
  const maxWorlds = wholeNumber("maxWorlds", options.maxWorlds ?? DEFAULT_MAX_WORLDS, 1);
  const maxBodyBytes = wholeNumber("maxBodyBytes", options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, 0);
  const faults = (options.faults ?? []).map(checkedFault);
  const clock = createClock(options);
  const guard = createRequestGuard({
    allowedHosts: [base.hostname, ...(options.allowedHosts ?? [])],
    allowedOrigins: options.allowedOrigins ?? [],
  });

  // Made on the first request, once, and shared by every world: none of them changes a seeded call.
  let seeded: readonly StoredCall[] | undefined;
  const seededOnce = () => {
    seeded ??= seededCalls(seed, count, new Date(clock.startTime)).map((call, index) =>
      // The newest takes the spec's example id in place of the one drawn for it; the others are as drawn.
      storeSeededCall(index === 0 ? { ...call, callId: DOCUMENTED_CALL_ID } : call, clock.startTime),
    );
    return seeded;
  };
  const worlds = createWorlds({ seed, clock, seeded: seededOnce, faults, maxWorlds });
  const lifetime = new AbortController();
  const core: SandboxCore = {
    worlds,
    clock,
    guard,
    basePath: base.pathname,
    latencyMs,
    maxBodyBytes,
    faults: [],
    violations: [],
    lifetime: lifetime.signal,
  };
  const answer = (request: SandboxRequest) => answerRequest(core, request);
  const handle = async (request: Request) => toResponse(await answer(fromRequest(request)));
  const url = base.href.replace(/\/$/, "");

  const sandbox: Sandbox = {
    url,
    handle,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const { signal } = request;
      signal.throwIfAborted();
      // As the platform's fetch does, a caller's abort or timeout rejects at once, whatever the sandbox is doing.
      const aborted = new Promise<never>((_, reject) => {
        signal.addEventListener("abort", () => reject(signal.reason), { once: true });
      });
      aborted.catch(() => {});
      const answer = await Promise.race([handle(request), aborted]).catch((error: unknown) => {
        // As the platform's fetch: a body stream that fails is a TypeError with the reason as its cause.
        if (signal.aborted) throw signal.reason;
        throw new TypeError("fetch failed", { cause: error });
      });
      // As the platform's fetch says a connection reset.
      if (answer.type === "error") {
        throw new TypeError("fetch failed", { cause: new Error("the sandbox reset the connection") });
      }
      return answer;
    },
    world(apiKey) {
      if (typeof apiKey !== "string" || apiKey === "")
        throw new TypeError("world(apiKey) takes the API key a test sends");
      const world = () => worlds.of(apiKey);
      return {
        advance: (milliseconds) => world().advance(milliseconds),
        reset: () => world().reset(),
        failNext: (fault) => world().failNext(fault),
        now: () => new Date(world().now()),
      };
    },
    advance(milliseconds) {
      checkAdvance(
        Math.max(clock.startTime + clock.elapsed(), ...[...worlds.all()].map((world) => world.now())),
        milliseconds,
      );
      clock.advance(milliseconds);
    },
    reset() {
      worlds.clear();
      core.faults.length = 0;
      clock.reset();
    },
    failNext(fault) {
      core.faults.push(checkedFault(fault));
    },
    now: () => new Date(Math.min(clock.startTime + clock.elapsed(), LATEST_CLOCK_MS)),
    violations: core.violations,
    close: () => lifetime.abort(),
  };
  return { sandbox, answer };
}

function fromRequest(request: Request): SandboxRequest {
  return {
    method: request.method,
    url: new URL(request.url),
    headers: request.headers,
    body: (limit) => readBoundedBody(request, limit),
    signal: request.signal,
  };
}

/** A connection reset is the platform's network-error Response, which fetch and MSW turn into a failed fetch. */
function toResponse(answer: SandboxAnswer): Response {
  if (answer.resetConnection) return Response.error();
  return new Response(answer.body ?? null, { status: answer.status, headers: answer.headers });
}

function baseUrlOf(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError(`baseUrl must be a URL such as ${IN_PROCESS_BASE_URL}, got ${JSON.stringify(baseUrl)}`);
  }
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  url.search = "";
  url.hash = "";
  return url;
}

function wholeNumber(name: string, value: number, least: number): number {
  if (!(Number.isInteger(value) && value >= least)) {
    throw new TypeError(`${name} must be a whole number of ${least} or more, got ${String(value)}`);
  }
  return value;
}
