// The one way to read the spec: parsed and its $refs followed by @redocly/openapi-core, the library that
// openapi-typescript already reads it with for @sigmamind/types, so every consumer sees the same document.
// Types are in load-spec.d.mts.
import { fileURLToPath } from "node:url";
import {
  BaseResolver,
  bundle,
  createConfig,
  detectSpec,
  getTypes,
  isRef,
  normalizeTypes,
  resolveDocument,
  Source,
  YamlParseError,
} from "@redocly/openapi-core";
// The key under which resolveDocument files each $ref; the package root does not re-export it.
import { makeRefId } from "@redocly/openapi-core/lib/resolve.js";

export const specPath = fileURLToPath(new URL("../openapi.yaml", import.meta.url));

const HTTP_METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

export async function loadSpec(path = specPath) {
  const resolver = new BaseResolver();
  let root;
  try {
    root = await resolver.resolveDocument(null, path, true);
  } catch (error) {
    throw loadError(path, describeReadError(error), error);
  }
  const { source, parsed: document } = root;
  let refs;
  try {
    const types = normalizeTypes(getTypes(detectSpec(document)));
    refs = await resolveDocument({ rootDocument: root, externalRefResolver: resolver, rootType: types.Root });
  } catch (error) {
    throw loadError(path, error.message, error);
  }
  const unresolved = [...refs].filter(([, target]) => !target.resolved || target.node === undefined);
  if (unresolved.length > 0) {
    const names = unresolved.map(([refId]) => refId.replace(`${source.absoluteRef}::`, "")).join(", ");
    throw loadError(path, `$ref points at nothing: ${names}`);
  }

  function resolve(node) {
    if (!isRef(node)) return node;
    const target = refs.get(makeRefId(source.absoluteRef, node.$ref));
    if (!target) throw new Error(`${path}: the $ref '${node.$ref}' is not one of the document's references`);
    return target.node;
  }

  function operations() {
    return Object.entries(document.paths ?? {}).flatMap(([route, reference]) => {
      const item = resolve(reference);
      const shared = (item.parameters ?? []).map(resolve);
      return Object.keys(item)
        .filter((key) => HTTP_METHODS.has(key))
        .map((method) => {
          const operation = item[method];
          const own = (operation.parameters ?? []).map(resolve);
          // An operation's parameter replaces a path-level one of the same name and location.
          const inherited = shared.filter(
            (parameter) => !own.some((mine) => mine.name === parameter.name && mine.in === parameter.in),
          );
          return { method, path: route, operation, parameters: [...inherited, ...own] };
        });
    });
  }

  function responseExample(operationId, status, name) {
    const found = operations().find(({ operation }) => operation.operationId === operationId);
    const response = found?.operation.responses?.[status];
    const example = response && resolve(response).content?.["application/json"]?.examples?.[name];
    if (!example) throw new Error(`${path}: ${operationId} has no ${status} example named "${name}"`);
    return resolve(example).value;
  }

  return { path, document, resolve, operations, responseExample };
}

const DOCUMENTATION_KEYWORDS = new Set(["description", "examples", "example", "summary", "title"]);
// Keywords whose object maps names to schemas: a property named `title` is a property, not documentation.
const NAMED_SCHEMAS = new Set([
  "properties",
  "patternProperties",
  "$defs",
  "definitions",
  "dependentSchemas",
  "schemas",
]);

export function withoutDocumentation(node) {
  if (Array.isArray(node)) return node.map(withoutDocumentation);
  if (!node || typeof node !== "object") return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => !DOCUMENTATION_KEYWORDS.has(key))
      .map(([key, value]) => [key, NAMED_SCHEMAS.has(key) ? eachSchema(value) : withoutDocumentation(value)]),
  );
}

function eachSchema(named) {
  if (!named || typeof named !== "object" || Array.isArray(named)) return withoutDocumentation(named);
  return Object.fromEntries(Object.entries(named).map(([name, schema]) => [name, withoutDocumentation(schema)]));
}

export async function dereference(document) {
  // The bundler rewrites the document it is given in place.
  const copy = structuredClone(document);
  const { bundle: result, problems } = await bundle({
    doc: { source: new Source(specPath, ""), parsed: copy },
    config: await createConfig({}),
    dereference: true,
  });
  const errors = problems.filter((problem) => problem.severity === "error");
  if (errors.length > 0) {
    const where = errors.map((problem) => `${problem.message} at ${problem.location[0]?.pointer}`).join("; ");
    throw new Error(`Cannot dereference the OpenAPI document: ${where}`);
  }
  try {
    JSON.stringify(result.parsed);
  } catch {
    // A recursive schema dereferences to a cycle, which no tool that walks the whole document can finish.
    throw new Error("Cannot dereference the OpenAPI document: a $ref leads back to itself (a recursive schema)");
  }
  return result.parsed;
}

function describeReadError(error) {
  if (error instanceof YamlParseError) {
    return `invalid YAML at line ${error.line}, column ${error.col}: ${error.originalError.reason ?? error.message}`;
  }
  return error.message;
}

function loadError(path, reason, cause) {
  return new Error(`Cannot load the OpenAPI document ${path}: ${reason}`, { cause });
}
