// Generates, from the spec, what the client checks at run time:
// - src/generated/response-validators.ts: Ajv standalone validators for each success response (opt-in,
//   loaded only when validateResponses is on, so no schema is interpreted on the hot path);
// - src/generated/request-schemas.ts: the constraints of each operation's inputs, checked before sending;
// - src/generated/known-values.ts: the call statuses the spec lists, for help texts and completions;
// - src/generated/version.ts: this package's version, for the User-Agent. It is generated again whenever
//   package.json changes (turbo's inputs), so a release builds with the version `changeset version` wrote.
// Run through `pnpm generate`; the output is git-ignored and never edited.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { loadSpec, withoutDocumentation } from "@sigmamind/spec";
import { _, Ajv } from "ajv";
import standaloneCode from "ajv/dist/standalone/index.js";

const { document: spec, resolve, operations } = await loadSpec();
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

await mkdir(outDir, { recursive: true });
await Promise.all([generateResponseValidators(), generateRequestSchemas(), generateKnownValues(), generateVersion()]);
console.log("generated src/generated/response-validators.ts, request-schemas.ts, known-values.ts and version.ts");
