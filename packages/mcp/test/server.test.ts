// The server through the SDK's own client over an in-memory transport, against an in-process sandbox: the tools
// offered, each one's happy path, bad arguments as tool errors, the write switch, the two-step create, and the key
// in nothing it says.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { SigmaMind } from "@sigmamind/client";
import { createSandbox } from "@sigmamind/mock";
import { describe, expect, test } from "vitest";
import { createSigmaMindServer } from "../src/index.js";

const KEY = "sk-live-mcp-test-key-4f9c2a7e1b8d";
const EXAMPLE_CALL = "call-AuUKK371Spr5nHJS";
const placeCall = { fromPhoneNumber: "+14155552671", toPhoneNumber: "+14155550123", agentId: "agent-1" };

/** A server over a fresh sandbox, and an MCP client connected to it; everything it says, and logs, is kept. */
async function connect(allowWrites = false) {
  const sandbox = createSandbox();
  const client = new SigmaMind({ apiKey: KEY, baseUrl: sandbox.url, fetch: sandbox.fetch, maxRetries: 0 });
  const logged: string[] = [];
  const server = createSigmaMindServer({ client, allowWrites, secrets: [KEY], log: (line) => logged.push(line) });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const mcp = new Client({ name: "test", version: "1.0.0" });
  await mcp.connect(clientSide);
  const said: string[] = [];
  const call = async (name: string, args: Record<string, unknown> = {}) => {
    const result = (await mcp.callTool({ name, arguments: args })) as CallToolResult;
    said.push(JSON.stringify(result));
    return result;
  };
  return { mcp, sandbox, call, logged, said };
}

const textOf = (result: CallToolResult) => (result.content[0] as { text: string }).text;

describe("the tools offered", () => {
  test("read-only by default: list, get and wait, each with its input schema from the spec", async () => {
    const { mcp } = await connect();
    const { tools } = await mcp.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(["calls_get", "calls_list", "calls_wait"]);
    const list = tools.find((tool) => tool.name === "calls_list");
    expect(list?.inputSchema.properties).toMatchObject({
      size: { type: "integer", minimum: 1, default: 10 },
      status: { anyOf: [{ enum: expect.arrayContaining(["ended", "in-progress"]) }, { type: "string" }] },
    });
    expect(list?.annotations).toMatchObject({ readOnlyHint: true });
  });

  test("with writes allowed: create (with its confirmation token) and delete too", async () => {
    const { mcp } = await connect(true);
    const { tools } = await mcp.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual([
      "calls_create",
      "calls_delete",
      "calls_get",
      "calls_list",
      "calls_wait",
    ]);
    const create = tools.find((tool) => tool.name === "calls_create");
    expect(create?.inputSchema.required).toEqual(["fromPhoneNumber", "toPhoneNumber", "agentId"]);
    expect(Object.keys(create?.inputSchema.properties ?? {})).toContain("confirmationToken");
    expect(create?.annotations).toMatchObject({ destructiveHint: true });
  });
});

describe("each tool's happy path, as structured content and as text", () => {
  test("calls_list gives a page", async () => {
    const { call } = await connect();
    const result = await call("calls_list", { size: 2 });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ page: 0, size: 2, hasNext: true });
    expect((result.structuredContent as { data: unknown[] }).data).toHaveLength(2);
    expect(JSON.parse(textOf(result))).toEqual(result.structuredContent);
  });

  test("calls_get gives the call", async () => {
    const { call } = await connect();
    const result = await call("calls_get", { callId: EXAMPLE_CALL });
    expect(result.structuredContent).toMatchObject({ callId: EXAMPLE_CALL });
  });

  test("calls_wait gives the call once it has ended", async () => {
    const { call, sandbox } = await connect(true);
    const dryRun = await call("calls_create", placeCall);
    const { confirmationToken } = dryRun.structuredContent as { confirmationToken: string };
    const placed = (await call("calls_create", { ...placeCall, confirmationToken })).structuredContent as {
      callId: string;
    };
    // The sandbox's clock is manual: an hour later the call has ended, and the first poll sees it.
    sandbox.advance(60 * 60 * 1000);
    const result = await call("calls_wait", { callId: placed.callId, timeoutSeconds: 5 });
    expect(result.isError).toBeFalsy();
    expect((result.structuredContent as { status: string }).status).toMatch(/^(ended|not-connected)$/);
  });
});

