// The command of an operation the CLI has no hand-written command for: made from its entry in the spec's operation
// table (src/generated/operations.ts). Path parameters are its arguments; query parameters and top-level body
// fields its flags, read as the spec types them; a write asks first, as `calls delete` does; the answer is shown
// as JSON, or as a table of the fields the spec gives its items.
import type { SigmaMind } from "@sigmamind/client";
import { checkWithoutSending } from "../check-without-sending.js";
import { confirm } from "../confirm.js";
import { UsageError } from "../errors.js";
import { noteUnknownValue, parseChoice, parseVariables, parseWholeNumber } from "../flag-values.js";
import { writeJson } from "../output/json.js";
import { assertPrintable } from "../output/printable.js";
import { terminalSafe } from "../output/terminal-text.js";
import { type Command, defineCommand, type FlagSpec, type FlagSpecs } from "./command.js";

/** An input of an operation as a flag: its name in the API, its flag, and how its value is read. */
export interface OperationFlag {
  readonly name: string;
  readonly flag: string;
  /** A whole number, true or false, NAME=VALUE pairs (an object of the API), or text. */
  readonly kind: "number" | "boolean" | "pairs" | "text";
  readonly required: boolean;
  readonly description: string;
  /** The values the spec lists, where it lists them: another is sent, with a note. */
  readonly known?: readonly string[] | undefined;
  readonly minimum?: number | undefined;
  readonly maximum?: number | undefined;
}

/** An operation of the spec's table, as the CLI reads it. */
export interface OperationCommandSpec {
  /** What the client and its errors call it: "calls.update". */
  readonly label: string;
  /** The command's words: `sigmamind <group> <name>`. */
  readonly group: string;
  readonly name: string;
  /** The client's resource and method: `client[resource][method]`. */
  readonly resource: string;
  readonly method: string;
  readonly summary: string;
  /** Whether the operation may be sent again (GET, PUT, DELETE): one that may not is a write to confirm. */
  readonly safeToRepeat: boolean;
  readonly args: readonly { readonly name: string; readonly argument: string }[];
  readonly query: readonly OperationFlag[];
  readonly body?: readonly OperationFlag[] | undefined;
  readonly returns: "page" | "object" | "nothing";
  /** The fields of what it returns (an item, for a page) that a table shows. */
  readonly columns: readonly string[];
}

const FORMATS = ["json", "table"] as const;
const FORMAT: FlagSpec = { type: "string", valueName: "F", choices: FORMATS, description: "json (default) or table" };
const YES: FlagSpec = { type: "boolean", short: "y", description: "go ahead without asking" };

/** The flags of an operation's inputs, as util.parseArgs reads them. */
function flagSpecsOf(inputs: readonly OperationFlag[]): FlagSpecs {
  return Object.fromEntries(
    inputs.map((input) => [
      input.flag.slice(2),
      {
        type: input.kind === "boolean" ? "boolean" : "string",
        ...(input.kind === "pairs" && { multiple: true, valueName: "NAME=VALUE" }),
        ...(input.kind === "number" && { valueName: "N" }),
        ...(input.kind === "text" && { valueName: "TEXT" }),
        description: `${input.description || input.name}${input.required ? " (required)" : ""}`,
      } satisfies FlagSpec,
    ]),
  );
}

/** Whether running it changes something: a method other than GET. Such a command asks first, unless --yes. */
function isWrite(spec: OperationCommandSpec): boolean {
  return spec.body !== undefined || !spec.safeToRepeat || spec.method === "delete";
}

