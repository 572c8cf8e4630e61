// The MCP server: the spec's operations as tools (src/generated/tools.ts), plus `calls_wait`, read-only unless
// writes are allowed, a create in two steps, every write logged, and the key in nothing it says.

import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { CallToolRequestSchema, type CallToolResult, ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import type { SigmaMind } from "@sigmamind/client";
import { secretRedactor } from "@sigmamind/error-text/redact-secret";
import { createConfirmations } from "./create-confirmation.js";
import { OPERATION_TOOLS } from "./generated/tools.js";
import { callOperation, type OperationTool, unknownArguments } from "./operation-tool.js";
import { VERSION } from "./version.js";

export interface SigmaMindServerOptions {
  /** The client the tools call: its key, base URL and fetch (a sandbox's, with --sandbox). */
  readonly client: SigmaMind;
  /** Offer the tools that change the account (create, delete, ...). Default: false, read-only. */
  readonly allowWrites?: boolean | undefined;
  /** Where each write is logged, a line each: the person running the server sees what the assistant did. */
  readonly log?: ((line: string) => void) | undefined;
  /** Values that must never be said: the API key. */
  readonly secrets?: readonly string[] | undefined;
}

/** The waiting tool, hand-written: the spec describes a get, not a wait. */
const WAIT_TOOL = {
  name: "calls_wait",
  title: "Wait for a call to end",
  description:
    "Polls a call until it reaches a final status (ended, not-connected, error, completed or failed) and gives it. Gives the call as last seen, with an error, if it has not ended within timeoutSeconds.",
  inputSchema: {
    type: "object",
    properties: {
      callId: { type: "string", minLength: 1, description: "The call to wait for." },
      timeoutSeconds: {
        type: "integer",
        minimum: 1,
        maximum: 600,
        default: 120,
        description: "How long to wait, in seconds (1 to 600).",
      },
    },
    required: ["callId"],
    additionalProperties: false,
  },
} as const;

/** What `calls_create` takes on top of the spec's body: the token of the dry run the person saw. */
const CONFIRMATION_TOKEN = {
  type: "string",
  description:
    "Leave out to get a dry run: what would be dialled, and a token. Show it to the person; only once they confirm, call again with the same arguments and this token to place the call.",
};

const CREATE = "calls_create";

export function createSigmaMindServer(options: SigmaMindServerOptions): Server {
  const { client, allowWrites = false } = options;
  const redact = secretRedactor([...(options.secrets ?? [])]);
  const log = (line: string) => options.log?.(redact(`sigmamind-mcp: ${line}`));
  const confirmations = createConfirmations();
  const offered = OPERATION_TOOLS.filter((tool) => allowWrites || !tool.write);
  const byName = new Map(offered.map((tool) => [tool.name, tool]));

  const server = new Server(
    { name: "sigmamind", title: "SigmaMind AI calls", version: VERSION },
    {
      capabilities: { tools: {} },
      instructions: allowWrites
        ? "Tools for the SigmaMind AI calls API. calls_create places a real phone call to a person: never call it with a confirmationToken unless the person has seen the dry run's details and said yes."
        : "Read-only tools for the SigmaMind AI calls API: list calls, get one, wait for one to end. The server was started without --allow-writes, so nothing can be placed or deleted.",
    },
  );

  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: [
      ...offered.map((tool) => ({
        name: tool.name,
        title: tool.title,
        description: tool.name === CREATE ? `${tool.description} ${CONFIRMATION_TOKEN.description}` : tool.description,
        inputSchema:
          tool.name === CREATE
            ? {
                ...tool.inputSchema,
                properties: { ...tool.inputSchema.properties, confirmationToken: CONFIRMATION_TOKEN },
              }
            : tool.inputSchema,
        annotations: { readOnlyHint: !tool.write, destructiveHint: tool.write, openWorldHint: true },
      })),
      { ...WAIT_TOOL, annotations: { readOnlyHint: true, openWorldHint: true } },
    ],
  }));

  server.setRequestHandler(CallToolRequestSchema, async (request): Promise<CallToolResult> => {
    const { name } = request.params;
    const args = (request.params.arguments ?? {}) as Record<string, unknown>;
    try {
      if (name === WAIT_TOOL.name) return answer(await waitForCall(client, args), redact);
      const tool = byName.get(name);
      if (!tool) {
        const writeTool = OPERATION_TOOLS.find((candidate) => candidate.name === name);
        return failure(
          writeTool
            ? `${name} changes the account, and this server was started read-only: restart it with --allow-writes to offer it.`
            : `No tool named ${name}. The tools are: ${[...byName.keys(), WAIT_TOOL.name].join(", ")}.`,
          redact,
        );
      }
      const unknown = unknownArguments(tool, args, tool.name === CREATE ? ["confirmationToken"] : []);
      if (unknown.length > 0) {
        return failure(
          `${name} takes no ${unknown.join(", ")}; it takes ${Object.keys(tool.inputSchema.properties).join(", ")}.`,
          redact,
        );
      }
      if (tool.name === CREATE) return await createInTwoSteps(tool, args);
      const result = await callOperation(client, tool, args);
      if (tool.write) log(`write: ${tool.label} ${describeArguments(tool, args)}`);
      return answer(result ?? { done: tool.label }, redact);
    } catch (error) {
      return failure(error instanceof Error ? error.message : String(error), redact);
    }
  });

  async function createInTwoSteps(tool: OperationTool, args: Record<string, unknown>): Promise<CallToolResult> {
    const { confirmationToken, ...call } = args;
    if (confirmationToken === undefined) {
      const { token, expiresInSeconds } = confirmations.issue(call);
      return answer(
        {
          dryRun: true,
          wouldDial: call,
          confirmationToken: token,
          expiresInSeconds,
          next: "Nothing was dialled. Show the person the number to call, the number calling and the agent; if they say yes, call calls_create again with the same arguments and this confirmationToken.",
        },
        redact,
      );
    }
    const refused = confirmations.redeem(String(confirmationToken), call);
    if (refused) return failure(refused, redact);
    log(`write: calls.create placing a call from ${call.fromPhoneNumber} to ${call.toPhoneNumber}`);
    const placed = (await callOperation(client, tool, call)) as { callId?: string };
    log(`write: calls.create placed call ${placed.callId}`);
    return answer(placed, redact);
  }

  return server;
}

