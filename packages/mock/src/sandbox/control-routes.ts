// The sandbox's control routes, outside the API's own paths, for tests in any language. Each acts on the world of
// the X-API-Key it is sent with, as the API's routes do, so one test's reset never touches another's calls:
//   GET  /__sandbox/clock                    {"now":"…","clock":"manual","speed":1}
//   POST /__sandbox/advance?ms=N             move the clock N milliseconds
//   POST /__sandbox/reset                    back to the seeded calls and the clock's start
//   POST /__sandbox/faults?fault=F&count=N   fail the next N API requests with F (an X-Sandbox-Fault value)
import { apiError, type ErrorStatus } from "./api-error.js";
import type { SandboxClock } from "./clock.js";
import { parseFault } from "./faults.js";
import type { World } from "./worlds.js";

export const CONTROL_PATH = "/__sandbox";

export function isControlPath(pathname: string): boolean {
  return pathname === CONTROL_PATH || pathname.startsWith(`${CONTROL_PATH}/`);
}

/** A control route's answer: its status and JSON body. */
export interface ControlAnswer {
  status: number;
  body: unknown;
}

/** At most this many faults are queued by one request, so that a typo cannot fill memory. */
const MAX_FAULT_COUNT = 1000;

export function answerControlRequest(method: string, url: URL, world: World, clock: SandboxClock): ControlAnswer {
  // A HEAD asks for a GET's headers: the answer's body is dropped on the way out.
  const route = `${method === "HEAD" ? "GET" : method} ${url.pathname.slice(CONTROL_PATH.length)}`;
  const refuse = (status: ErrorStatus, message: string) => apiError(status, message, url.pathname, world.now());
  const now = () => ({ status: 200, body: { now: new Date(world.now()).toISOString() } });
  switch (route) {
    case "GET /clock":
      return { status: 200, body: { now: new Date(world.now()).toISOString(), clock: clock.mode, speed: clock.speed } };
    case "POST /advance": {
      const given = url.searchParams.get("ms") ?? "";
      if (!/^\d{1,16}$/.test(given)) return refuse(400, "advance takes ?ms=N, a whole number of milliseconds");
      try {
        world.advance(Number(given));
      } catch (error) {
        return refuse(400, (error as Error).message);
      }
      return now();
    }
    case "POST /reset":
      world.reset();
      return now();
    case "POST /faults": {
      const fault = parseFault(url.searchParams.get("fault") ?? "");
      if (!fault) {
        return refuse(400, "faults takes ?fault=rate-limit[;retry-after=N] | server-error | delay=MS | reset");
      }
      const given = url.searchParams.get("count") ?? "1";
      const count = /^\d{1,4}$/.test(given) ? Number(given) : Number.NaN;
      if (!(count >= 1 && count <= MAX_FAULT_COUNT)) {
        return refuse(400, `faults takes &count=N, a whole number from 1 to ${MAX_FAULT_COUNT}; got ${given}`);
      }
      world.failNext(...Array.from({ length: count }, () => fault));
      return { status: 200, body: { queued: count } };
    }
    default:
      return refuse(
        404,
        `No control route ${route.replace(" ", ` ${CONTROL_PATH}`)}: GET /clock, POST /advance?ms=N, POST /reset and POST /faults?fault=F&count=N are under ${CONTROL_PATH}`,
      );
  }
}
