// The OpenAPI document the reference page renders: the spec as written, plus what only the site adds. Each
// operation carries its tested request samples as `x-codeSamples`, which Scalar shows in place of the samples it
// would write itself; a limit Scalar does not print (`maxProperties`) is stated in the description; and the
// introduction says how "try it" reaches the sandbox.
import type { LoadedSpec, OpenAPIV3_1 } from "@sigmamind/spec";
import { requestSamples } from "./samples/request-samples.js";

export interface CodeSample {
  lang: string;
  label: string;
  source: string;
}

const TRY_IT_NOTE = `
## Trying it

"Test Request" sends to the local sandbox this site was served with (\`pnpm start\` runs both), never to the
live API. The sandbox accepts any API key. To see an error response, add the header \`Prefer: code=429\`, or
any other status the operation documents (\`code=404\` on get and delete); the sandbox answers it as the API
would.`;

export function siteSpec(spec: LoadedSpec): OpenAPIV3_1.Document {
  const document = structuredClone(spec.document);
  document.info.description = `${document.info.description ?? ""}\n${TRY_IT_NOTE}`.trim();
  const samples = new Map(requestSamples(spec).map((sample) => [sample.operationId, sample]));
  for (const pathItem of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(pathItem ?? {})) {
      const sample = samples.get((operation as OpenAPIV3_1.OperationObject)?.operationId ?? "");
      if (!sample) continue;
      const codeSamples: CodeSample[] = [
        { lang: "Shell", label: "curl", source: sample.curl },
        { lang: "TypeScript", label: "TypeScript", source: sample.typescript },
        { lang: "Shell", label: "CLI", source: sample.cli },
      ];
      Object.assign(operation as object, { "x-codeSamples": codeSamples });
    }
  }
  visitSchemas(document, (schema) => {
    if (typeof schema.maxProperties === "number") {
      const limit = `At most ${schema.maxProperties} ${schema.maxProperties === 1 ? "entry" : "entries"}.`;
      schema.description = schema.description ? `${schema.description} ${limit}` : limit;
    }
  });
  return document;
}

/** Calls `visit` on every object under a `schema`, `schemas`, `properties` or `items` key, nested ones too. */
function visitSchemas(node: unknown, visit: (schema: OpenAPIV3_1.SchemaObject) => void, inSchema = false): void {
  if (Array.isArray(node)) {
    for (const item of node) visitSchemas(item, visit, inSchema);
    return;
  }
  if (node === null || typeof node !== "object") return;
  if (inSchema) visit(node as OpenAPIV3_1.SchemaObject);
  for (const [key, value] of Object.entries(node)) {
    const schemaKey = ["schema", "items", "additionalProperties", "not"].includes(key);
    const schemaMap = ["schemas", "properties", "patternProperties"].includes(key);
    const schemaList = ["allOf", "anyOf", "oneOf", "prefixItems"].includes(key);
    if (schemaMap && value && typeof value === "object") {
      for (const child of Object.values(value)) visitSchemas(child, visit, true);
    } else {
      visitSchemas(value, visit, schemaKey || schemaList);
    }
  }
}
