import type { LoadedSpec, OpenAPIV3_1 } from "./load-spec.mjs";

/** The extension that names an operation where the rule gives the wrong name: `x-sigmamind-name: calls.list`. */
export declare const NAME_EXTENSION: "x-sigmamind-name";

export declare function camelCase(text: string): string;
export declare function kebabCase(text: string): string;
export declare function argumentName(text: string): string;

/** The resource and method an operation is known by (see the naming rule in operation-table.mjs). */
export declare function operationName(
  path: string,
  operation: OpenAPIV3_1.OperationObject,
): { resource: string; method: string };

export interface OperationParameter {
  name: string;
  required: boolean;
  /** With its $ref followed. */
  schema: OpenAPIV3_1.SchemaObject;
  description?: string;
  /** A query parameter's CLI flag: `--status`. */
  flag?: string;
  /** A path parameter's name as a CLI argument: `CALL_ID`. */
  argument?: string;
}

export interface BodyField {
  name: string;
  /** Its CLI flag: `--to-phone-number`. */
  flag: string;
  required: boolean;
  schema: OpenAPIV3_1.SchemaObject;
}

export interface OperationEntry {
  /** The spec's operationId. */
  id: string;
  /** Upper case: "GET". */
  method: string;
  /** The spec's path, with `{name}` for each path parameter. */
  path: string;
  /** The client's resource: `client.calls`. */
  resource: string;
  /** The resource's method: `client.calls.list`. */
  name: string;
  /** What errors and docs call it: "calls.list". */
  label: string;
  /** The CLI's words: ["calls", "list"]. */
  command: [string, string];
  summary?: string;
  description?: string;
  /** The field that tells the resource's records apart: the path parameter of its GET of one (`callId`), else `id`. */
  keyField: string;
  /** Whether a failed attempt may be sent again: the method's effect is the same done twice. */
  safeToRepeat: boolean;
  pathParameters: OperationParameter[];
  queryParameters: OperationParameter[];
  body?: { schema?: string; fields: BodyField[] };
  /** The success body: a page of `item` (the list envelope), one object, or nothing. */
  success:
    | { status: number | undefined; kind: "nothing" }
    | { status: number; kind: "object"; schema?: string }
    | { status: number; kind: "page"; schema?: string; item?: string };
  /** Every status the operation documents. */
  statuses: number[];
  /** Each documented answer: its status, its JSON body's schema (a component's name, or the schema written inline), its headers. */
  responses: {
    status: number;
    schema?: string | OpenAPIV3_1.SchemaObject;
    headers: { name: string; required: boolean }[];
  }[];
}

/** Every operation of the spec, in its order, named by the rule. Throws when two operations get one name. */
export declare function operationTable(loaded: Pick<LoadedSpec, "operations" | "resolve">): OperationEntry[];
