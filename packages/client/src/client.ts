import type { Redact } from "@sigmamind/error-text/redact-secret";
import { secretRedactor } from "@sigmamind/error-text/redact-secret";
import type { ClientContext } from "./core/client-context.js";
import { InvalidInputError } from "./core/errors.js";
import { liveWriteGuard, PRODUCTION_ORIGIN } from "./core/live-write-guard.js";
import { defaultLogger, type Logger, type LogLevel, levelledLogger, parseLogLevel } from "./core/logger.js";
import { createApiClient, type OpenapiFetchClient } from "./core/openapi-fetch-client.js";
import { createOperationSender } from "./core/operation.js";
import { rawClientOf, type SigmaMindRawClient } from "./core/raw-client.js";
import { checkHeaderNames, HEADERS, MAX_RETRIES, TIMEOUT_MS } from "./core/request-options.js";
import { DEFAULT_BACKOFF } from "./core/retry.js";
import {
  createTransport,
  DEFAULT_MAX_RESPONSE_BYTES,
  defaultSleep,
  type Fetch,
  type Sleep,
  type Transport,
} from "./core/transport.js";
import { RESOURCES, type Resources } from "./generated/resources.js";
import { checkInputs, type FieldSchema, readOptions } from "./internal/check-inputs.js";
import { readEnv } from "./internal/env.js";
import { isLoopback } from "./internal/is-loopback.js";
import { userAgent } from "./internal/user-agent.js";
import { Calls } from "./resources/calls.js";

/** The production API, where a client sends its requests unless told otherwise. */
export const DEFAULT_BASE_URL = PRODUCTION_ORIGIN;
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RETRIES = 2;

export interface ClientOptions {
  /**
   * The API key, sent as `X-API-Key`, at most 1,024 characters. Default: the `SIGMAMIND_API_KEY` environment
   * variable.
   */
  apiKey?: string | undefined;
  /** Where the API lives. Default: `SIGMAMIND_BASE_URL`, then `https://api.sigmamind.ai`. */
  baseUrl?: string | undefined;
  /** Attempts after the first, for what is safe to repeat. Default: 2. */
  maxRetries?: number | undefined;
  /** Time allowed for each attempt, in milliseconds. Default: 30 000. */
  timeoutMs?: number | undefined;
  /** A fetch to use instead of the global one (a proxy agent, a test double). */
  fetch?: Fetch | undefined;
  /** Headers sent with every request. They cannot replace `X-API-Key`, nor the ones fetch sets itself. */
  headers?: Record<string, string> | undefined;
  /** Where log lines go. Default: stderr where there is one (Node, Bun, Deno), else `console`. */
  logger?: Logger | undefined;
  /** The least severe level logged. Default: `SIGMAMIND_LOG`, then `"warn"`. */
  logLevel?: LogLevel | undefined;
  /** Check every success body against the spec, throwing `ResponseValidationError`. Default: false. */
  validateResponses?: boolean | undefined;
  /**
   * Allow a plain `http://` baseUrl on a host other than this machine. The key would cross the network
   * unencrypted, so this is refused unless you say so. Default: false.
   */
  allowInsecureHttp?: boolean | undefined;
  /** How the client waits between retries. Default: a timer that the call's signal cancels. */
  sleep?: Sleep | undefined;
  /**
   * The largest success body the client reads, in bytes; a larger one is a `ResponseParseError`, and is never held
   * in memory whole. Default: 32 MiB, far more than any page the API sends.
   */
  maxResponseBytes?: number | undefined;
  /**
   * Let a test run write to the production API. In a test runner (Vitest, Jest, `node --test`, or
   * `NODE_ENV=test`), a create, a delete or any other write aimed at `https://api.sigmamind.ai` is refused with an
   * `InvalidInputError` before anything is sent, so a suite missing its fake's URL never places a real call.
   * Reads are never refused. Default: false, unless `SIGMAMIND_ALLOW_LIVE_WRITES` is `1` or `true`.
   */
  allowLiveWrites?: boolean | undefined;
}

