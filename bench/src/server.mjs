// The API stand-in, run in its own process (see start-server.mjs) so serving never competes with the clients
// for their event loop. Configured by one JSON argument:
//   { "mode": "seed" }                               GET /v1/calls?size=N: the seed page, its call repeated N times
//   { "mode": "paged", "totalCalls": T, "latencyMs": L }  real offset paging over T distinct calls, L ms late
import { createServer } from "node:http";
import { readSeedPage } from "./seed.mjs";

/** @type {{ mode: "seed" | "paged", totalCalls?: number, latencyMs?: number }} */
const config = JSON.parse(process.argv[2] ?? "{}");
const seed = await readSeedPage();
const seedCall = /** @type {Record<string, unknown>} */ (seed.data[0]);

/** @type {Map<number, Buffer>} */
const seedBodies = new Map();
/** @param {number} size */
function seedBody(size) {
  let body = seedBodies.get(size);
  if (!body) {
    body = Buffer.from(JSON.stringify({ ...seed, data: Array.from({ length: size }, () => seedCall) }));
    seedBodies.set(size, body);
  }
  return body;
}

// Each paged call is the seed call under its own id: the iterator drops repeated ids, so they must differ.
const [beforeId, afterId] = JSON.stringify({ ...seedCall, callId: "\u0000" }).split('"\\u0000"');
/** @param {number} page @param {number} size */
function pagedBody(page, size) {
  const totalCalls = config.totalCalls ?? 0;
  const totalPages = Math.ceil(totalCalls / size);
  const first = page * size;
  const items = [];
  for (let index = first; index < Math.min(first + size, totalCalls); index++) {
    items.push(`${beforeId}"call-${index}"${afterId}`);
  }
  const envelope = `"page":${page},"size":${size},"totalCounts":${totalCalls},"totalPages":${totalPages},"hasNext":${page < totalPages - 1},"hasPrevious":${page > 0}`;
  return Buffer.from(`{"data":[${items.join(",")}],${envelope}}`);
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://127.0.0.1");
  if (request.method !== "GET" || url.pathname !== "/v1/calls") {
    response.writeHead(404, { "content-type": "application/json" }).end('{"error":"Not Found"}');
    return;
  }
  const size = Number(url.searchParams.get("size") ?? 10);
  const page = Number(url.searchParams.get("page") ?? 0);
  const body = config.mode === "paged" ? pagedBody(page, size) : seedBody(size);
  const send = () =>
    response.writeHead(200, { "content-type": "application/json", "content-length": body.byteLength }).end(body);
  if (config.latencyMs) setTimeout(send, config.latencyMs);
  else send();
});
// Clients keep their connections across rounds; the server must not close them in between.
server.keepAliveTimeout = 120_000;
server.headersTimeout = 121_000;
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(`listening on http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`);
});
