// How a resource method sends an operation: it states the operation, its inputs and the call's options, and
// this does the rest, once for every resource: the input and option checks, the request through the one
// openapi-fetch client, the error for a failure status, and the body read and checked against the spec.
import type { Redact } from "@sigmamind/error-text/redact-secret";
import { requestSchemas } from "../generated/request-schemas.js";
import { checkInputs, checkPathSegment, type FieldSchema } from "../internal/check-inputs.js";
import { APIPromise, type Sent } from "./api-promise.js";
import { ResponseValidationError } from "./errors.js";
import type { Logger } from "./logger.js";
import type { OpenapiFetchClient } from "./openapi-fetch-client.js";
import { type Answer, readJson, readNoContent } from "./read-response.js";
import { checkRequestOptions, type RequestOptions } from "./request-options.js";
import { findShapeViolation } from "./response-shape.js";
import type { AttemptSettings, Transport } from "./transport.js";

/** One operation of the spec, as a resource method sends it. */
export interface Operation {
  /** What errors call the method: "calls.get". */
  readonly label: string;
  /** The spec's operationId: picks the input schemas and the response checks. */
  readonly id: keyof typeof requestSchemas;
  /** Upper-case, as sent: whether a retry or a redirect is safe depends on it. */
  readonly method: "GET" | "PUT" | "POST" | "DELETE" | "OPTIONS" | "HEAD" | "PATCH" | "TRACE";
  /** The spec's path, with `{name}` for each path parameter. */
  readonly path: string;
  /** The success body: a page of the list envelope, one object, or nothing. */
  readonly returns: "page" | "object" | "nothing";
  /** For an operation never sent twice: what its error says when it may have reached the API. */
  readonly uncertainOutcome?: string;
}

/** An operation's inputs, by where they go. */
export interface OperationInput {
  path?: Readonly<Record<string, string>>;
  query?: Readonly<Record<string, unknown>>;
  body?: unknown;
}

export interface OperationContext {
  client: OpenapiFetchClient;
  transport: Transport;
  defaults: AttemptSettings;
  /** Headers on top of the shared client's, under the call's own: those a derived client adds. */
  headers: Record<string, string>;
  redact: Redact;
  logger: Logger;
  validateResponses: boolean;
}

export interface OperationSender {
  /** Checks, sends and reads: what most resource methods are made of. */
  call<T>(operation: Operation, input: OperationInput, options: RequestOptions): APIPromise<T>;
  /**
   * The checks alone: a listing checks its inputs once, then sends a request for each page. Gives the options as
   * they were read and checked, once: what is sent.
   */
  check(operation: Operation, input: OperationInput, options: unknown, optionsSchema?: FieldSchema): RequestOptions;
  /** Sends and reads, inputs already checked. */
  send<T>(operation: Operation, input: OperationInput, options: RequestOptions): Promise<Sent<T>>;
}

