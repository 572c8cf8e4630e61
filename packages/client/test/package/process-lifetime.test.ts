// What keeps a script using the built client alive: a request in flight does, up to its timeout, even when
// nothing else would (a fetch of the caller's own that never settles); a request that has ended does not, however
// long its timeout was.
import { execFile } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const entry = fileURLToPath(new URL("../../dist/index.mjs", import.meta.url));
const run = promisify(execFile);
/** Runs `body` in a fresh Node process with `SigmaMind` imported; a process still running after 20 s is killed. */
const script = (body: string) =>
  run(process.execPath, ["--input-type=module", "-e", `import { SigmaMind } from ${JSON.stringify(entry)};\n${body}`], {
    timeout: 20_000,
  });

const page = { data: [], page: 0, size: 10, totalCounts: 0, totalPages: 0, hasNext: false, hasPrevious: false };
const server = createServer((_request, response) => {
  response.setHeader("content-type", "application/json");
  response.end(JSON.stringify(page));
});
let baseUrl = "";
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("the process of a script using the client", () => {
  test("ends once its requests have, though each was allowed ten minutes", async () => {
    const { stdout } = await script(`
      const client = new SigmaMind({ apiKey: "test-key", baseUrl: ${JSON.stringify(baseUrl)}, timeoutMs: 600000 });
      await client.calls.list();
      await Promise.all([client.calls.list(), client.calls.list()]);
      await client.calls.list();
      console.log("listed");
    `);
    expect(stdout).toBe("listed\n");
  });

  test("stays alive for a request in flight that nothing else holds, until its timeout ends it", async () => {
    // After two answers, a fetch that answers nothing and holds nothing open: only its signal ends it, as fetch's.
    // The third request starts moments after the second ended, while the second's deadline has not yet come.
    const { stdout } = await script(`
      let calls = 0;
      const fetch = async (request, init) =>
        ++calls <= 2
          ? new Response(JSON.stringify(${JSON.stringify(page)}))
          : new Promise((_, reject) => init.signal.addEventListener("abort", () => reject(init.signal.reason)));
      const client = new SigmaMind({ apiKey: "test-key", fetch, maxRetries: 0, timeoutMs: 200 });
      await client.calls.list();
      await client.calls.list();
      await client.calls.list().catch((error) => console.log(error.constructor.name));
    `);
    expect(stdout).toBe("APIConnectionTimeoutError\n");
  });
});
