// The HTTP clients compared, each asked for the same page and each returning the parsed body.
import { Agent as HttpAgent } from "node:http";
import { SigmaMind } from "@sigmamind/client";
import axios from "axios";
import createClient from "openapi-fetch";

const API_KEY = "bench-key";

/**
 * @typedef {{ name: string, list: (size: number) => Promise<unknown> }} BenchClient
 */

/** @param {string} baseUrl @returns {BenchClient[]} */
export function createBenchClients(baseUrl) {
  const headers = { "X-API-Key": API_KEY };
  /** @type {import("openapi-fetch").Client<import("@sigmamind/types").paths>} */
  const bare = createClient({ baseUrl, headers });
  const sigmaMind = new SigmaMind({ apiKey: API_KEY, baseUrl });
  const validating = new SigmaMind({ apiKey: API_KEY, baseUrl, validateResponses: true });
  const axiosClient = axios.create({ baseURL: baseUrl, headers, httpAgent: new HttpAgent({ keepAlive: true }) });
  return [
    {
      // The floor: what any client must do at least.
      name: "raw fetch",
      async list(size) {
        const response = await fetch(`${baseUrl}/v1/calls?size=${size}`, { headers });
        if (!response.ok) throw new Error(`raw fetch: ${response.status}`);
        return JSON.parse(await response.text());
      },
    },
    {
      name: "openapi-fetch",
      async list(size) {
        const { data, error, response } = await bare.GET("/v1/calls", { params: { query: { size } } });
        if (error !== undefined) throw new Error(`openapi-fetch: ${response.status}`);
        return data;
      },
    },
    // Awaited as users await it: a PagePromise is a thenable that fetches the first page.
    { name: "client", list: async (size) => await sigmaMind.calls.list({ size }) },
    { name: "client + validation", list: async (size) => await validating.calls.list({ size }) },
    {
      name: "axios",
      async list(size) {
        return (await axiosClient.get("/v1/calls", { params: { size } })).data;
      },
    },
  ];
}
