// The sandbox in-process as MSW handlers, for tests that intercept the platform's fetch (an app that cannot be
// given a `fetch`, a browser test with setupWorker): one handler around the sandbox's one function.
//   const sandbox = sandboxHandlers({ seed: 7 });
//   const server = setupServer(...sandbox.handlers);   // msw/node; setupWorker in a browser
//   const client = new SigmaMind({ apiKey: "test-key", baseUrl: sandbox.url });
import { type HttpHandler, HttpResponse, http } from "msw";
import { createSandbox, IN_PROCESS_BASE_URL, type InProcessSandboxOptions, type Sandbox } from "./sandbox/sandbox.js";

export type { Fault } from "./sandbox/faults.js";

export interface SandboxHandlersOptions extends InProcessSandboxOptions {
  /**
   * Where the handlers answer. Default `https://sandbox.sigmamind.invalid`, which never resolves. Pass the API's
   * own (`https://api.sigmamind.ai`) only to intercept an app that cannot be given another `baseUrl`.
   */
  baseUrl?: string;
}

export interface SandboxHandlers extends Sandbox {
  /** Give these to `setupServer` (msw/node) or `setupWorker` (msw/browser). */
  readonly handlers: HttpHandler[];
}

export function sandboxHandlers(options: SandboxHandlersOptions = {}): SandboxHandlers {
  let sandbox: Sandbox;
  try {
    sandbox = createSandbox({ ...options, baseUrl: options.baseUrl ?? IN_PROCESS_BASE_URL });
  } catch (error) {
    throw new TypeError(`sandboxHandlers: ${(error as Error).message}`);
  }
  // A pattern, not a path: MSW decodes a path's parameters itself, and a malformed percent-encoding (`%ZZ`) would
  // fail there, before the sandbox could answer it as the API does.
  const handler = http.all(new RegExp(`^${escapeForPattern(sandbox.url)}/`), async ({ request }) => {
    const answer = await sandbox.handle(request);
    return answer.type === "error" ? HttpResponse.error() : answer;
  });
  return Object.assign(sandbox, { handlers: [handler] });
}

function escapeForPattern(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
}
