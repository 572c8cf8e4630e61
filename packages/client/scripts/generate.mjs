// Generates, from the spec, what the client checks at run time:
// - src/generated/response-validators.ts: Ajv standalone validators for each success response (opt-in,
//   loaded only when validateResponses is on, so no schema is interpreted on the hot path);
// - src/generated/request-schemas.ts: the constraints of each operation's inputs, checked before sending;
// - src/generated/known-values.ts: the call statuses the spec lists, for help texts and completions;
// - src/generated/operations.ts: each operation of the spec's operation table as the client sends it;
// - src/generated/resources.ts: a class per resource with a method per operation, each one line: the table's
//   entry and the arguments (src/resources/ adds what the spec cannot say, such as calls.waitFor);
// - src/generated/version.ts: this package's version, for the User-Agent. It is generated again whenever
//   package.json changes (turbo's inputs), so a release builds with the version `changeset version` wrote.
// Run through `pnpm generate`; the output is git-ignored and never edited.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { loadSpec, withoutDocumentation } from "@sigmamind/spec";
import { operationTable } from "@sigmamind/spec/operation-table";
import { _, Ajv } from "ajv";
import standaloneCode from "ajv/dist/standalone/index.js";

const loaded = await loadSpec();
const { document: spec, resolve, operations } = loaded;
const table = operationTable(loaded);
const outDir = new URL("../src/generated/", import.meta.url);
const HEADER = "// Generated from spec/openapi.yaml by scripts/generate.mjs. Do not edit: run `pnpm generate`.\n";

/** The schema name of each operation's JSON success response: { listCalls: "CallListResponse", ... }. */
function successSchemas() {
  const byOperation = {};
  for (const { operation } of operations()) {
    const success = operation.responses?.["200"];
    const ref = success && resolve(success).content?.["application/json"]?.schema?.$ref;
    if (ref) byOperation[operation.operationId] = ref.split("/").pop();
  }
  return byOperation;
}

async function generateResponseValidators() {
  const SPEC_ID = "sigmamind";
  const ajv = new Ajv({
    strict: false,
    allErrors: false,
    code: { source: true, esm: true, optimize: true, formats: _`formats` },
  });
  // Only the format names and the types they apply to matter here; the checks live in response-formats.ts.
  for (const [name, type] of [
    ["date-time", "string"],
    ["uri", "string"],
    ["int32", "number"],
    ["int64", "number"],
  ]) {
    ajv.addFormat(name, { type, validate: () => true });
  }
  ajv.addSchema({ $id: SPEC_ID, components: withoutDocumentation(spec.components) });
  const schemas = successSchemas();
  const names = [...new Set(Object.values(schemas))];
  const exports = Object.fromEntries(
    names.map((name) => [`validate${name}`, `${SPEC_ID}#/components/schemas/${name}`]),
  );
  const code = standaloneCode.default(ajv, exports).replace(/^"use strict";/, "");
  const source = [
    HEADER,
    "// @ts-nocheck",
    'import { formats } from "../internal/response-formats.js";',
    code,
    `export const schemaByOperation = ${JSON.stringify(schemas)};`,
    "",
  ].join("\n");
  await writeFile(new URL("response-validators.ts", outDir), source);
}

async function generateRequestSchemas() {
  const inputsByOperation = {};
  for (const { operation, parameters } of operations()) {
    const inputs = {};
    for (const location of ["path", "query"]) {
      const group = parameters.filter((parameter) => parameter.in === location);
      if (group.length === 0) continue;
      const required = group.filter((parameter) => parameter.required).map((parameter) => parameter.name);
      inputs[location] = {
        properties: Object.fromEntries(group.map((parameter) => [parameter.name, schemaOf(parameter.schema)])),
        ...(required.length > 0 && { required }),
      };
    }
    const body = operation.requestBody && resolve(operation.requestBody).content?.["application/json"]?.schema;
    if (body) inputs.body = schemaOf(body);
    inputsByOperation[operation.operationId] = inputs;
  }
  const source = [
    HEADER,
    'import type { RequestSchemas } from "../internal/check-inputs.js";',
    "",
    `export const requestSchemas = ${JSON.stringify(inputsByOperation)} as const satisfies RequestSchemas;`,
    "",
  ].join("\n");
  await writeFile(new URL("request-schemas.ts", outDir), source);
}

/** Inlines references and keeps the keywords the request checks use. */
function schemaOf(node) {
  const schema = resolve(node);
  const KEPT = ["type", "pattern", "minLength", "maxLength", "minimum", "maximum", "required", "maxProperties"];
  const out = Object.fromEntries(KEPT.filter((key) => key in schema).map((key) => [key, schema[key]]));
  if (schema.anyOf) {
    // An open enum (anyOf: [{ enum }, { type: string }]) reduces to the same branch twice, as enums are not
    // checked (the API may add values): one is enough.
    const branches = [
      ...new Map(schema.anyOf.map(schemaOf).map((branch) => [JSON.stringify(branch), branch])).values(),
    ];
    if (branches.length === 1) Object.assign(out, branches[0]);
    else out.anyOf = branches;
  }
  if (schema.properties) {
    out.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([key, value]) => [key, schemaOf(value)]),
    );
  }
  if (typeof schema.additionalProperties === "object") out.additionalProperties = schemaOf(schema.additionalProperties);
  // An example helps a message only where a pattern is hard to read.
  const example = schema.examples?.[0] ?? schema.example;
  if (example !== undefined && schema.pattern) out.example = example;
  return out;
}

