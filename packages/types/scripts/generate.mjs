// Generates src/generated/openapi.d.ts from the spec. Run through `pnpm generate`; the output is never edited.
import { mkdir, writeFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { specPath } from "@sigmamind/spec";
import openapiTS, { astToString, STRING, tsLiteral, tsUnion } from "openapi-typescript";
import ts from "typescript";

const outFile = new URL("../src/generated/openapi.d.ts", import.meta.url);

/**
 * The spec writes an open enum as `anyOf: [{ type: string, enum: [...] }, { type: string }]`: known values
 * are documented, any other string is valid. openapi-typescript would emit `"a" | "b" | string`, which
 * TypeScript collapses to `string` and so loses autocompletion; `"a" | "b" | (string & {})` keeps both.
 */
function openEnum(schema) {
  const [known, other, ...rest] = schema.anyOf ?? [];
  const isOpen =
    rest.length === 0 &&
    known?.type === "string" &&
    Array.isArray(known.enum) &&
    other?.type === "string" &&
    Object.keys(other).length === 1;
  if (!isOpen) return undefined;
  const anyOtherString = ts.factory.createIntersectionTypeNode([STRING, ts.factory.createTypeLiteralNode([])]);
  return tsUnion([...known.enum.map((value) => tsLiteral(value)), anyOtherString]);
}

const ast = await openapiTS(pathToFileURL(specPath), {
  rootTypes: true,
  rootTypesNoSchemaPrefix: true,
  transform: (schema) => openEnum(schema),
});

await mkdir(new URL(".", outFile), { recursive: true });
await writeFile(outFile, astToString(ast));
console.log("generated src/generated/openapi.d.ts from spec/openapi.yaml");
