// The request samples shown beside each operation, in curl, in TypeScript through @sigmamind/client, and through
// the sigmamind CLI: made from the spec's own examples (each parameter's `example`, the request body's first
// example), so they cannot drift from it, and named as the client and the CLI name each operation (the spec's
// operation table, the CLI's description of its commands). test/request-samples.test.ts runs the curl and CLI samples against the
// mock and type-checks the TypeScript ones against the built client. Independent of how the site renders them.
import { type CommandDescription, describeCommands } from "@sigmamind/cli/commands";
import { DEFAULT_BASE_URL } from "@sigmamind/client";
import type { LoadedSpec, OpenAPIV3_1, SpecOperation } from "@sigmamind/spec";
import { operationTable } from "@sigmamind/spec/operation-table";

export interface RequestSamples {
  operationId: string;
  /** `curl` with `$SIGMAMIND_API_KEY`, which the reader sets, and `$SIGMAMIND_BASE_URL` if set, else the API's. */
  curl: string;
  /** A module: the client from the environment, then the call. */
  typescript: string;
  /** One `sigmamind` command line. */
  cli: string;
  /** Whether the CLI asks before sending it (a create, a delete): a script adds `--yes`. */
  cliAsks: boolean;
}

/** How the client and the CLI name each operation: the spec's operation table, and the CLI's own commands. */
function surfaces(spec: LoadedSpec): Map<string, { resource: string; method: string; command: CommandDescription }> {
  const commands = new Map(describeCommands().map((command) => [command.operation, command]));
  return new Map(
    operationTable(spec).map((entry) => {
      const command = commands.get(entry.label);
      if (!command) throw new Error(`request samples: the CLI has no command for ${entry.label}`);
      return [entry.id, { resource: entry.resource, method: entry.name, command }];
    }),
  );
}

export function requestSamples(spec: LoadedSpec): RequestSamples[] {
  const known = surfaces(spec);
  return spec.operations().map((entry) => samplesOf(spec, entry, known));
}

function samplesOf(
  spec: LoadedSpec,
  { method, path, operation, parameters }: SpecOperation,
  known: ReturnType<typeof surfaces>,
): RequestSamples {
  const operationId = operation.operationId ?? `${method} ${path}`;
  const surface = known.get(operationId);
  if (!surface) throw new Error(`request samples: ${operationId} is not in the spec's operation table`);
  const { command } = surface;
  const pathValues = parameters
    .filter((parameter) => parameter.in === "path")
    .map((parameter) => [parameter.name, exampleOf(spec, parameter)] as const);
  const query = parameters
    .filter((parameter) => parameter.in === "query" && exampleOf(spec, parameter) !== undefined)
    .map((parameter) => [parameter.name, exampleOf(spec, parameter)] as const);
  const body = bodyExampleOf(spec, operation);

  const filledPath = pathValues.reduce(
    (text, [name, value]) => text.replace(`{${name}}`, encodeURIComponent(String(value))),
    path,
  );
  const search = query.length
    ? `?${new URLSearchParams(query.map(([name, value]) => [name, String(value)])).toString()}`
    : "";
  const curl = [
    // Unset, the base URL is the API's own: an empty one would make the URL curl refuses as malformed.
    `curl -sS --fail-with-body -X ${method.toUpperCase()} "\${SIGMAMIND_BASE_URL:-${DEFAULT_BASE_URL}}${filledPath}${search}"`,
    `  -H "X-API-Key: $SIGMAMIND_API_KEY"`,
    ...(body === undefined ? [] : [`  -H "Content-Type: application/json"`, `  -d '${JSON.stringify(body)}'`]),
  ].join(" \\\n");

  const args = [
    ...pathValues.map(([, value]) => JSON.stringify(value)),
    ...(query.length ? [objectLiteral(Object.fromEntries(query))] : []),
    ...(body === undefined ? [] : [objectLiteral(body)]),
  ];
  const typescript = [
    'import { SigmaMind } from "@sigmamind/client";',
    "",
    "const client = new SigmaMind(); // SIGMAMIND_API_KEY, and SIGMAMIND_BASE_URL if set",
    `console.log(await client.${surface.resource}.${surface.method}(${args.join(", ")}));`,
  ].join("\n");

  const flagOf = (name: string) => {
    const flag = command.fields[name];
    if (!flag?.startsWith("--"))
      throw new Error(`request samples: sigmamind ${command.words.join(" ")} takes no flag for ${name}`);
    return flag;
  };
  const flags = [...query, ...Object.entries((body ?? {}) as Record<string, unknown>)].flatMap(([name, value]) =>
    command.pairFlags.includes(flagOf(name))
      ? Object.entries(value as Record<string, unknown>).flatMap(([key, text]) => [flagOf(name), `${key}=${text}`])
      : [flagOf(name), String(value)],
  );
  const cli = ["sigmamind", ...command.words, ...pathValues.map(([, value]) => String(value)), ...flags]
    .map(shellWord)
    .join(" ");
  return { operationId, curl, typescript, cli, cliAsks: command.asks };
}

function exampleOf(spec: LoadedSpec, parameter: OpenAPIV3_1.ParameterObject): unknown {
  const schema = spec.resolve(parameter.schema ?? {}) as OpenAPIV3_1.SchemaObject;
  return parameter.example ?? (schema.examples as unknown[] | undefined)?.[0] ?? schema.example;
}

function bodyExampleOf(spec: LoadedSpec, operation: OpenAPIV3_1.OperationObject): unknown {
  if (!operation.requestBody) return undefined;
  const media = spec.resolve(operation.requestBody).content?.["application/json"];
  const named = Object.values(media?.examples ?? {})[0];
  return named === undefined ? media?.example : spec.resolve(named).value;
}

function objectLiteral(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/"([A-Za-z_$][\w$]*)":/g, "$1:");
}

/** A word the shell reads as it is: quoted when it holds anything but safe characters. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}