async function generateKnownValues() {
  const statuses = resolve(spec.components.schemas.CallStatus).anyOf.flatMap((branch) => branch.enum ?? []);
  await writeFile(
    new URL("known-values.ts", outDir),
    `${HEADER}\n/** The call statuses the spec lists. The API may send others: a status is any string. */\nexport const KNOWN_CALL_STATUSES = ${JSON.stringify(statuses)} as const;\n`,
  );
}

async function generateVersion() {
  const { version } = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8"));
  await writeFile(new URL("version.ts", outDir), `${HEADER}\nexport const VERSION = ${JSON.stringify(version)};\n`);
}

/** `calls` → `Calls`. */
const pascalCase = (name) => name[0].toUpperCase() + name.slice(1);

/** A doc comment from the spec's words: its summary, then its description. */
function docComment(entry, indent) {
  const text = [entry.summary, entry.description].filter(Boolean).join("\n\n").replaceAll("*/", "*\\/").trim();
  if (!text) return "";
  const lines = text.split("\n").map((line) => `${indent} *${line ? ` ${line}` : ""}`);
  return `${indent}/**\n${lines.join("\n")}\n${indent} */\n`;
}

/** The type of a schema the table names, or of the operation's own when it is written inline. */
function bodyType(named, inline) {
  return named ? `components["schemas"][${JSON.stringify(named)}]` : inline;
}

function resourceMethod(entry) {
  const id = JSON.stringify(entry.id);
  const args = entry.pathParameters.map(({ name }) => `${name}: string`);
  const path = entry.pathParameters.length
    ? `path: { ${entry.pathParameters.map(({ name }) => name).join(", ")} }`
    : "";
  const input = [path];
  const queryType = `NonNullable<operations[${id}]["parameters"]["query"]>`;
  const queryRequired = entry.queryParameters.some(({ required }) => required);
  if (entry.success.kind === "page") {
    const item = entry.success.item ? `components["schemas"][${JSON.stringify(entry.success.item)}]` : "unknown";
    args.push(`params: ${queryType}${queryRequired ? "" : " = {}"}`, "options: ListOptions = {}");
    return `  ${entry.name}(${args.join(", ")}): PagePromise<${item}> {
    return this.listing(operation.${entry.id}, { ${[path, "query: params"].filter(Boolean).join(", ")} }, options, ${JSON.stringify(entry.keyField)});
  }`;
  }
  if (entry.queryParameters.length) {
    args.push(`params: ${queryType}${queryRequired ? "" : " = {}"}`);
    input.push("query: params");
  }
  if (entry.body) {
    const inline = `NonNullable<operations[${id}]["requestBody"]>["content"]["application/json"]`;
    args.push(`body: ${bodyType(entry.body.schema, inline)}`);
    input.push("body");
  }
  args.push("options: RequestOptions = {}");
  const returns =
    entry.success.kind === "nothing"
      ? "void"
      : bodyType(
          entry.success.schema,
          `operations[${id}]["responses"][${entry.success.status}]["content"]["application/json"]`,
        );
  return `  ${entry.name}(${args.join(", ")}): APIPromise<${returns}> {
    return this.request(operation.${entry.id}, { ${input.filter(Boolean).join(", ")} }, options);
  }`;
}

async function generateOperations() {
  const operationsSource = [
    HEADER,
    'import type { Operation } from "../core/operation.js";',
    "",
    ...table.map(
      (entry) =>
        `export const ${entry.id} = ${JSON.stringify({
          label: entry.label,
          id: entry.id,
          method: entry.method,
          path: entry.path,
          returns: entry.success.kind,
        })} as const satisfies Operation;`,
    ),
    "",
  ].join("\n");
  await writeFile(new URL("operations.ts", outDir), operationsSource);

  const resources = [...new Set(table.map((entry) => entry.resource))];
  const classes = resources.map((resource) => {
    const methods = table
      .filter((entry) => entry.resource === resource)
      .map((entry) => `${docComment(entry, "  ")}${resourceMethod(entry)}`);
    return `/** \`client.${resource}\`: the operations of the spec under /${resource}. */
export class ${pascalCase(resource)}Resource extends Resource {
${methods.join("\n\n")}
}`;
  });
  const resourcesSource = [
    HEADER,
    'import type { components, operations } from "@sigmamind/types";',
    'import type { APIPromise } from "../core/api-promise.js";',
    'import type { PagePromise } from "../core/pagination.js";',
    'import type { RequestOptions } from "../core/request-options.js";',
    'import { type ListOptions, Resource } from "../core/resource.js";',
    'import * as operation from "./operations.js";',
    "",
    classes.join("\n\n"),
    "",
    "/** Each resource of the spec, as a property of the client. */",
    "export interface Resources {",
    ...resources.map((resource) => `  readonly ${resource}: ${pascalCase(resource)}Resource;`),
    "}",
    "",
    "/** The class of each resource, by the client's property. */",
    `export const RESOURCES = { ${resources.map((resource) => `${resource}: ${pascalCase(resource)}Resource`).join(", ")} };`,
    "",
  ].join("\n");
  await writeFile(new URL("resources.ts", outDir), resourcesSource);
}

await mkdir(outDir, { recursive: true });
await Promise.all([
  generateResponseValidators(),
  generateRequestSchemas(),
  generateKnownValues(),
  generateVersion(),
  generateOperations(),
]);
console.log(
  "generated src/generated/response-validators.ts, request-schemas.ts, known-values.ts, version.ts, operations.ts and resources.ts",
);
