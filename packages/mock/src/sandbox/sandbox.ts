// One sandbox's state, whatever carries its requests: the call store, the faults queued for the next requests,
// and the latency added to every answer. The HTTP sandbox and the MSW handlers each hold one.
import { type CallStore, type CallStoreOptions, createCallStore } from "./call-store.js";
import { type Fault, faultAsked } from "./faults.js";

export interface SandboxStateOptions extends CallStoreOptions {
  /** Faults for the next API requests, one each, in order: `[{ kind: "server-error" }]` fails the first only. */
  faults?: Fault[];
  /** Added to every API answer, in milliseconds. Default 0. */
  latencyMs?: number;
}

export interface SandboxState {
  readonly store: CallStore;
  /** How long to wait before answering with `fault`: the sandbox's latency, plus a delay fault's. */
  waitBefore(fault: Fault | "unknown" | undefined): number;
  /**
   * The fault for this request: the one its `X-Sandbox-Fault` header asks for, else the next queued one; none for
   * a CORS preflight or a HEAD.
   * `"unknown"` for a header value the sandbox does not know, which it refuses with a 400.
   */
  takeFault(header: string | null, method: string): Fault | "unknown" | undefined;
  /** Queues a fault for the next API request, after those already queued. */
  failNext(fault: Fault): void;
  /** Back to the state it started in: the seeded calls, the clock's start, and the faults given at the start. */
  reset(): void;
}

export function createSandboxState(options: SandboxStateOptions = {}): SandboxState {
  const latencyMs = options.latencyMs ?? 0;
  if (!Number.isFinite(latencyMs) || latencyMs < 0) {
    throw new TypeError(`latencyMs must be a number of milliseconds of 0 or more, got ${latencyMs}`);
  }
  const initialFaults = (options.faults ?? []).map(checkedFault);
  const store = createCallStore(options);
  const queued = [...initialFaults];
  return {
    store,
    waitBefore: (fault) => latencyMs + (typeof fault === "object" && fault.kind === "delay" ? fault.milliseconds : 0),
    // A CORS preflight or a HEAD is not one of the API's requests: a fault waits for the request it precedes.
    takeFault: (header, method) =>
      ["OPTIONS", "HEAD"].includes(method.toUpperCase())
        ? undefined
        : header === null
          ? queued.shift()
          : faultAsked(header),
    failNext: (fault) => {
      queued.push(checkedFault(fault));
    },
    reset: () => {
      store.reset();
      queued.splice(0, queued.length, ...initialFaults);
    },
  };
}

function checkedFault(fault: Fault): Fault {
  const kinds = ["rate-limit", "server-error", "delay", "reset"];
  if (typeof fault !== "object" || fault === null || !kinds.includes(fault.kind)) {
    throw new TypeError(
      `a fault is { kind: "rate-limit" | "server-error" | "delay" | "reset" }, got ${JSON.stringify(fault)}`,
    );
  }
  if (fault.kind === "delay" && !(Number.isFinite(fault.milliseconds) && fault.milliseconds >= 0)) {
    throw new TypeError(`a delay fault takes milliseconds of 0 or more, got ${fault.milliseconds}`);
  }
  const retryAfter = fault.kind === "rate-limit" ? (fault.retryAfterSeconds ?? 1) : 0;
  if (!(Number.isInteger(retryAfter) && retryAfter >= 0)) {
    throw new TypeError(`a rate-limit fault takes retryAfterSeconds, a whole number of 0 or more, got ${retryAfter}`);
  }
  return fault;
}