export function operationCommand(spec: OperationCommandSpec): Command {
  const inputs = [...spec.query, ...(spec.body ?? [])];
  const write = isWrite(spec);
  const flags: FlagSpecs = { ...flagSpecsOf(inputs), format: FORMAT, ...(write && { yes: YES }) };
  const commandPath = `sigmamind ${spec.group} ${spec.name}`;
  return defineCommand({
    name: spec.name,
    summary: spec.summary,
    label: spec.label,
    fields: Object.fromEntries([
      ...spec.args.map(({ name, argument }) => [name, argument] as const),
      ...inputs.map(({ name, flag }) => [name, flag] as const),
    ]),
    args: spec.args.map(({ argument }) => argument),
    flags,
    examples: [`${commandPath}${spec.args.map(({ argument }) => ` ${argument}`).join("")} --format json`],
    async run({ flags: given, args, connect, io, usingMock }) {
      const format = parseChoice("--format", given.format as string | undefined, FORMATS) ?? "json";
      const query = readInputs(spec.query, given, io);
      const body = spec.body && readInputs(spec.body, given, io);
      const client = await connect();
      const method = methodOf(client, spec);
      // The generated client method takes the path parameters, then the query or the body, then the options.
      const inputsOf = (signal?: AbortSignal) => [
        ...args,
        ...(body ? [body] : spec.query.length > 0 || spec.returns === "page" ? [query] : []),
        ...(signal ? [{ signal }] : []),
      ];
      if (write && (given as Record<string, unknown>).yes !== true && !usingMock) {
        await checkWithoutSending((signal) => method(...inputsOf(signal)) as Promise<unknown>);
        await confirm(io, {
          question: `Run ${spec.group} ${spec.name}${args.map((arg) => ` ${arg}`).join("")} against the SigmaMind API?`,
          consequence: `${spec.group} ${spec.name} changes data on the SigmaMind API`,
          howToConfirm: "pass --yes to go ahead",
          notDone: "nothing was sent",
        });
      }
      const answer = await (method(...inputsOf()) as Promise<unknown>);
      if (spec.returns === "nothing") return io.stdout.write(`Done: ${spec.group} ${spec.name}.\n`);
      const rows = spec.returns === "page" ? (answer as { data: unknown[] }).data : [answer];
      for (const row of rows) assertPrintable(row);
      if (format === "json") return writeJson(io.stdout, spec.returns === "page" ? envelopeOf(answer) : answer);
      return io.stdout.write(tableOf(spec.columns, rows));
    },
  });
}

/** The flags given for `inputs`, read as the spec types them; a required one missing is a usage error. */
function readInputs(
  inputs: readonly OperationFlag[],
  given: Record<string, unknown>,
  io: { stderr: { write(text: string): unknown } },
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const input of inputs) {
    const value = given[input.flag.slice(2)];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) {
      if (input.required) throw new UsageError(`${input.flag} is required`);
      continue;
    }
    if (input.kind === "number") {
      values[input.name] = parseWholeNumber(input.flag, value as string, {
        min: input.minimum ?? 0,
        max: input.maximum,
      });
    } else if (input.kind === "pairs") {
      values[input.name] = parseVariables(input.flag, value as string[]);
    } else {
      if (input.known && typeof value === "string") noteUnknownValue(io, input.flag, value, input.known);
      values[input.name] = value;
    }
  }
  return values;
}

type ClientMethod = (...inputs: unknown[]) => unknown;

function methodOf(client: SigmaMind, spec: OperationCommandSpec): ClientMethod {
  const resource = (client as unknown as Record<string, Record<string, ClientMethod> | undefined>)[spec.resource];
  const method = resource?.[spec.method];
  if (typeof method !== "function") {
    throw new Error(`the installed @sigmamind/client has no ${spec.label}: install the version this CLI came with`);
  }
  return method.bind(resource);
}

/** A page as the API sent it, without the page object's methods. */
function envelopeOf(page: unknown): unknown {
  const { data, page: number, size, totalCounts, totalPages, hasNext, hasPrevious } = page as Record<string, unknown>;
  return { data, page: number, size, totalCounts, totalPages, hasNext, hasPrevious };
}

/** Rows as tab-separated `columns`, after a header: a value that is not text or a number is shown as JSON. */
function tableOf(columns: readonly string[], rows: readonly unknown[]): string {
  const cell = (value: unknown) =>
    terminalSafe(
      value === undefined || value === null ? "" : typeof value === "object" ? JSON.stringify(value) : String(value),
    );
  const lines = [
    columns,
    ...rows.map((row) => columns.map((column) => cell((row as Record<string, unknown>)[column]))),
  ];
  return lines
    .map((line) => line.join("\t"))
    .concat("")
    .join("\n");
}
