// An operation of the spec as an MCP tool: its entry in src/generated/tools.ts, and how a call of it becomes a
// call of the client's generated method.
import type { SigmaMind } from "@sigmamind/client";

/** One operation of the spec's operation table, as a tool. */
export interface OperationTool {
  /** `calls_list`: the resource and the method, as MCP tool names are written. */
  readonly name: string;
  /** What the client and its errors call it: "calls.list". */
  readonly label: string;
  readonly resource: string;
  readonly method: string;
  readonly title: string;
  readonly description: string;
  /** Whether it changes the account (any method but GET): offered only with --allow-writes. */
  readonly write: boolean;
  readonly pathParameters: readonly string[];
  readonly queryParameters: readonly string[];
  readonly bodyFields?: readonly string[] | undefined;
  readonly returns: "page" | "object" | "nothing";
  /** JSON Schema of the tool's arguments, from the spec. */
  readonly inputSchema: { readonly type: "object"; readonly properties: Record<string, unknown> } & Record<
    string,
    unknown
  >;
}

type ClientMethod = (...inputs: unknown[]) => Promise<unknown>;

/**
 * Calls the client's method for `tool` with `args`: its path parameters in order, then its body or its query as
 * one object. Answers the body as the API sent it (a page as its envelope, without the page's methods).
 */
export async function callOperation(client: SigmaMind, tool: OperationTool, args: Record<string, unknown>) {
  const resource = (client as unknown as Record<string, Record<string, ClientMethod>>)[tool.resource];
  const method = resource?.[tool.method];
  if (typeof method !== "function") throw new Error(`the installed @sigmamind/client has no ${tool.label}`);
  const pick = (names: readonly string[]) =>
    Object.fromEntries(names.filter((name) => args[name] !== undefined).map((name) => [name, args[name]]));
  const inputs: unknown[] = tool.pathParameters.map((name) => args[name]);
  if (tool.bodyFields) inputs.push(pick(tool.bodyFields));
  else if (tool.queryParameters.length > 0 || tool.returns === "page") inputs.push(pick(tool.queryParameters));
  const answer = await method.apply(resource, inputs);
  if (tool.returns !== "page") return answer;
  const { data, page, size, totalCounts, totalPages, hasNext, hasPrevious } = answer as Record<string, unknown>;
  return { data, page, size, totalCounts, totalPages, hasNext, hasPrevious };
}

/** The names of `args` that `tool` does not take: an assistant's typo, said back rather than sent. */
export function unknownArguments(tool: OperationTool, args: Record<string, unknown>, extra: readonly string[] = []) {
  return Object.keys(args).filter((name) => !Object.hasOwn(tool.inputSchema.properties, name) && !extra.includes(name));
}
