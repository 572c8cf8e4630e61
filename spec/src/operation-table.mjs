// The operation table: every operation of the spec as the packages built from it read it (the client's resource
// methods, the sandbox's routes, the CLI's commands and flags, the docs' samples, the drift check), derived here
// once by one naming rule, so that no package lists operations by hand. Each package's generator writes the part
// it needs into its own src/generated/. Types are in operation-table.d.mts.
//
// The naming rule (CONTRIBUTING.md, "Adding an operation"):
// - the resource is the first path segment after the version (`/v1/calls/{callId}` → `calls`), in camelCase;
// - the method is the verb that starts the operationId (`listCalls` → `list`, `getCall` → `get`,
//   `updateCall` → `update`);
// - `x-sigmamind-name: resource.method` on the operation replaces both where the rule gives the wrong name;
// - the CLI command is the two in kebab-case (`sigmamind calls list`); path parameters are its arguments, and
//   query parameters and top-level body fields its flags (`toPhoneNumber` → `--to-phone-number`).

/** Methods that may be sent again after a failure: the same request twice has the effect of once. */
const SAFE_TO_REPEAT = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);

/** The extension that names an operation where the rule gives the wrong name: `x-sigmamind-name: calls.list`. */
export const NAME_EXTENSION = "x-sigmamind-name";

const NAME = /^[a-z][A-Za-z0-9]*$/;

/** `phone-numbers` → `phoneNumbers`. */
export function camelCase(text) {
  return text.replace(/[-_]+([a-zA-Z0-9])/g, (_, letter) => letter.toUpperCase());
}

/** `toPhoneNumber` → `to-phone-number`. */
export function kebabCase(text) {
  return text.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
}

/** `callId` → `CALL_ID`: how help names a path parameter given as an argument. */
export function argumentName(text) {
  return kebabCase(text).replaceAll("-", "_").toUpperCase();
}

/**
 * The resource and method an operation is known by: from `x-sigmamind-name`, else from its path and operationId.
 * Throws naming the operation when neither gives a usable name.
 */
export function operationName(path, operation) {
  const where = `${operation.operationId ?? path}`;
  const given = operation[NAME_EXTENSION];
  if (given !== undefined) {
    const [resource, method, ...rest] = typeof given === "string" ? given.split(".") : [];
    if (rest.length > 0 || !NAME.test(resource ?? "") || !NAME.test(method ?? "")) {
      throw new Error(
        `${where}: ${NAME_EXTENSION} must be "resource.method" in camelCase, got ${JSON.stringify(given)}`,
      );
    }
    return { resource, method };
  }
  const segments = path.split("/").filter(Boolean);
  const first = /^v\d+$/.test(segments[0] ?? "") ? segments[1] : segments[0];
  if (!first || first.startsWith("{")) {
    throw new Error(`${where}: its path ${path} names no resource; give it ${NAME_EXTENSION}: resource.method`);
  }
  const verb = /^[a-z]+/.exec(operation.operationId ?? "")?.[0];
  if (!verb) {
    throw new Error(`${where}: an operationId starting with a verb (listCalls) names the method; give it one`);
  }
  return { resource: camelCase(first), method: verb };
}

/** The name a `$ref` to a component schema gives, or undefined for an inline schema. */
function componentName(schema) {
  return /^#\/components\/schemas\/([^/]+)$/.exec(schema?.$ref ?? "")?.[1];
}

/**
 * How an operation's success body reads: a page of items (the list envelope: `data`, an array, and `hasNext`),
 * one object, or nothing.
 */
function successShape(resolve, responses) {
  const [status, reference] = Object.entries(responses ?? {}).find(([code]) => /^2\d\d$/.test(code)) ?? [];
  if (!reference) return { status: undefined, kind: "nothing" };
  const schema = resolve(reference).content?.["application/json"]?.schema;
  if (!schema) return { status: Number(status), kind: "nothing" };
  const resolved = resolve(schema);
  const data = resolved.properties?.data;
  if (resolved.properties?.hasNext && data && resolve(data).type === "array") {
    return {
      status: Number(status),
      kind: "page",
      schema: componentName(schema),
      item: componentName(resolve(data).items),
    };
  }
  return { status: Number(status), kind: "object", schema: componentName(schema) };
}

/** Every operation of `loaded` (what loadSpec gives), in the spec's order, named and described for every consumer. */
export function operationTable({ operations, resolve }) {
  const table = operations().map(({ method, path, operation, parameters }) => {
    const { resource, method: name } = operationName(path, operation);
    const verb = method.toUpperCase();
    const inputs = (location) =>
      parameters
        .filter((parameter) => parameter.in === location)
        .map((parameter) => ({
          name: parameter.name,
          required: parameter.required === true,
          schema: resolve(parameter.schema ?? {}),
          description: parameter.description,
          ...(location === "query" && { flag: `--${kebabCase(parameter.name)}` }),
          ...(location === "path" && { argument: argumentName(parameter.name) }),
        }));
    const bodySchema = operation.requestBody && resolve(operation.requestBody).content?.["application/json"]?.schema;
    const body = bodySchema && resolve(bodySchema);
    const required = new Set(body?.required ?? []);
    return {
      id: operation.operationId,
      method: verb,
      path,
      resource,
      name,
      label: `${resource}.${name}`,
      command: [kebabCase(resource), kebabCase(name)],
      summary: operation.summary,
      description: operation.description,
      safeToRepeat: SAFE_TO_REPEAT.has(verb),
      pathParameters: inputs("path"),
      queryParameters: inputs("query"),
      body: body && {
        schema: componentName(bodySchema),
        fields: Object.entries(body.properties ?? {}).map(([field, schema]) => ({
          name: field,
          flag: `--${kebabCase(field)}`,
          required: required.has(field),
          schema: resolve(schema),
        })),
      },
      success: successShape(resolve, operation.responses),
      statuses: Object.keys(operation.responses ?? {})
        .filter((code) => /^\d{3}$/.test(code))
        .map(Number),
      responses: Object.entries(operation.responses ?? {})
        .filter(([code]) => /^\d{3}$/.test(code))
        .map(([code, reference]) => {
          const response = resolve(reference);
          const schema = response.content?.["application/json"]?.schema;
          return {
            status: Number(code),
            ...(schema && { schema: componentName(schema) ?? resolve(schema) }),
            headers: Object.entries(response.headers ?? {}).map(([name, header]) => ({
              name,
              required: resolve(header).required === true,
            })),
          };
        }),
    };
  });
  // The field that tells a resource's records apart: the parameter of the path that gets one of them
  // (`/v1/agents/{agentId}` → `agentId`), else `id`.
  for (const entry of table) {
    const getOne = table.find(
      (other) => other.resource === entry.resource && other.method === "GET" && /\}$/.test(other.path),
    );
    entry.keyField = getOne?.pathParameters.at(-1)?.name ?? "id";
  }
  const seen = new Map();
  for (const entry of table) {
    const other = seen.get(entry.label);
    if (other) {
      throw new Error(
        `${entry.id} and ${other} are both named ${entry.label}; give one of them ${NAME_EXTENSION}: resource.method`,
      );
    }
    seen.set(entry.label, entry.id);
  }
  return table;
}
