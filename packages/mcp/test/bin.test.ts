// Once through the real bin over stdio, as an assistant's host runs it: `sigmamind-mcp --sandbox`.

import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { expect, test } from "vitest";

const bin = fileURLToPath(new URL("../dist/main.js", import.meta.url));

test("sigmamind-mcp --sandbox lists its tools and answers a call over stdio, and says where it is on stderr", async () => {
  const transport = new StdioClientTransport({ command: process.execPath, args: [bin, "--sandbox"], stderr: "pipe" });
  let stderr = "";
  transport.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const mcp = new Client({ name: "bin-test", version: "1.0.0" });
  await mcp.connect(transport);
  try {
    const { tools } = await mcp.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(["calls_get", "calls_list", "calls_wait"]);
    const result = (await mcp.callTool({ name: "calls_list", arguments: { size: 1 } })) as CallToolResult;
    expect(result.structuredContent).toMatchObject({ page: 0, size: 1 });
    expect(stderr).toContain("sigmamind-mcp: ready on stdio (sandbox, read-only)");
  } finally {
    await mcp.close();
  }
});

test("without a key or --sandbox it says how to give one, and exits 2", async () => {
  const run = promisify(execFile);
  const env = { ...process.env, SIGMAMIND_API_KEY: "" };
  const failed = await run(process.execPath, [bin], { env }).catch((error: { code: number; stderr: string }) => error);
  expect(failed).toMatchObject({ code: 2 });
  expect((failed as { stderr: string }).stderr).toMatch(
    /^sigmamind-mcp: no API key: set SIGMAMIND_API_KEY in the server's environment or pass --api-key-file PATH; or try the tools with no key on an in-process sandbox with --sandbox\n$/,
  );
});

test("an unknown flag is named, with the usage", async () => {
  const run = promisify(execFile);
  const failed = await run(process.execPath, [bin, "--writes"]).catch(
    (error: { code: number; stderr: string }) => error,
  );
  expect(failed).toMatchObject({ code: 2 });
  expect((failed as { stderr: string }).stderr).toMatch(/^sigmamind-mcp: Unknown option '--writes'/);
  expect((failed as { stderr: string }).stderr).toContain("Usage: sigmamind-mcp");
});
