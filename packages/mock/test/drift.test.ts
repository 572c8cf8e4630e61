// The live drift check, run against a local stand-in for the API that serves conforming and drifted answers.
import { execFile } from "node:child_process";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { loadSpec, specPath } from "@sigmamind/spec";
import { afterAll, describe, expect, test } from "vitest";
import { checkDrift, formatDriftReport } from "../src/index.js";

const API_KEY = "sm-live-drift-5b8e0c2a9f1d4e7b";
type Page = Record<string, unknown> & { data: Record<string, unknown>[] };
const seedPage = (await loadSpec()).responseExample("listCalls", "200", "seed") as Page;
const seedCall = seedPage.data[0] as Record<string, unknown>;

type Upstream = { url: string; requests: { method: string; url: string; apiKey: string | undefined }[] };
const servers: Server[] = [];
afterAll(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** The API as it might answer today: `page` for the list, `call` for a get. */
async function upstream(page: unknown, call: unknown = seedCall): Promise<Upstream> {
  const requests: Upstream["requests"] = [];
  const server = createServer((request: IncomingMessage, response) => {
    requests.push({
      method: request.method ?? "",
      url: request.url ?? "",
      apiKey: request.headers["x-api-key"] as string,
    });
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify(request.url?.startsWith("/v1/calls?") ? page : call));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, requests };
}

const withCall = (change: Record<string, unknown>) => ({ ...seedPage, data: [{ ...seedCall, ...change }] });

async function check(page: unknown, call?: unknown, apiKey = API_KEY) {
  const api = await upstream(page, call);
  const report = await checkDrift({ upstream: api.url, apiKey, specPath });
  return { api, report, text: formatDriftReport(report) };
}

describe("checkDrift", () => {
  test("a conforming API: list and get checked, no drift, key forwarded, nothing but GET sent", async () => {
    const { api, report, text } = await check(seedPage);
    expect(report.violations).toEqual([]);
    expect(report.failures).toEqual([]);
    expect(report.checked.map(({ operation, status }) => [operation, status])).toEqual([
      ["listCalls", 200],
      ["getCall", 200],
    ]);
    expect(api.requests.map(({ method, url }) => `${method} ${url}`)).toEqual([
      "GET /v1/calls?page=0&size=20",
      "GET /v1/calls/call-AuUKK371Spr5nHJS",
    ]);
    expect(api.requests.every(({ apiKey }) => apiKey === API_KEY)).toBe(true);
    expect(text).toContain("No drift");
  });

  // Each check starts a Prism proxy of its own, which takes seconds: one API drifted every way at once, one check.
  describe("an API drifted every way at once, in one check", () => {
    const { callId, ...renamed } = seedCall;
    const { hasNext: _hasNext, ...withoutHasNext } = seedPage;
    const drifted = {
      ...withoutHasNext,
      // The check gets the first call listed by its id: the first keeps it.
      data: [
        { ...seedCall, duration: "120" },
        { ...renamed, id: callId },
        { ...seedCall, status: "on-hold", callType: "sip", terminationReason: "network_dropped" },
        { ...seedCall, duration: API_KEY, agent: API_KEY },
      ],
    };
    const checked = check(drifted, { ...seedCall, createdAt: "last tuesday", status: "archived" });

    test("a renamed field is reported as the old one missing", async () => {
      const { report } = await checked;
      expect(report.violations).toContainEqual({
        operation: "listCalls",
        request: "GET /v1/calls?page=0&size=20",
        path: "data[1].callId",
        expected: "a required field",
        got: "missing",
      });
    });

    test("a wrong type is reported with what was expected and what came", async () => {
      const { report, text } = await checked;
      expect(report.violations).toContainEqual(
        expect.objectContaining({ path: "data[0].duration", expected: "integer or null", got: 'string "120"' }),
      );
      expect(text).toContain('- listCalls data[0].duration: expected integer or null, got string "120"');
    });

    test("a missing required envelope field is reported", async () => {
      const { report } = await checked;
      expect(report.violations).toContainEqual(expect.objectContaining({ path: "hasNext", got: "missing" }));
    });

    test("drift in get is reported under getCall", async () => {
      const { report } = await checked;
      expect(report.violations).toContainEqual(
        expect.objectContaining({
          operation: "getCall",
          path: "createdAt",
          expected: 'format "date-time"',
          got: 'string "last tuesday"',
        }),
      );
    });

    test("a new enum value is not drift", async () => {
      const { report } = await checked;
      expect(report.violations.filter(({ path }) => path.startsWith("data[2]"))).toEqual([]);
      expect(report.violations.filter(({ operation, path }) => operation === "getCall" && path === "status")).toEqual(
        [],
      );
    });

    test("the report never prints the key, even when the API echoes it", async () => {
      const { report, text } = await checked;
      expect(report.violations.some(({ path }) => path.startsWith("data[3]"))).toBe(true);
      expect(text).not.toContain(API_KEY);
      expect(JSON.stringify(report)).not.toContain(API_KEY);
      expect(text).toContain("[redacted]");
    });
  });

  test("a short key is redacted where it stands alone, without mangling the words it is part of", async () => {
    const { report } = await check(seedPage, { ...seedCall, createdAt: "last tuesday at t" }, "t");
    expect(report.violations).toContainEqual(
      expect.objectContaining({ path: "createdAt", got: 'string "last tuesday at [redacted]"' }),
    );
  });

  test("a rejected key is a failure that says what to check", async () => {
    const api = await upstream(seedPage);
    const server = servers.at(-1) as Server;
    server.removeAllListeners("request");
    server.on("request", (_request, response) => {
      response.statusCode = 401;
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ error: "Unauthorized", message: "bad key", status: 401 }));
    });
    const report = await checkDrift({ upstream: api.url, apiKey: API_KEY, specPath });
    expect(report.failures).toEqual([
      expect.objectContaining({ operation: "listCalls", problem: "the API answered 401: check SIGMAMIND_API_KEY" }),
    ]);
  });
});

describe("pnpm contract:live (the sigmamind-drift bin)", () => {
  const run = promisify(execFile);
  const bin = fileURLToPath(new URL("../dist/drift-cli.mjs", import.meta.url));

  async function drift(args: string[], env: Record<string, string | undefined>) {
    try {
      const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env: { ...process.env, ...env } });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  test("exits 0 on a conforming API and 1 on drift, with the report on stdout", async () => {
    const good = await upstream(seedPage);
    const ok = await drift(["--upstream", good.url], { SIGMAMIND_API_KEY: API_KEY });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("No drift");

    const bad = await upstream(withCall({ duration: "long" }));
    const drifted = await drift(["--upstream", bad.url], { SIGMAMIND_API_KEY: API_KEY });
    expect(drifted.code).toBe(1);
    expect(drifted.stdout).toContain("data[0].duration");
    expect(drifted.stdout + drifted.stderr).not.toContain(API_KEY);
  });

  test("without SIGMAMIND_API_KEY it exits 2 and says what to set", async () => {
    const result = await drift([], { SIGMAMIND_API_KEY: "" });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("set SIGMAMIND_API_KEY");
  });
});
