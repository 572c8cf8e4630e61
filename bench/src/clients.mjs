// The HTTP clients compared, each asked for the same page and each returning the parsed body.
import { Agent as HttpAgent } from "node:http";
import { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS, SigmaMind } from "@sigmamind/client";
import axios from "axios";
import ky from "ky";
import { ofetch } from "ofetch";
import OpenAI from "openai";
import createClient from "openapi-fetch";

const API_KEY = "bench-key";

/**
 * @typedef {{ name: string, defaults: string, list: (size: number) => Promise<unknown> }} BenchClient
 */

/** @param {string} baseUrl @returns {BenchClient[]} */
export function createBenchClients(baseUrl) {
  const headers = { "X-API-Key": API_KEY };
  /** @type {import("openapi-fetch").Client<import("@sigmamind/types").paths>} */
  const bare = createClient({ baseUrl, headers });
  const sigmaMind = new SigmaMind({ apiKey: API_KEY, baseUrl });
  const validating = new SigmaMind({ apiKey: API_KEY, baseUrl, validateResponses: true });
  const axiosClient = axios.create({ baseURL: baseUrl, headers, httpAgent: new HttpAgent({ keepAlive: true }) });
  const kyClient = ky.create({ prefixUrl: baseUrl, headers });
  const ofetchClient = ofetch.create({ baseURL: baseUrl, headers });
  // Stainless's client core: the generic verbs every generated resource method calls. It sends its own
  // `Authorization: Bearer` from `apiKey`; the bench server reads nothing, but the key goes where ours does.
  const stainless = new OpenAI({ apiKey: "x", baseURL: baseUrl, defaultHeaders: headers });
  return [
    {
      // The floor: what any client must do at least.
      name: "raw fetch",
      defaults: "no retries, no timeout",
      async list(size) {
        const response = await fetch(`${baseUrl}/v1/calls?size=${size}`, { headers });
        if (!response.ok) throw new Error(`raw fetch: ${response.status}`);
        return JSON.parse(await response.text());
      },
    },
    {
      name: "openapi-fetch",
      defaults: "no retries, no timeout",
      async list(size) {
        const { data, error, response } = await bare.GET("/v1/calls", { params: { query: { size } } });
        if (error !== undefined) throw new Error(`openapi-fetch: ${response.status}`);
        return data;
      },
    },
    // Awaited as users await it: a PagePromise is a thenable that fetches the first page.
    {
      name: "client",
      defaults: `${DEFAULT_MAX_RETRIES} retries, ${DEFAULT_TIMEOUT_MS / 1000} s per attempt`,
      list: async (size) => await sigmaMind.calls.list({ size }),
    },
    {
      name: "client + validation",
      defaults: "the same, `validateResponses: true`",
      list: async (size) => await validating.calls.list({ size }),
    },
    {
      name: "axios",
      defaults: "no retries (none built in), no timeout; keep-alive agent",
      async list(size) {
        return (await axiosClient.get("/v1/calls", { params: { size } })).data;
      },
    },
    {
      name: "ky",
      defaults: "2 retries, 10 s timeout",
      list: (size) => kyClient.get("v1/calls", { searchParams: { size } }).json(),
    },
    {
      name: "ofetch",
      defaults: "1 retry, no timeout",
      list: (size) => ofetchClient("/v1/calls", { query: { size } }),
    },
    {
      name: "openai",
      defaults: "2 retries, 10 min timeout",
      list: async (size) => await stainless.get("/v1/calls", { query: { size } }),
    },
  ];
}