const FUNCTION: FieldSchema = { type: "function" };
const BOOLEAN: FieldSchema = { type: "boolean", description: "true or false" };
const STRING: FieldSchema = { type: "string" };
// Described in words so that a value of the wrong type is never echoed: it may be the key itself.
const SECRET_STRING: FieldSchema = { type: "string", description: "a string", secret: true };

/** What each option must be; `logger` and `logLevel` are checked on their own. */
const CLIENT_OPTIONS = {
  properties: {
    apiKey: SECRET_STRING,
    baseUrl: STRING,
    maxRetries: MAX_RETRIES,
    timeoutMs: TIMEOUT_MS,
    fetch: FUNCTION,
    headers: HEADERS,
    logger: {},
    logLevel: {},
    validateResponses: BOOLEAN,
    allowInsecureHttp: BOOLEAN,
    sleep: FUNCTION,
    maxResponseBytes: { type: "integer", minimum: 1, description: "a whole number of bytes, 1 or more" },
    allowLiveWrites: BOOLEAN,
  } satisfies Record<keyof ClientOptions, FieldSchema>,
};

/**
 * The SigmaMind API client.
 *
 *   const client = new SigmaMind(); // reads SIGMAMIND_API_KEY
 *   for await (const call of client.calls.list({ status: "ended" })) console.log(call.callId);
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: see the interface SigmaMind below
export class SigmaMind {
  // Set in the constructor; `declare` keeps the build from emitting a field definition for each as well.
  /** The base URL requests go to. */
  declare readonly baseUrl: string;
  /** Attempts after the first, unless a call says otherwise. */
  declare readonly maxRetries: number;
  /** Time allowed for each attempt, unless a call says otherwise. */
  declare readonly timeoutMs: number;
  /**
   * The openapi-fetch client every request goes through, for `{ data, error }` style calls with the same key,
   * retries and timeouts: `const { data, error } = await client.raw.GET("/v1/calls", { params: { query: { size: 5 } } })`.
   * Middleware registered with `client.raw.use()` sees the requests of `client.calls` too.
   */
  declare readonly raw: SigmaMindRawClient;
  constructor(options: ClientOptions = {}) {
    // Read once, through the one guarded copy: nothing below touches the object given.
    options = readOptions(CLIENT_LABEL, options, CLIENT_OPTIONS) as ClientOptions;
    checkOptions(options);
    const apiKey = resolveApiKey(options.apiKey);
    const baseUrl = resolveBaseUrl(options.baseUrl, options.allowInsecureHttp === true);
    const { level, problem } = logLevelOf(options.logLevel);
    const logger = levelledLogger(options.logger ?? defaultLogger(), level);
    if (problem) logger.warn(problem);
    // The key stays in closures: util.inspect, JSON.stringify and structuredClone of the client never see it.
    const redact = secretRedactor([apiKey]);
    const sleep = options.sleep ?? defaultSleep;
    const url = new URL(baseUrl);
    const transport = createTransport({
      origin: url.origin,
      apiKey,
      fetch: options.fetch,
      backoff: DEFAULT_BACKOFF,
      sleep,
      logger,
      debugEnabled: level === "debug",
      redact,
      maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      liveWriteGuard: liveWriteGuard(url, options.allowLiveWrites === true),
    });
    const agent = userAgent();
    // The caller's headers come last: a User-Agent of their own wins.
    const headers = { ...(agent && { "User-Agent": agent }), ...options.headers };
    const client = createApiClient({ baseUrl, headers });
    assemble(
      this,
      { baseUrl, client, transport, redact, logger, sleep },
      {
        maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
        timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        headers: {},
        validateResponses: options.validateResponses === true,
      },
    );
  }

  /**
   * A client with other defaults (`maxRetries`, `timeoutMs`, more `headers`, `validateResponses`) sharing this
   * one's key, base URL, transport, logger and middleware: `client.withOptions({ maxRetries: 5 }).calls.list()`.
   */
  withOptions(options: DerivedOptions = {}): SigmaMind {
    const label = "client.withOptions(options)";
    const parts = partsOf.get(this);
    if (!parts) {
      throw new InvalidInputError(`${label}: call it on a client, as client.withOptions(...), not detached from one.`);
    }
    options = readOptions(label, options, DERIVED_OPTIONS) as DerivedOptions;
    checkInputs(label, "option", DERIVED_OPTIONS, options);
    checkHeaderNames(label, options.headers);
    const { shared, settings } = parts;
    const derived = Object.create(SigmaMind.prototype) as SigmaMind;
    assemble(derived, shared, {
      maxRetries: options.maxRetries ?? settings.maxRetries,
      timeoutMs: options.timeoutMs ?? settings.timeoutMs,
      headers: { ...settings.headers, ...options.headers },
      validateResponses: options.validateResponses ?? settings.validateResponses,
    });
    return derived;
  }
}

