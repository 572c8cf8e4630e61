// The control routes from a test in another process than the sandbox's (a Vitest worker, when the global setup
// started the sandbox): the same world methods, over HTTP, on the world of `apiKey`.
import { type Fault, formatFault } from "./faults.js";

export interface RemoteSandboxWorld {
  /** Moves this world's clock; resolves to its new time. */
  advance(milliseconds: number): Promise<Date>;
  /** Back to the seeded calls and the clock's start, for this world only. */
  reset(): Promise<Date>;
  /** Fails this world's next `count` API requests (default 1) with `fault`. */
  failNext(fault: Fault, count?: number): Promise<void>;
  /** This world's clock. */
  now(): Promise<Date>;
}

/** The world of `apiKey` in the sandbox at `url`, driven through its control routes. */
export function controlSandbox(url: string, apiKey: string): RemoteSandboxWorld {
  const send = async (method: "GET" | "POST", route: string): Promise<{ now?: string }> => {
    const response = await fetch(`${url.replace(/\/$/, "")}/__sandbox/${route}`, {
      method,
      headers: { "x-api-key": apiKey },
    });
    const body = (await response.json().catch(() => ({}))) as { now?: string; message?: string };
    if (!response.ok)
      throw new Error(`The sandbox refused ${method} /__sandbox/${route}: ${body.message ?? response.status}`);
    return body;
  };
  const time = async (method: "GET" | "POST", route: string) => new Date((await send(method, route)).now as string);
  return {
    advance: (milliseconds) => time("POST", `advance?ms=${encodeURIComponent(String(milliseconds))}`),
    reset: () => time("POST", "reset"),
    failNext: async (fault, count = 1) => {
      await send("POST", `faults?fault=${encodeURIComponent(formatFault(fault))}&count=${count}`);
    },
    now: () => time("GET", "clock"),
  };
}
