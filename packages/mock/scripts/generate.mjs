// Generates, from the spec, what the sandbox reads at run time, so that no list of operations, statuses or
// constraints is written by hand:
// - src/generated/operations.ts: the operation table (method, path, parameters, request body, documented
//   statuses with their body schema and headers), which routes requests and answers `Prefer: code=N`;
// - src/generated/body-validators.ts and text-validators.ts: Ajv standalone validators for every operation's
//   parameters and request body, and every documented answer's body and headers, compiled here once so the
//   sandbox starts without compiling a schema;
// - src/generated/formats.ts: the checks of the formats the spec uses, ajv-formats' "fast" ones written out as
//   regular expressions, so the sandbox bundles no CommonJS module (which would make a browser bundle fail).
// Run through `pnpm generate`; the output is git-ignored and never edited.
import { mkdir, writeFile } from "node:fs/promises";
import { loadSpec, withoutDocumentation } from "@sigmamind/spec";
import { operationTable } from "@sigmamind/spec/operation-table";
import { _, Ajv } from "ajv";
import standaloneCode from "ajv/dist/standalone/index.js";
import { fastFormats } from "ajv-formats/dist/formats.js";

const loaded = await loadSpec();
const { document: spec, resolve, operations } = loaded;
// The shape of each operation, by the spec's operation table: what the generic behaviour of the sandbox reads.
const shapes = new Map(operationTable(loaded).map((entry) => [entry.id, entry]));
const outDir = new URL("../src/generated/", import.meta.url);
const HEADER = "// Generated from spec/openapi.yaml by scripts/generate.mjs. Do not edit: run `pnpm generate`.\n";
const SPEC_ID = "sigmamind";
const FORMATS = [
  ["date-time", "string"],
  ["uri", "string"],
  ["int32", "number"],
  ["int64", "number"],
];

/** A schema as Ajv compiles it: a `$ref` into the spec's components points into the schema added under SPEC_ID. */
function compilable(schema) {
  return JSON.parse(
    JSON.stringify(withoutDocumentation(schema)).replaceAll('"#/components/', `"${SPEC_ID}#/components/`),
  );
}

function ajvFor(options) {
  const ajv = new Ajv({
    strict: false,
    allErrors: false,
    ...options,
    code: { source: true, esm: true, optimize: true, formats: _`formats` },
  });
  // Only the names and the types they apply to matter here; the checks are written to formats.ts.
  for (const [name, type] of FORMATS) ajv.addFormat(name, { type, validate: () => true });
  ajv.addSchema({ $id: SPEC_ID, components: withoutDocumentation(spec.components) });
  return ajv;
}

const table = [];
// Validators of values as JSON carries them (bodies), and of parameters and headers, which arrive as text and
// are read as their schema's type first (Ajv's coerceTypes).
const bodyValidators = {};
const textValidators = {};
const nameOf = (...parts) => parts.map((part) => part.replace(/[^A-Za-z0-9]/g, "_")).join("_");
/** The body validator of `schema`: one per component a `$ref` names, shared by every place that names it. */
function bodyValidator(schema, inlineName) {
  const component = /^#\/components\/schemas\/([^/]+)$/.exec(schema.$ref ?? "")?.[1];
  const name = component ? nameOf("schema", component) : inlineName;
  bodyValidators[name] ??= compilable(schema);
  return name;
}

