// The sandbox's requests and answers held to the spec, with validators generated from it at build time
// (scripts/generate.mjs): every request's parameters and body before it is carried out, and every answer's
// status, headers and body before it leaves, whatever transport carries it.
import { jsonPointerTokens, toPropertyPath } from "@sigmamind/error-text/property-path";
import * as bodyValidators from "../generated/body-validators.js";
import { ERROR_BODY_VALIDATOR } from "../generated/operations.js";
import * as textValidators from "../generated/text-validators.js";
import type { Operation } from "./operation.js";

interface Validate {
  (data: unknown): boolean;
  errors?: { instancePath: string; message?: string }[] | null;
}

const validators: Record<string, Validate> = { ...bodyValidators, ...textValidators } as Record<string, Validate>;

function validatorNamed(name: string): Validate {
  const validate = validators[name];
  if (!validate) throw new Error(`no generated validator ${name}: run \`pnpm generate\``);
  return validate;
}

/** What is wrong with `value` in words (`size must be >= 1`), or undefined when it is valid. */
function problemOf(validatorName: string, value: unknown, where: string): string | undefined {
  const validate = validatorNamed(validatorName);
  if (validate(value)) return undefined;
  const [first] = validate.errors ?? [];
  const path = toPropertyPath(jsonPointerTokens(first?.instancePath ?? ""));
  return `${[where, path].filter(Boolean).join(" ")} ${first?.message ?? "is not valid"}`;
}

/** A request's parameters, each read as its schema's type, and its defaults filled in. */
export interface Parameters {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
}

/**
 * The operation's parameters read from the path's values and the query, or what breaks the spec. A parameter
 * the operation does not declare is ignored, as the API ignores it; one it declares, given twice, is refused.
 */
export function readParameters(
  operation: Operation,
  pathValues: Record<string, string>,
  search: URLSearchParams,
): { parameters: Parameters } | { problem: string } {
  const query: Record<string, unknown> = {};
  for (const name of operation.queryParameters) {
    const values = search.getAll(name);
    if (values.length > 1) return { problem: `query parameter ${name} is given ${values.length} times; give it once` };
    // An empty value (`size=`) is no value, as the API's framework and Prism read it: the default applies.
    if (values.length === 1 && values[0] !== "") query[name] = values[0];
  }
  const parameters = { path: { ...pathValues }, query };
  // The generated validator reads each value as its type in place (coerceTypes) and fills in defaults.
  const problem = problemOf(operation.parametersValidator, parameters, "");
  return problem === undefined ? { parameters } : { problem: problem.trim() };
}

/** What breaks the spec in a request body already parsed, or undefined. */
export function requestBodyProblem(operation: Operation, body: unknown): string | undefined {
  if (!operation.requestBody) return undefined;
  return problemOf(operation.requestBody.validator, body, "body");
}

/** An answer as the sandbox is about to send it. */
export interface CheckedAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * What breaks the spec in an answer to `operation` (undefined for a request that matched none, whose answer is
 * the API's error body), or undefined when the answer is one the spec documents.
 */
export function answerProblem(operation: Operation | undefined, answer: CheckedAnswer): string | undefined {
  if (operation === undefined) return problemOf(ERROR_BODY_VALIDATOR, answer.body, "body");
  const documented = operation.responses[String(answer.status)];
  if (!documented) {
    const statuses = Object.keys(operation.responses).join(", ");
    return `status ${answer.status} is not one ${operation.id} documents (${statuses})`;
  }
  for (const header of documented.headers) {
    const value = answer.headers[header.name];
    if (value === undefined) {
      if (header.required) return `header ${header.name} is missing`;
      continue;
    }
    const problem = problemOf(header.validator, value, `header ${header.name}`);
    if (problem) return problem;
  }
  if (documented.body === undefined) {
    return answer.body === undefined ? undefined : `a ${answer.status} of ${operation.id} has no documented body`;
  }
  if (answer.body === undefined) return `the body of a ${answer.status} of ${operation.id} is missing`;
  return problemOf(documented.body, answer.body, "body");
}
