// Generates src/generated/tools.ts from the spec's operation table: each operation as an MCP tool, named
// `<resource>_<method>` (`calls_list`), described by the spec's summary and description, its input schema the
// operation's path parameters, query parameters and body fields as the spec gives them ($refs followed). Run
// through `pnpm generate`; the output is git-ignored and never edited.
import { mkdir, writeFile } from "node:fs/promises";
import { loadSpec } from "@sigmamind/spec";
import { kebabCase, operationTable } from "@sigmamind/spec/operation-table";

const loaded = await loadSpec();
const outDir = new URL("../src/generated/", import.meta.url);
const HEADER = "// Generated from spec/openapi.yaml by scripts/generate.mjs. Do not edit: run `pnpm generate`.\n";

/** A schema with every $ref followed and the spec's examples dropped (an assistant reads descriptions). */
function inline(node, depth = 0) {
  if (depth > 20) throw new Error("the spec nests schemas more than 20 deep: a tool's input schema would not end");
  if (Array.isArray(node)) return node.map((item) => inline(item, depth + 1));
  if (!node || typeof node !== "object") return node;
  const resolved = loaded.resolve(node);
  return Object.fromEntries(
    Object.entries(resolved)
      .filter(([key]) => key !== "examples" && key !== "example")
      .map(([key, value]) => [key, key === "properties" ? inlineEach(value, depth) : inline(value, depth + 1)]),
  );
}

function inlineEach(properties, depth) {
  return Object.fromEntries(Object.entries(properties).map(([name, schema]) => [name, inline(schema, depth + 1)]));
}

const tools = operationTable(loaded).map((entry) => {
  const inputs = [...entry.pathParameters, ...entry.queryParameters];
  const properties = Object.fromEntries([
    ...inputs.map((input) => [
      input.name,
      { ...inline(input.schema), ...(input.description && { description: input.description }) },
    ]),
    ...(entry.body?.fields ?? []).map((field) => [field.name, inline(field.schema)]),
  ]);
  const required = [
    ...inputs.filter((input) => input.required).map((input) => input.name),
    ...(entry.body?.fields ?? []).filter((field) => field.required).map((field) => field.name),
  ];
  return {
    name: `${entry.resource}_${kebabCase(entry.name).replaceAll("-", "_")}`,
    label: entry.label,
    resource: entry.resource,
    method: entry.name,
    title: entry.summary ?? entry.label,
    description: [entry.summary, entry.description].filter(Boolean).join(". ").replace(/\.\./g, ".").trim(),
    // A GET reads; anything else changes the account, and is offered only with --allow-writes.
    write: entry.method !== "GET",
    pathParameters: entry.pathParameters.map((parameter) => parameter.name),
    queryParameters: entry.queryParameters.map((parameter) => parameter.name),
    bodyFields: entry.body ? entry.body.fields.map((field) => field.name) : undefined,
    returns: entry.success.kind,
    inputSchema: { type: "object", properties, ...(required.length > 0 && { required }), additionalProperties: false },
  };
});

await mkdir(outDir, { recursive: true });
await writeFile(
  new URL("tools.ts", outDir),
  [
    HEADER,
    'import type { OperationTool } from "../operation-tool.js";',
    "",
    "/** Every operation of the spec, as an MCP tool. */",
    `export const OPERATION_TOOLS: readonly OperationTool[] = ${JSON.stringify(tools, null, 2)};`,
    "",
  ].join("\n"),
);
console.log("generated src/generated/tools.ts");
