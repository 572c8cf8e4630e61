import type { OpenAPIV3_1 } from "openapi-types";

export type { OpenAPIV3_1 };

/** The absolute path of the spec, `openapi.yaml`. */
export declare const specPath: string;

export type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";

/** One operation of the spec. */
export interface SpecOperation {
  /** In lower case, as the document writes it. */
  method: HttpMethod;
  path: string;
  operation: OpenAPIV3_1.OperationObject;
  /** The path's parameters, then the operation's own (which replace a path's of the same name and location), each with its $ref followed. */
  parameters: OpenAPIV3_1.ParameterObject[];
}

export interface LoadedSpec {
  /** Where the document was read from. */
  path: string;
  /** The document as written: every $ref is still there, so a schema's name can be read from it. */
  document: OpenAPIV3_1.Document;
  /** Follows a $ref of the document to its target, through any $ref that leads to; any other node comes back as it is. */
  resolve<T>(node: T | OpenAPIV3_1.ReferenceObject): Exclude<T, OpenAPIV3_1.ReferenceObject>;
  /** Every operation, in document order. */
  operations(): SpecOperation[];
  /**
   * The value of a named JSON example of an operation's response, such as the list's `seed` page:
   * `responseExample("listCalls", "200", "seed")`. Throws naming what is missing.
   */
  responseExample(operationId: string, status: string, name: string): unknown;
}

/**
 * Reads and parses an OpenAPI document (default: the spec) and resolves its $refs. Rejects with an error that
 * names the file, and the line and column of broken YAML, when it cannot be read or parsed, or when a $ref points
 * at nothing.
 */
export declare function loadSpec(path?: string): Promise<LoadedSpec>;

/**
 * A copy of `document` with every $ref replaced by what it points at, for tools that compare or validate whole
 * documents. Rejects when a $ref points at nothing or leads back to itself.
 */
export declare function dereference(document: OpenAPIV3_1.Document): Promise<OpenAPIV3_1.Document>;

/**
 * A copy of a schema (or any part of the document) without the keywords that only document it (`description`,
 * `examples`, `example`, `summary`, `title`): what a validator generated from it needs, and no more.
 */
export declare function withoutDocumentation<T>(node: T): T;
