// The whole sandbox as one function of a request: the guard, the control routes, faults and latency, the key and
// its world, routing by the generated operation table, `Prefer: code=N`, the spec's checks of the request, the
// operation's behaviour, and the spec's check of the answer. The transports (node:http, and `handle(request)`
// for MSW and the fetch function) only carry requests here and answers back.

import type { OperationId } from "../generated/operations.js";
import { apiError, type ErrorStatus } from "./api-error.js";
import { type Behaviour, CALLS_BEHAVIOUR, type Outcome } from "./calls-behaviour.js";
import { LATEST_CLOCK_MS, type SandboxClock } from "./clock.js";
import { answerControlRequest, isControlPath } from "./control-routes.js";
import { FAULT_HEADER, type Fault, faultAsked } from "./faults.js";
import { genericBehaviour } from "./generic-behaviour.js";
import type { Operation } from "./operation.js";
import { hasWellFormedPercentEncoding } from "./percent-encoding.js";
import { codeAsked, documentedStatuses, PREFER_HEADER } from "./prefer.js";
import type { RequestGuard } from "./request-guard.js";
import { routeOf } from "./routes.js";
import type { SandboxAnswer, SandboxRequest } from "./sandbox-request.js";
import { answerProblem, readParameters, requestBodyProblem } from "./spec-check.js";
import type { World, Worlds } from "./worlds.js";

/** One answer of the sandbox that broke the spec: a bug in the sandbox, answered as a 500 that names it. */
export interface SpecViolation {
  /** Always true: a request that breaks the spec is the API's 400, not a violation of the sandbox. */
  inResponse: true;
  /** Such as `listCalls 200: body data[0].status must be string`. */
  description: string;
}

export interface SandboxCore {
  readonly worlds: Worlds;
  readonly clock: SandboxClock;
  readonly guard: RequestGuard;
  /** The path the sandbox's routes start after: `/` unless its base URL has a path. */
  readonly basePath: string;
  readonly latencyMs: number;
  readonly maxBodyBytes: number;
  /** Faults for the next API requests of any world, queued with the sandbox's own `failNext`. */
  readonly faults: Fault[];
  readonly violations: SpecViolation[];
  /** Aborted when the sandbox stops: ends every pending delay. */
  readonly lifetime: AbortSignal;
}

const JSON_TYPE = "application/json";
/** Only answers up to this size are remembered: a page of a hundred calls, not one of calls holding megabytes. */
const REMEMBERED_ANSWER_CHARACTERS = 65_536;
/** A key longer than this names no world: no real key is, and a world's name is held in memory. */
const MAX_KEY_LENGTH = 4096;