/** What `withOptions()` can change; the rest belongs to the transport, which derived clients share. */
export type DerivedOptions = Pick<ClientOptions, "maxRetries" | "timeoutMs" | "headers" | "validateResponses">;

const DERIVED_OPTIONS = {
  properties: {
    maxRetries: MAX_RETRIES,
    timeoutMs: TIMEOUT_MS,
    headers: HEADERS,
    validateResponses: BOOLEAN,
  } satisfies Record<keyof DerivedOptions, FieldSchema>,
  // Said after the list of known options when another is given.
  unknownAdvice: "create another client with new SigmaMind() to change the others",
};

/** What a client shares with those derived from it. */
interface Shared {
  baseUrl: string;
  /** The one openapi-fetch client: its middleware applies to every client that shares it. */
  client: OpenapiFetchClient;
  transport: Transport;
  redact: Redact;
  logger: Logger;
  /** How the client waits: between retries (in the transport) and between the polls of `calls.waitFor`. */
  sleep: Sleep;
}

/** A client's own defaults. `headers` are those on top of the shared client's. */
interface Settings {
  maxRetries: number;
  timeoutMs: number;
  headers: Record<string, string>;
  validateResponses: boolean;
}

interface Parts {
  shared: Shared;
  settings: Settings;
}

// Kept outside the instance, so that a derived client, made without the constructor, has them as well.
const partsOf = new WeakMap<SigmaMind, Parts>();

function assemble(target: SigmaMind, shared: Shared, settings: Settings): void {
  partsOf.set(target, { shared, settings });
  const defaults = { timeoutMs: settings.timeoutMs, maxRetries: settings.maxRetries };
  const { client, transport, redact, logger } = shared;
  const operations = createOperationSender({
    client,
    transport,
    defaults,
    headers: settings.headers,
    redact,
    logger,
    validateResponses: settings.validateResponses,
  });
  const context: ClientContext = { operations, logger, sleep: shared.sleep };
  Object.assign(target, {
    baseUrl: shared.baseUrl,
    maxRetries: settings.maxRetries,
    timeoutMs: settings.timeoutMs,
    raw: rawClientOf(client, { transport, redact, defaults, headers: settings.headers }),
  });
  for (const [name, Resource] of Object.entries({ ...RESOURCES, ...HAND_WRITTEN })) {
    Object.assign(target, { [name]: new Resource(context) });
  }
}

/** Resources with methods the spec cannot describe (`calls.waitFor`), in place of the generated ones. */
const HAND_WRITTEN = { calls: Calls };

/**
 * The client's resources: one per resource of the spec (`client.calls`), with the methods its operations make,
 * those of `HAND_WRITTEN` with their additions.
 */
type ClientResources = Omit<Resources, keyof typeof HAND_WRITTEN> & {
  readonly [Name in keyof typeof HAND_WRITTEN]: InstanceType<(typeof HAND_WRITTEN)[Name]>;
};
// A class and an interface of one name merge: the resources are typed properties of every client, each set by
// `assemble`, for the constructor and withOptions() alike.
export interface SigmaMind extends ClientResources {}