for (const { method, path, operation, parameters } of operations()) {
  const id = operation.operationId;
  const shaped = shapes.get(id);
  const entry = {
    id,
    method: method.toUpperCase(),
    path,
    resource: shaped.resource,
    returns: shaped.success.kind,
    // A path that ends in a parameter names one record: `/v1/agents/{agentId}`.
    one: /\}$/.test(path),
    pathParameters: parameters.filter((p) => p.in === "path").map((p) => p.name),
    queryParameters: parameters.filter((p) => p.in === "query").map((p) => p.name),
    parametersValidator: nameOf("parameters", id),
    requestBody: undefined,
    responses: {},
  };
  const group = (location) => {
    const found = parameters.filter((p) => p.in === location);
    return {
      type: "object",
      properties: Object.fromEntries(found.map((p) => [p.name, compilable(p.schema)])),
      required: found.filter((p) => p.required).map((p) => p.name),
    };
  };
  textValidators[entry.parametersValidator] = {
    type: "object",
    properties: { path: group("path"), query: group("query") },
  };
  if (operation.requestBody) {
    const body = resolve(operation.requestBody);
    const json = body.content?.["application/json"];
    if (json?.schema) {
      const validator = bodyValidator(json.schema, nameOf("request", id));
      entry.requestBody = { required: body.required === true, mediaType: "application/json", validator };
    }
  }
  for (const [status, reference] of Object.entries(operation.responses ?? {})) {
    const response = resolve(reference);
    const json = response.content?.["application/json"];
    const answer = { status: Number(status), body: undefined, headers: [] };
    if (json?.schema) {
      answer.body = bodyValidator(json.schema, nameOf("response", id, status));
    }
    for (const [name, headerReference] of Object.entries(response.headers ?? {})) {
      const header = resolve(headerReference);
      const validator = nameOf("header", id, status, name);
      textValidators[validator] = compilable(header.schema ?? {});
      answer.headers.push({ name: name.toLowerCase(), required: header.required === true, validator });
    }
    entry.responses[status] = answer;
  }
  table.push(entry);
}

// The body of every answer the sandbox gives outside the API's operations (a route the API lacks, a body too
// large): the API's error body.
const errorSchema = spec.components?.schemas?.ErrorResponse;
if (!errorSchema) throw new Error("spec/openapi.yaml has no ErrorResponse schema, which every refusal answers with");
const errorBodyValidator = bodyValidator({ $ref: "#/components/schemas/ErrorResponse" });

function standalone(ajv, schemas) {
  for (const [name, schema] of Object.entries(schemas)) ajv.addSchema(schema, name);
  const exports = Object.fromEntries(Object.keys(schemas).map((name) => [name, name]));
  const code = standaloneCode
    .default(ajv, exports)
    .replace(/^"use strict";/, "")
    // Ajv's standalone ESM still requires its length helper; formats.ts has one.
    .replaceAll('require("ajv/dist/runtime/ucs2length").default', "ucs2length");
  const required = /require\("[^"]+"\)/.exec(code);
  if (required)
    throw new Error(
      `the generated validators ${required[0]}, which an ES module cannot: map it in scripts/generate.mjs`,
    );
  return code;
}

const validators = [
  HEADER,
  "// @ts-nocheck",
  'import { formats, ucs2length } from "./formats.js";',
  standalone(ajvFor({}), bodyValidators),
  "",
].join("\n");
const textValidatorsSource = [
  HEADER,
  "// @ts-nocheck",
  'import { formats, ucs2length } from "./formats.js";',
  standalone(ajvFor({ coerceTypes: true, useDefaults: true }), textValidators),
  "",
].join("\n");

// The values the spec lists for each open enum (`anyOf: [{ enum }, { type: string }]`), which the seeded calls
// walk through.
const knownValues = Object.fromEntries(
  Object.entries(spec.components?.schemas ?? {}).flatMap(([name, schema]) => {
    const values = (schema.anyOf ?? []).flatMap((branch) => resolve(branch).enum ?? []);
    return values.length > 0 ? [[name, values]] : [];
  }),
);

// The example values the spec gives a property where it publishes no list of values (an agent's `status`), by
// `Schema.property`: the seeded data uses them as it uses an enum's.
const propertyExamples = Object.fromEntries(
  Object.entries(spec.components?.schemas ?? {}).flatMap(([name, schema]) =>
    Object.entries(schema.properties ?? {}).flatMap(([property, node]) => {
      const examples = resolve(node).examples;
      return Array.isArray(examples) && examples.length > 0 && !resolve(node).enum
        ? [[`${name}.${property}`, examples]]
        : [];
    }),
  ),
);

/** A value of `schema` for record `n` of `resource`: an example the spec gives, an enum's value, or one of its type. */
function sampleOf(schema, name, resource, n) {
  const node = resolve(schema);
  const examples = node.examples ?? (node.example === undefined ? undefined : [node.example]);
  if (examples?.length) return examples[(n - 1) % examples.length];
  const listed = node.enum ?? (node.anyOf ?? []).map(resolve).find((branch) => branch.enum)?.enum;
  if (listed?.length) return listed[(n - 1) % listed.length];
  const type = Array.isArray(node.type) ? node.type[0] : (node.type ?? resolve(node.anyOf?.[0] ?? {}).type);
  if (type === "integer" || type === "number") return n;
  if (type === "boolean") return n % 2 === 0;
  if (type === "object") return {};
  if (type === "array") return [];
  if (node.format === "date-time") return new Date(Date.UTC(2026, 0, n)).toISOString();
  if (node.format === "uri") return `https://example.com/${resource}/${n}`;
  return `${name} ${n}`;
}

