// The shape of the generated operation table (src/generated/operations.ts), read from the spec at build time.

/** One documented answer of an operation. */
export interface DocumentedAnswer {
  readonly status: number;
  /** The name of its body's validator; none for an answer without a body. */
  readonly body?: string;
  readonly headers: readonly { readonly name: string; readonly required: boolean; readonly validator: string }[];
}

/** One operation of the spec, as the sandbox routes, checks and answers it. */
export interface Operation {
  /** The spec's `operationId`. */
  readonly id: string;
  /** In capitals: `GET`. */
  readonly method: string;
  /** As the spec writes it: `/v1/calls/{callId}`. */
  readonly path: string;
  /** The resource it acts on, by the spec's operation table: `calls`. */
  readonly resource: string;
  /** Its success body: a page of the list envelope, one record, or nothing. */
  readonly returns: "page" | "object" | "nothing";
  /** Whether its path names one record (it ends in a parameter), rather than the collection. */
  readonly one: boolean;
  readonly pathParameters: readonly string[];
  readonly queryParameters: readonly string[];
  /** The name of the validator of `{ path, query }`, each parameter as text. */
  readonly parametersValidator: string;
  readonly requestBody?: { readonly required: boolean; readonly mediaType: string; readonly validator: string };
  /** By status, as the spec lists them. */
  readonly responses: Readonly<Record<string, DocumentedAnswer>>;
}