const CLIENT_LABEL = "new SigmaMind(options)";

function checkOptions(options: unknown): asserts options is ClientOptions {
  const label = CLIENT_LABEL;
  checkInputs(label, "option", CLIENT_OPTIONS, options);
  checkHeaderNames(label, (options as ClientOptions).headers);
  const { logger, logLevel } = options as ClientOptions;
  if (logLevel !== undefined) parseLogLevel(logLevel, `${label}: logLevel`);
  const methods = ["error", "warn", "info", "debug"] as const;
  if (logger !== undefined && !methods.every((method) => typeof logger?.[method] === "function")) {
    throw new InvalidInputError(`${label}: logger must have error, warn, info and debug methods, like console.`);
  }
}

/**
 * The level to log at: the logLevel option, else SIGMAMIND_LOG, else warn. A SIGMAMIND_LOG that is not a level
 * is a problem to warn about, not a reason to fail: the environment is not the code, and may be shared.
 */
function logLevelOf(option: LogLevel | undefined): { level: LogLevel; problem?: string } {
  if (option !== undefined) return { level: option };
  const fromEnvironment = readEnv("SIGMAMIND_LOG") ?? "warn";
  try {
    return { level: parseLogLevel(fromEnvironment, "SIGMAMIND_LOG") };
  } catch (error) {
    return { level: "warn", problem: `${(error as Error).message.replace(/\.$/, "")}: logging at warn.` };
  }
}

/**
 * A key is a few dozen characters: thirty times that is not a key but a file or a whole .env pasted in, which a
 * server would refuse as an oversized header after the retries. Said by its length alone, never its text.
 */
const MAX_API_KEY_LENGTH = 1_024;

function resolveApiKey(apiKey: string | undefined): string {
  const key = apiKey?.trim() || readEnv("SIGMAMIND_API_KEY");
  if (!key) {
    throw new InvalidInputError(
      "The SigmaMind API key is missing. Set the SIGMAMIND_API_KEY environment variable, or pass it: new SigmaMind({ apiKey }).",
    );
  }
  if (key.length > MAX_API_KEY_LENGTH) {
    throw new InvalidInputError(
      `The SigmaMind API key is ${key.length} characters long, more than the ${MAX_API_KEY_LENGTH} a key can be. Copy it again from the dashboard settings.`,
    );
  }
  // A key with a line break or control character could smuggle headers; its value is never echoed.
  if (/[^\x21-\x7e]/.test(key)) {
    throw new InvalidInputError(
      "The SigmaMind API key contains spaces or control characters. Copy it again from the dashboard settings.",
    );
  }
  return key;
}

function resolveBaseUrl(baseUrl: string | undefined, allowInsecureHttp: boolean): string {
  const candidate = baseUrl?.trim() || readEnv("SIGMAMIND_BASE_URL") || DEFAULT_BASE_URL;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    throw InvalidInputError.of(
      CLIENT_LABEL,
      "baseUrl",
      `"${candidate}" is not a URL. Use a URL such as ${DEFAULT_BASE_URL}`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw InvalidInputError.of(CLIENT_LABEL, "baseUrl", `must use https: or http:, got ${url.protocol}`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw InvalidInputError.of(CLIENT_LABEL, "baseUrl", "must not carry credentials, a query or a fragment");
  }
  if (url.protocol === "http:" && !isLoopback(url) && !allowInsecureHttp) {
    throw InvalidInputError.of(
      CLIENT_LABEL,
      "baseUrl",
      `${url.origin} is plain http, so the API key would cross the network unencrypted. Use https://, or pass allowInsecureHttp: true if the network is trusted`,
    );
  }
  // openapi-fetch appends "/v1/calls" to the base URL, so a path prefix works and a trailing slash must go.
  return url.href.replace(/\/+$/, "");
}
