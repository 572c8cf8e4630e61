import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parse } from "yaml";

// biome-ignore lint/suspicious/noExplicitAny: the spec is plain parsed YAML, walked by the tests
export type Spec = any;

export const spec: Spec = parse(readFileSync(new URL("../openapi.yaml", import.meta.url), "utf8"));

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
  return ajv.compile(rewriteRefs(target));
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

export function resolve(node: Spec): Spec {
  if (node && typeof node.$ref === "string") {
    const path = node.$ref.replace(/^#\//, "").split("/");
    return resolve(path.reduce((at: Spec, key: string) => at[key], spec));
  }
  return node;
}

export const HTTP_METHODS = ["get", "post", "put", "patch", "delete"] as const;

export function operations(): { path: string; method: string; operation: Spec }[] {
  return Object.entries(spec.paths).flatMap(([path, item]: [string, Spec]) =>
    HTTP_METHODS.filter((method) => item[method]).map((method) => ({ path, method, operation: item[method] })),
  );
}