describe("bad arguments are a clear tool error, not a crash", () => {
  test.each([
    ["calls_list", { size: 0 }, /size must be/],
    ["calls_list", { sise: 5 }, /calls_list takes no sise; it takes status, page, size/],
    ["calls_get", {}, /callId/],
    ["calls_get", { callId: ".." }, /callId cannot be ".."/],
    ["calls_wait", { callId: EXAMPLE_CALL, timeoutSeconds: 0 }, /timeoutSeconds must be a whole number from 1 to 600/],
    ["calls_nope", {}, /No tool named calls_nope/],
  ])("%s %j", async (name, args, message) => {
    const { call, mcp } = await connect();
    const result = await call(name, args);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
    // The server is still there.
    expect((await mcp.listTools()).tools.length).toBeGreaterThan(0);
  });

  test("a write tool on a read-only server says how to offer it", async () => {
    const { call } = await connect();
    const result = await call("calls_create", placeCall);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/started read-only: restart it with --allow-writes/);
  });
});

describe("placing a call takes two steps", () => {
  test("the dry run dials nothing and gives a token; the same arguments with it place the call once, and it is logged", async () => {
    const { call, logged } = await connect(true);
    const before = (await call("calls_list", { size: 1 })).structuredContent as { totalCounts: number };
    const dryRun = await call("calls_create", placeCall);
    expect(dryRun.structuredContent).toMatchObject({ dryRun: true, wouldDial: placeCall, expiresInSeconds: 300 });
    const afterDryRun = (await call("calls_list", { size: 1 })).structuredContent as { totalCounts: number };
    expect(afterDryRun.totalCounts).toBe(before.totalCounts);
    expect(logged).toEqual([]);

    const { confirmationToken } = dryRun.structuredContent as { confirmationToken: string };
    const placed = await call("calls_create", { ...placeCall, confirmationToken });
    expect(placed.isError).toBeFalsy();
    expect(placed.structuredContent).toMatchObject({ callId: expect.any(String) });
    const afterCall = (await call("calls_list", { size: 1 })).structuredContent as { totalCounts: number };
    expect(afterCall.totalCounts).toBe(before.totalCounts + 1);
    expect(logged.join("\n")).toMatch(/write: calls\.create placing a call from \+14155552671 to \+14155550123/);

    const again = await call("calls_create", { ...placeCall, confirmationToken });
    expect(again.isError).toBe(true);
    expect(textOf(again)).toMatch(/used already/);
  });

  test("a token given for other arguments places nothing", async () => {
    const { call } = await connect(true);
    const dryRun = await call("calls_create", placeCall);
    const { confirmationToken } = dryRun.structuredContent as { confirmationToken: string };
    const other = await call("calls_create", { ...placeCall, toPhoneNumber: "+14155550199", confirmationToken });
    expect(other.isError).toBe(true);
    expect(textOf(other)).toMatch(/the arguments differ from those of the dry run/);
  });

  test("a delete is logged", async () => {
    const { call, logged } = await connect(true);
    const result = await call("calls_delete", { callId: EXAMPLE_CALL });
    expect(result.isError).toBeFalsy();
    expect(logged).toEqual([`sigmamind-mcp: write: calls.delete callId=${EXAMPLE_CALL}`]);
  });
});

describe("the key", () => {
  test("is in no result, no error and no log line, even when the server echoes it", async () => {
    const sandbox = createSandbox();
    // A fetch that echoes the key back in an error body, as a careless proxy might.
    const echoing = async (request: Request) =>
      new URL(request.url).pathname.endsWith("/echo")
        ? new Response(JSON.stringify({ message: `bad key ${request.headers.get("x-api-key")}` }), {
            status: 500,
            headers: { "content-type": "application/json" },
          })
        : sandbox.fetch(request);
    const client = new SigmaMind({ apiKey: KEY, baseUrl: sandbox.url, fetch: echoing, maxRetries: 0 });
    const logged: string[] = [];
    const server = createSigmaMindServer({
      client,
      allowWrites: true,
      secrets: [KEY],
      log: (line) => logged.push(line),
    });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await server.connect(serverSide);
    const mcp = new Client({ name: "test", version: "1.0.0" });
    await mcp.connect(clientSide);
    const results = [
      await mcp.callTool({ name: "calls_get", arguments: { callId: "echo" } }),
      await mcp.callTool({ name: "calls_list", arguments: {} }),
      await mcp.callTool({ name: "calls_delete", arguments: { callId: EXAMPLE_CALL } }),
    ];
    expect((results[0] as CallToolResult).isError).toBe(true);
    const everything = JSON.stringify({ results, logged, tools: await mcp.listTools() });
    expect(everything).not.toContain(KEY);
  });
});
