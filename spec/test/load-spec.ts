// The spec as the tests read it: through the package's loader, with an Ajv instance that knows its schemas.
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { loadSpec } from "../src/load-spec.mjs";

// biome-ignore lint/suspicious/noExplicitAny: the tests walk and edit the document freely, as plain parsed YAML
export type Spec = any;

const loaded = await loadSpec();

export const spec: Spec = loaded.document;
export const resolve: (node: Spec) => Spec = loaded.resolve;
export const operations = loaded.operations;
export const responseExample: (operationId: string, status: string, name: string) => Spec = loaded.responseExample;

const SPEC_ID = "https://sigmamind.local/openapi.json";

/** An Ajv instance that knows the spec, so `validatorFor("Call")` resolves every `$ref`. */
function createAjv() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addFormat("int32", { type: "number", validate: (n: number) => Number.isInteger(n) && Math.abs(n) < 2 ** 31 });
  ajv.addFormat("int64", { type: "number", validate: (n: number) => Number.isInteger(n) });
  ajv.addSchema({ $id: SPEC_ID, components: spec.components });
  return ajv;
}

const ajv = createAjv();

export function validatorFor(schema: string | object) {
  const target = typeof schema === "string" ? { $ref: `${SPEC_ID}#/components/schemas/${schema}` } : schema;
  return ajv.compile(rewriteRefs(target) as object);
}

function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (node && typeof node === "object") {
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [
        key,
        key === "$ref" && typeof value === "string" && value.startsWith("#/")
          ? `${SPEC_ID}${value}`
          : rewriteRefs(value),
      ]),
    );
  }
  return node;
}
