// Generates src/generated/operations.ts from the spec's operation table: each operation as a command of the CLI
// (`sigmamind calls list`), its path parameters as arguments and its query parameters and top-level body fields
// as flags, each with the type, bounds and known values the spec gives. The commands the CLI writes by hand
// (src/command-tree.ts) replace the generated ones of the same name; every other operation gets the generic
// command (src/commands/operation-command.ts). Run through `pnpm generate`; the output is git-ignored.
import { mkdir, writeFile } from "node:fs/promises";
import { loadSpec } from "@sigmamind/spec";
import { operationTable } from "@sigmamind/spec/operation-table";

const loaded = await loadSpec();
const outDir = new URL("../src/generated/", import.meta.url);
const HEADER = "// Generated from spec/openapi.yaml by scripts/generate.mjs. Do not edit: run `pnpm generate`.\n";

/** The values an open or closed enum lists: `enum`, or the enum branch of `anyOf: [enum, string]`. */
function knownValues(schema) {
  if (Array.isArray(schema.enum)) return schema.enum.map(String);
  const branch = (schema.anyOf ?? []).map((node) => loaded.resolve(node)).find((node) => Array.isArray(node.enum));
  return branch ? branch.enum.map(String) : undefined;
}

/** What a flag's value is read as: a whole number, true or false, NAME=VALUE pairs (an object), or text. */
function valueKind(schema) {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === "integer" || type === "number") return "number";
  if (type === "boolean") return "boolean";
  if (type === "object") return "pairs";
  return "text";
}

function flagOf({ name, flag, required, schema, description }) {
  const resolved = loaded.resolve(schema);
  return {
    name,
    flag,
    kind: valueKind(resolved),
    required,
    description: (description ?? resolved.description ?? "").split("\n")[0].replace(/\.$/, ""),
    known: knownValues(resolved),
    minimum: resolved.minimum,
    maximum: resolved.maximum,
  };
}

/** The top-level fields of a schema the table names whose values are text or numbers: a table's columns. */
function columnsOf(schemaName) {
  const schema = schemaName && loaded.resolve(loaded.document.components?.schemas?.[schemaName]);
  return Object.entries(schema?.properties ?? {})
    .filter(([, node]) => ["text", "number", "boolean"].includes(valueKind(loaded.resolve(node))) || node.anyOf)
    .map(([name]) => name);
}

const operations = operationTable(loaded).map((entry) => ({
  label: entry.label,
  group: entry.command[0],
  name: entry.command[1],
  resource: entry.resource,
  method: entry.name,
  summary: (entry.summary ?? entry.label).replace(/\.$/, "").toLowerCase(),
  safeToRepeat: entry.safeToRepeat,
  args: entry.pathParameters.map(({ name, argument }) => ({ name, argument })),
  query: entry.queryParameters.map(flagOf),
  body: entry.body?.fields.map(flagOf),
  returns: entry.success.kind,
  columns: columnsOf(entry.success.kind === "page" ? entry.success.item : entry.success.schema),
}));

await mkdir(outDir, { recursive: true });
await writeFile(
  new URL("operations.ts", outDir),
  [
    HEADER,
    'import type { OperationCommandSpec } from "../commands/operation-command.js";',
    "",
    "/** Every operation of the spec, as a command of the CLI. */",
    `export const OPERATIONS: readonly OperationCommandSpec[] = ${JSON.stringify(operations, null, 2)};`,
    "",
  ].join("\n"),
);
console.log("generated src/generated/operations.ts");