export async function answerRequest(core: SandboxCore, request: SandboxRequest): Promise<SandboxAnswer> {
  const { url } = request;
  const method = request.method.toUpperCase();
  const origin = request.headers.get("origin");
  const pathname = withoutBase(url.pathname, core.basePath);
  const control = pathname !== undefined && isControlPath(pathname);
  const error = (status: ErrorStatus, message: string, headers: Record<string, string> = {}) =>
    reply(method, status, { ...core.guard.corsHeaders(origin, control), ...headers }, errorBody(status, message));
  const errorBody = (status: ErrorStatus, message: string) =>
    apiError(status, message, url.pathname, Math.min(core.clock.startTime + core.clock.elapsed(), LATEST_CLOCK_MS))
      .body;

  const refusal = core.guard.refusal(url, origin, control);
  if (refusal) return reply(method, 403, {}, errorBody(403, refusal));
  if (method === "OPTIONS") {
    const headers = core.guard.preflight(origin, control);
    return headers ? { status: 204, headers } : reply(method, 403, {}, errorBody(403, "preflight refused"));
  }
  if (pathname === undefined) return error(404, `No route for ${method} ${url.pathname}`);
  if (!hasWellFormedPercentEncoding(pathname))
    return error(400, "Invalid request: the path holds a malformed percent-encoding");

  const apiKey = request.headers.get("x-api-key") ?? "";
  if (control) {
    if (!apiKey) return error(401, "The control routes act on the world of an X-API-Key: send the key your tests use");
    if (apiKey.length > MAX_KEY_LENGTH) return error(401, `The X-API-Key is longer than ${MAX_KEY_LENGTH} characters`);
    const answer = answerControlRequest(method, url, core.worlds.of(apiKey), core.clock);
    return reply(method, answer.status, core.guard.corsHeaders(origin, control), answer.body);
  }

  const body = await request.body(core.maxBodyBytes);
  if (body === "too large") {
    return error(413, `The request body is over ${core.maxBodyBytes} bytes, the most the sandbox reads`);
  }

  const world = apiKey && apiKey.length <= MAX_KEY_LENGTH ? core.worlds.of(apiKey) : undefined;
  // A HEAD asks only for the headers of a GET: like a CORS preflight, it does not use up a queued fault.
  const fault = method === "HEAD" ? undefined : faultFor(core, request.headers.get(FAULT_HEADER), world);
  const wait = core.latencyMs + (typeof fault === "object" && fault.kind === "delay" ? fault.milliseconds : 0);
  if (wait > 0) await delay(wait, request.signal ? AbortSignal.any([request.signal, core.lifetime]) : core.lifetime);
  if (typeof fault === "object" && fault.kind === "reset") return { status: 0, headers: {}, resetConnection: true };

  // 422, which every operation documents: the header's value breaks the sandbox's own constraint.
  if (fault === "unknown") {
    const asked = JSON.stringify(request.headers.get(FAULT_HEADER));
    return error(
      422,
      `${FAULT_HEADER} must be rate-limit[;retry-after=N], server-error, delay=MS or reset, got ${asked}`,
    );
  }
  if (fault?.kind === "rate-limit" || fault?.kind === "server-error") return error(...failureOf(fault));
  // The API wants a key; the sandbox takes any, so a test can check that its app sends one.
  if (!world) {
    return error(
      401,
      apiKey ? `The X-API-Key is longer than ${MAX_KEY_LENGTH} characters` : "The X-API-Key header is missing",
    );
  }

  const route = routeOf(method, pathname);
  const answer = (status: number, headers: Record<string, string>, answerBody: unknown) =>
    checkedReply(
      core,
      route?.operation,
      method,
      status,
      { ...core.guard.corsHeaders(origin, false), ...headers },
      answerBody,
      url.pathname,
      world,
    );
  const fail = (status: ErrorStatus, message: string, headers: Record<string, string> = {}) =>
    answer(status, headers, apiError(status, message, url.pathname, world.now()).body);
  if (!route) return fail(404, `No route for ${method} ${url.pathname}`);
  const { operation } = route;

  const preferred = preferredStatus(operation, request.headers.get(PREFER_HEADER));
  if (typeof preferred === "string") return fail(422, preferred);
  if (preferred === 429) return fail(...failureOf({ kind: "rate-limit" }));
  if (preferred === 500) return fail(...failureOf({ kind: "server-error" }));
  if (preferred !== undefined)
    return fail(preferred, `The request asked for this answer with Prefer: code=${preferred}`);

  const refused = (problem: string) =>
    fail(operation.responses["400"] ? 400 : 422, `Invalid request parameters: ${problem}`);
  const read = readParameters(operation, route.pathValues, url.searchParams);
  if ("problem" in read) return refused(read.problem);
  let parsed: unknown;
  if (operation.requestBody && method !== "HEAD") {
    if (body === "" && operation.requestBody.required) return refused("the body is missing");
    try {
      parsed = body === "" ? undefined : JSON.parse(body);
    } catch {
      return refused("the body is not JSON");
    }
    const problem = requestBodyProblem(operation, parsed);
    if (problem) return refused(problem);
  }

  // A read asked again of a world that has not changed since is the same answer, already checked: made once. Keyed
  // by the parameters as read (not the query as written, which a caller can vary without end) and the time.
  const memoKey =
    operation.method === "GET"
      ? `${method} ${operation.id} ${JSON.stringify(read.parameters)} ${origin} ${world.now()}`
      : "";
  const remembered = world.answers.get(memoKey);
  if (remembered) return remembered;
  const behaviour = CALLS_BEHAVIOUR[operation.id as OperationId] ?? genericBehaviourOf(operation);
  const outcome: Outcome = behaviour(world, read.parameters, parsed);
  if (outcome.status !== 200) return fail(outcome.status, outcome.message);
  const given = answer(outcome.status, outcome.body === undefined ? {} : { "content-type": JSON_TYPE }, outcome.body);
  if (memoKey && given.status === 200 && (given.body?.length ?? 0) <= REMEMBERED_ANSWER_CHARACTERS) {
    world.answers.set(memoKey, given);
  }
  return given;
}