async function waitForCall(client: SigmaMind, args: Record<string, unknown>) {
  const unknown = Object.keys(args).filter((name) => !Object.hasOwn(WAIT_TOOL.inputSchema.properties, name));
  if (unknown.length > 0)
    throw new Error(`calls_wait takes no ${unknown.join(", ")}; it takes callId, timeoutSeconds.`);
  const seconds = args.timeoutSeconds ?? 120;
  if (typeof seconds !== "number" || !Number.isInteger(seconds) || seconds < 1 || seconds > 600) {
    throw new Error("calls_wait: timeoutSeconds must be a whole number from 1 to 600.");
  }
  return client.calls.waitFor(args.callId as string, { timeoutMs: seconds * 1000 });
}

/** A tool's result: the data as structured content, and as JSON text for clients that read only text. */
function answer(data: unknown, redact: (text: string) => string): CallToolResult {
  const text = redact(JSON.stringify(data, null, 2));
  return { content: [{ type: "text", text }], structuredContent: JSON.parse(text) as Record<string, unknown> };
}

function failure(message: string, redact: (text: string) => string): CallToolResult {
  return { isError: true, content: [{ type: "text", text: redact(message) }] };
}

function describeArguments(tool: OperationTool, args: Record<string, unknown>): string {
  return tool.pathParameters.map((name) => `${name}=${String(args[name])}`).join(" ");
}
