import type { paths } from "@sigmamind/types";
import createClient from "openapi-fetch";
import { SigmaMindError } from "./core/errors.js";
import type { SigmaMindRawClient } from "./core/raw-client.js";
import { createTransport, type Fetch } from "./core/transport.js";
import { readEnv } from "./internal/env.js";
import { Calls } from "./resources/calls.js";

export const DEFAULT_BASE_URL = "https://api.sigmamind.ai";

export interface ClientOptions {
  /** The API key, sent as `X-API-Key`. Default: the `SIGMAMIND_API_KEY` environment variable. */
  apiKey?: string | undefined;
  /** Where the API lives. Default: `SIGMAMIND_BASE_URL`, then `https://api.sigmamind.ai`. */
  baseUrl?: string | undefined;
  /** A fetch to use instead of the global one (a proxy agent, a test double). */
  fetch?: Fetch | undefined;
  /** Headers sent with every request. */
  headers?: Record<string, string> | undefined;
}

const KNOWN_OPTIONS = new Set<string>(["apiKey", "baseUrl", "fetch", "headers"]);

/**
 * The SigmaMind API client.
 *
 *   const client = new SigmaMind(); // reads SIGMAMIND_API_KEY
 *   const page = await client.calls.list({ status: "ended" });
 */
export class SigmaMind {
  /** The base URL requests go to. */
  readonly baseUrl: string;
  /** `client.calls`: list, get, create and delete calls. */
  readonly calls: Calls;
  /**
   * The underlying openapi-fetch client, for `{ data, error }` style calls, with the same key and transport:
   * `const { data, error } = await client.raw.GET("/v1/calls", { params: { query: { size: 5 } } })`.
   */
  readonly raw: SigmaMindRawClient;
  // A private field: util.inspect, JSON.stringify and structuredClone of the client never see the key.
  readonly #apiKey: string;

  constructor(options: ClientOptions = {}) {
    validateOptions(options);
    this.#apiKey = resolveApiKey(options.apiKey);
    this.baseUrl = resolveBaseUrl(options.baseUrl);
    this.raw = createClient<paths>({
      baseUrl: this.baseUrl,
      fetch: createTransport(options.fetch ?? ((request) => fetch(request))),
      headers: { ...options.headers, "X-API-Key": this.#apiKey },
    });
    this.calls = new Calls(this.raw);
  }
}

function validateOptions(options: unknown): asserts options is ClientOptions {
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new SigmaMindError("new SigmaMind(options): options must be an object, such as { apiKey }.");
  }
  const unknown = Object.keys(options).filter((key) => !KNOWN_OPTIONS.has(key));
  if (unknown.length > 0) {
    throw new SigmaMindError(
      `new SigmaMind(options): unknown option ${unknown.map((key) => `"${key}"`).join(", ")}. Known options: ${[...KNOWN_OPTIONS].join(", ")}.`,
    );
  }
  const { apiKey, baseUrl, fetch: customFetch, headers } = options as Record<string, unknown>;
  if (apiKey !== undefined && typeof apiKey !== "string") {
    throw new SigmaMindError(`new SigmaMind(options): apiKey must be a string, got ${typeName(apiKey)}.`);
  }
  if (baseUrl !== undefined && typeof baseUrl !== "string") {
    throw new SigmaMindError(`new SigmaMind(options): baseUrl must be a string, got ${typeName(baseUrl)}.`);
  }
  if (customFetch !== undefined && typeof customFetch !== "function") {
    throw new SigmaMindError(`new SigmaMind(options): fetch must be a function, got ${typeName(customFetch)}.`);
  }
  if (headers !== undefined) {
    const valid =
      headers !== null &&
      typeof headers === "object" &&
      !Array.isArray(headers) &&
      Object.values(headers).every((value) => typeof value === "string");
    if (!valid) {
      throw new SigmaMindError("new SigmaMind(options): headers must be an object of string values.");
    }
  }
}

function resolveApiKey(apiKey: string | undefined): string {
  const key = apiKey?.trim() || readEnv("SIGMAMIND_API_KEY");
  if (!key) {
    throw new SigmaMindError(
      "The SigmaMind API key is missing. Set the SIGMAMIND_API_KEY environment variable, or pass it: new SigmaMind({ apiKey }).",
    );
  }
  // A key with a line break or control character could smuggle headers; its value is never echoed.
  if (/[^\x21-\x7e]/.test(key)) {
    throw new SigmaMindError(
      "The SigmaMind API key contains spaces or control characters. Copy it again from the dashboard settings.",
    );
  }
  return key;
}

function resolveBaseUrl(baseUrl: string | undefined): string {
  const candidate = baseUrl?.trim() || readEnv("SIGMAMIND_BASE_URL") || DEFAULT_BASE_URL;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    throw new SigmaMindError(
      `new SigmaMind(options): baseUrl "${candidate}" is not a URL. Use a URL such as ${DEFAULT_BASE_URL}.`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new SigmaMindError(`new SigmaMind(options): baseUrl must use https: or http:, got ${url.protocol}.`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new SigmaMindError("new SigmaMind(options): baseUrl must not carry credentials, a query or a fragment.");
  }
  // openapi-fetch appends "/v1/calls" to the base URL, so a path prefix works and a trailing slash must go.
  return url.href.replace(/\/+$/, "");
}

function typeName(value: unknown) {
  return value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
}