/** The answer a rate-limit or server-error fault gives, and `Prefer: code=429` or `code=500` alike. */
function failureOf(
  fault: Fault & { kind: "rate-limit" | "server-error" },
): [ErrorStatus, string, Record<string, string>] {
  if (fault.kind === "server-error") return [500, "The sandbox failed this request on purpose", {}];
  return [429, "Too many requests: wait before retrying", { "retry-after": String(fault.retryAfterSeconds ?? 1) }];
}

/** The fault for this request: its header's, else the sandbox's next queued one, else its world's. */
function faultFor(core: SandboxCore, header: string | null, world: World | undefined): Fault | "unknown" | undefined {
  if (header !== null) return faultAsked(header);
  return core.faults.shift() ?? world?.takeFault();
}

/**
 * What `Prefer: code=N` asks for in place of carrying out the operation: a documented error status, or a
 * message saying which to ask for when N is not one. Undefined without a code, or for the success.
 */
function preferredStatus(operation: Operation, header: string | null): ErrorStatus | string | undefined {
  const code = codeAsked(header);
  if (code === undefined) return undefined;
  const documented = documentedStatuses(operation);
  const status = documented.find((one) => String(one) === code);
  if (status === undefined) {
    return `Prefer: code=${code} is not a status ${operation.id} documents: ask for one of ${documented.join(", ")}`;
  }
  return status < 300 ? undefined : (status as ErrorStatus);
}

/** The answer, once held to the spec: one that breaks it becomes a 500 naming the violation, and is kept. */
function checkedReply(
  core: SandboxCore,
  operation: Operation | undefined,
  method: string,
  status: number,
  headers: Record<string, string>,
  body: unknown,
  path: string,
  world: World,
): SandboxAnswer {
  const problem = answerProblem(operation, { status, headers, body });
  if (problem === undefined) return reply(method, status, headers, body);
  const description = `${operation?.id ?? `${method} ${path}`} ${status}: ${problem}`;
  core.violations.push({ inResponse: true, description });
  const message = `The sandbox's answer to ${method} ${path} broke the spec: ${description}. This is a bug in @sigmamind/mock; please report it.`;
  console.error(`@sigmamind/mock sandbox: ${message}`);
  return reply(
    method,
    500,
    { ...headers, "content-type": JSON_TYPE, "x-sandbox-violation": description },
    apiError(500, message, path, world.now()).body,
  );
}

/** A JSON answer; a HEAD gets its headers only, its length included. */
function reply(method: string, status: number, headers: Record<string, string>, body: unknown): SandboxAnswer {
  if (body === undefined) return { status, headers };
  const text = JSON.stringify(body);
  if (method !== "HEAD") return { status, headers: { ...headers, "content-type": JSON_TYPE }, body: text };
  const length = String(new TextEncoder().encode(text).byteLength);
  return { status, headers: { ...headers, "content-type": JSON_TYPE, "content-length": length } };
}

/** The path after the sandbox's base path, starting with `/`; undefined for a path outside it. */
function withoutBase(pathname: string, basePath: string): string | undefined {
  if (basePath === "/") return pathname;
  return pathname.startsWith(basePath) ? `/${pathname.slice(basePath.length)}` : undefined;
}

/** Waits `milliseconds`, or until `signal` aborts: a caller gone or the sandbox stopped ends the wait. */
function delay(milliseconds: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, milliseconds);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

// Made once per operation, on its first request.
const genericBehaviours = new Map<string, Behaviour>();
function genericBehaviourOf(operation: Operation): Behaviour {
  let behaviour = genericBehaviours.get(operation.id);
  if (!behaviour) {
    behaviour = genericBehaviour(operation);
    genericBehaviours.set(operation.id, behaviour);
  }
  return behaviour;
}
