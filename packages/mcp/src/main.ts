#!/usr/bin/env node
// sigmamind-mcp: the SigmaMind AI calls API as MCP tools over stdio. Read-only unless --allow-writes; --sandbox
// answers from an in-process sandbox, with no key and no real call. stdout carries the protocol, so everything for
// the person goes to stderr.
import { type FileHandle, open } from "node:fs/promises";
import { parseArgs } from "node:util";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { InvalidInputError, SigmaMind } from "@sigmamind/client";
import { createSigmaMindServer } from "./server.js";

const USAGE = `Usage: sigmamind-mcp [--allow-writes] [--sandbox] [--api-key-file PATH] [--base-url URL]

The SigmaMind AI calls API as MCP tools, over stdio: list calls, get one, wait for one to end.
  --allow-writes       also offer the tools that change the account; calls_create places a real call only
                       after a dry run the person has seen (two steps)
  --sandbox            answer from an in-process sandbox: no key, no real call
  --api-key-file PATH  read the API key from a file (default: $SIGMAMIND_API_KEY)
  --base-url URL       the API's address (default: $SIGMAMIND_BASE_URL, then https://api.sigmamind.ai)
Every write is logged on stderr. The key is never a tool argument and never in a result, a log line or an error.
`;

/** A key is at most 1,024 characters: a file much larger is another file. */
const MAX_KEY_FILE_BYTES = 4_096;

async function main(): Promise<number> {
  let flags: ReturnType<typeof readFlags>;
  try {
    flags = readFlags();
  } catch (error) {
    process.stderr.write(`sigmamind-mcp: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (flags.help) {
    process.stderr.write(USAGE);
    return 0;
  }
  const secrets: string[] = [];
  let client: SigmaMind;
  try {
    if (flags.sandbox) {
      const { createSandbox } = await import("@sigmamind/mock");
      const sandbox = createSandbox();
      client = new SigmaMind({ apiKey: "sandbox-key", baseUrl: sandbox.url, fetch: sandbox.fetch });
    } else {
      const apiKey = flags["api-key-file"] ? await readKeyFile(flags["api-key-file"]) : process.env.SIGMAMIND_API_KEY;
      if (apiKey) secrets.push(apiKey.trim());
      if (!apiKey?.trim()) {
        throw new Error(
          "no API key: set SIGMAMIND_API_KEY in the server's environment or pass --api-key-file PATH; or try the tools with no key on an in-process sandbox with --sandbox",
        );
      }
      client = new SigmaMind({ apiKey, baseUrl: flags["base-url"] });
    }
  } catch (error) {
    const message = error instanceof InvalidInputError || error instanceof Error ? error.message : String(error);
    process.stderr.write(`sigmamind-mcp: ${message.replace(/new SigmaMind\(options\): baseUrl/, "--base-url")}\n`);
    return 2;
  }
  const server = createSigmaMindServer({
    client,
    allowWrites: flags["allow-writes"] === true,
    secrets,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  await server.connect(new StdioServerTransport());
  process.stderr.write(
    `sigmamind-mcp: ready on stdio (${flags.sandbox ? "sandbox" : "live API"}, ${flags["allow-writes"] ? "writes allowed" : "read-only"})\n`,
  );
  return 0;
}

function readFlags() {
  const { values } = parseArgs({
    options: {
      "allow-writes": { type: "boolean" },
      sandbox: { type: "boolean" },
      "api-key-file": { type: "string" },
      "base-url": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
    allowPositionals: false,
  });
  return values;
}

/** The key file's text, reading no more than one byte past the limit: /dev/zero or a large file is refused. */
async function readKeyFile(path: string): Promise<string> {
  let file: FileHandle;
  try {
    file = await open(path, "r");
  } catch (error) {
    throw new Error(`--api-key-file cannot read "${path}": ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  try {
    const buffer = Buffer.alloc(MAX_KEY_FILE_BYTES + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await file.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > MAX_KEY_FILE_BYTES) {
        throw new Error(
          `--api-key-file "${path}" holds more than ${MAX_KEY_FILE_BYTES} bytes: point it at the file that holds only the key`,
        );
      }
    }
    return buffer.toString("utf8", 0, length).trim();
  } finally {
    await file.close();
  }
}

const code = await main();
if (code !== 0) process.exit(code);