export function createOperationSender(context: OperationContext): OperationSender {
  const check: OperationSender["check"] = (operation, input, options, optionsSchema) => {
    const { label } = operation;
    const schemas = requestSchemas[operation.id] as { path?: FieldSchema; query?: FieldSchema; body?: FieldSchema };
    const unknown = [
      ...(schemas.path ? checkInputs(label, "parameter", schemas.path, input.path) : []),
      ...(schemas.query ? checkInputs(label, "parameter", schemas.query, input.query) : []),
      ...(schemas.body ? checkInputs(label, "field", schemas.body, input.body) : []),
    ];
    for (const [name, value] of Object.entries(input.path ?? {})) checkPathSegment(label, name, value);
    const checked = checkRequestOptions(label, options, optionsSchema) ?? {};
    for (const name of unknown) {
      context.logger.debug(
        `${label}: ${name} is not in the spec this version of @sigmamind/client was built from; it is sent as given.`,
      );
    }
    return checked;
  };

  const send = async <T>(operation: Operation, input: OperationInput, options: RequestOptions): Promise<Sent<T>> => {
    // openapi-fetch is typed by path and method; here they are data, so the call is typed loosely.
    const request = context.client.request as unknown as (
      method: string,
      path: string,
      init: Record<string, unknown>,
    ) => Promise<{ error?: unknown; response: Response }>;
    const params = { path: input.path, query: input.query };
    const { body } = input;
    // The call's own headers win over its client's, whatever their case: openapi-fetch sets them in order.
    const headers = options.headers ? { ...context.headers, ...options.headers } : context.headers;
    const { answered, text, truncated } = await context.transport(
      {
        label: operation.label,
        method: operation.method,
        timeoutMs: options.timeoutMs ?? context.defaults.timeoutMs,
        maxRetries: options.maxRetries ?? context.defaults.maxRetries,
        signal: options.signal,
        uncertainOutcome: operation.uncertainOutcome,
        successBody: "text",
      },
      // The transport reads a success body once, as text, within the attempt's deadline: openapi-fetch leaves
      // the Response's body alone (`parseAs: "stream"`).
      (fetch) => request(operation.method, operation.path, { params, body, headers, parseAs: "stream", fetch }),
    );
    const { error, response } = answered;
    const answer: Answer = {
      response,
      body: response.ok ? text : error,
      truncated,
      uncertainOutcome: operation.uncertainOutcome,
    };
    const bodyText = typeof answer.body === "string" && answer.body !== "" ? answer.body : undefined;
    if (operation.returns === "nothing") {
      readNoContent(answer, context.redact);
      return { data: undefined as T, response, text: bodyText };
    }
    return { data: await readValid<T>(context, operation, answer, input.path), response, text: bodyText };
  };

  return {
    check,
    send,
    call<T>(operation: Operation, input: OperationInput, options: RequestOptions) {
      // A check that fails rejects the call's promise rather than throwing where it was called.
      const sent = Promise.resolve().then(() => send<T>(operation, input, check(operation, input, options)));
      return new APIPromise(sent);
    },
  };
}

/**
 * The body, as the spec says it is, or a ResponseValidationError. Synchronous unless `validateResponses` is on:
 * then the validators are loaded on first use.
 */
function readValid<T>(
  context: OperationContext,
  operation: Operation,
  answer: Answer,
  pathValues: OperationInput["path"],
): T | Promise<T> {
  const body = readJson<T>(answer, context.redact);
  const shapeViolation = findShapeViolation(operation.returns, body);
  if (shapeViolation || !context.validateResponses) {
    return accepted(context, operation, answer, body, shapeViolation ?? findOtherIdentity(pathValues, body), true);
  }
  responseValidation ??= import("./response-validation.js");
  return responseValidation.then(({ findResponseViolation }) => {
    const violation = findResponseViolation(operation.id, body);
    return accepted(context, operation, answer, body, violation ?? findOtherIdentity(pathValues, body), !violation);
  });
}

/**
 * `body` when nothing is wrong with it, else the error for what is: the shape the client reads, the call it names
 * (checked last: a body refused for naming another call has met the spec in every other way), or the spec.
 */
function accepted<T>(
  context: OperationContext,
  operation: Operation,
  answer: Answer,
  body: T,
  violation: { path: string; problem: string } | undefined,
  unreadable: boolean,
): T {
  if (!violation) return body;
  const { uncertainOutcome } = answer;
  const advice = unreadable
    ? "The client cannot read it; report it to SigmaMind with the request id."
    : "Upgrade @sigmamind/client if the API has changed, or turn validateResponses off to accept it as it is.";
  throw new ResponseValidationError(
    operation.id,
    violation.path,
    violation.problem,
    answer.response.status,
    context.redact(body),
    {
      advice: uncertainOutcome ? `${advice} ${uncertainOutcome}` : advice,
      mayHaveTakenEffect: uncertainOutcome !== undefined,
    },
  );
}

/**
 * A body that names another resource than the one asked for: `calls.get("a")` answered with call "b" (a proxy's
 * cache, a server's bug). Every path parameter the body also has as a field must have the value asked for.
 */
function findOtherIdentity(
  pathValues: OperationInput["path"],
  body: unknown,
): { path: string; problem: string } | undefined {
  if (!pathValues || typeof body !== "object" || body === null) return undefined;
  for (const [name, asked] of Object.entries(pathValues)) {
    const got = (body as Record<string, unknown>)[name];
    if (got !== undefined && got !== asked) {
      return { path: name, problem: `is ${JSON.stringify(got)}, another than the ${JSON.stringify(asked)} asked for` };
    }
  }
  return undefined;
}

// Loaded on first use: a client with validateResponses off never downloads the validators.
let responseValidation: Promise<typeof import("./response-validation.js")> | undefined;