/**
 * The records the sandbox serves for each resource it has no store of its own for (the calls have theirs): three,
 * made from the schema of the resource's items, each property by `sampleOf` and the key `<resource>-<n>`. They are
 * checked against the spec like every answer: a schema they break (a pattern, say) is a violation the sandbox names.
 */
const seedRecords = {};
for (const entry of shapes.values()) {
  const item = entry.success.kind === "page" ? entry.success.item : undefined;
  if (!item || seedRecords[entry.resource]) continue;
  const schema = resolve(spec.components.schemas[item]);
  const { keyField } = entry;
  const singular = entry.resource.replace(/s$/, "");
  seedRecords[entry.resource] = {
    keyField,
    records: [1, 2, 3].map((n) =>
      Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([name, property]) => [
          name,
          name === keyField ? `${singular}-${n}` : sampleOf(property, name, entry.resource, n),
        ]),
      ),
    ),
  };
}

const operationsSource = [
  HEADER,
  'import type { Operation } from "../sandbox/operation.js";',
  "",
  "/** Every operation of spec/openapi.yaml, in document order. */",
  `export const OPERATIONS = ${JSON.stringify(table, null, 2)} as const satisfies readonly Operation[];`,
  "",
  'export type OperationId = (typeof OPERATIONS)[number]["id"];',
  "",
  "/** The values the spec lists for each of its open enums, by schema name. */",
  `export const KNOWN_VALUES = ${JSON.stringify(knownValues, null, 2)} as const;`,
  "",
  "/** The example values the spec gives a property with no published list of values, by `Schema.property`. */",
  `export const PROPERTY_EXAMPLES = ${JSON.stringify(propertyExamples, null, 2)} as const;`,
  "",
  "/** The records the generic behaviour serves for each resource, with the field that tells them apart. */",
  `export const SEED_RECORDS: Readonly<Record<string, { readonly keyField: string; readonly records: readonly Record<string, unknown>[] }>> = ${JSON.stringify(seedRecords, null, 2)};`,
  "",
  "/** The validator of the API's error body, which every answer outside an operation has. */",
  `export const ERROR_BODY_VALIDATOR = ${JSON.stringify(errorBodyValidator)};`,
  "",
].join("\n");

// ajv-formats' "fast" checks (MIT; its license ships in dist/THIRD-PARTY-NOTICES.md), as the client's are: a
// date-time is checked in every call's timestamps, and the full check catches only impossible calendar dates.
const formatsSource = [
  HEADER,
  `const DATE_TIME = ${fastFormats["date-time"].validate};`,
  `const URI = ${fastFormats.uri};`,
  "const INT32_MIN = -(2 ** 31);",
  "const INT32_MAX = 2 ** 31 - 1;",
  "",
  "/** Keyed by format name; each has the `validate` function that Ajv's generated code calls. */",
  "export const formats = {",
  '  "date-time": { validate: (value: string) => DATE_TIME.test(value) },',
  "  uri: { validate: (value: string) => URI.test(value) },",
  "  int32: { validate: (value: number) => Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX },",
  "  int64: { validate: (value: number) => Number.isInteger(value) },",
  "};",
  "",
  "/** A string's length in characters (code points), as JSON Schema's `minLength` and `maxLength` count it. */",
  "export function ucs2length(text: string): number {",
  "  let length = 0;",
  "  for (const _ of text) length++;",
  "  return length;",
  "}",
  "",
].join("\n");

await mkdir(outDir, { recursive: true });
await Promise.all([
  writeFile(new URL("operations.ts", outDir), operationsSource),
  writeFile(new URL("formats.ts", outDir), formatsSource),
  writeFile(new URL("body-validators.ts", outDir), validators),
  writeFile(new URL("text-validators.ts", outDir), textValidatorsSource),
]);
console.log(
  "generated src/generated/operations.ts (operations, known values), body-validators.ts, text-validators.ts and formats.ts",
);
