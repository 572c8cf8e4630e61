// What POST /v1/calls accepts, checked as the API checks it (spec: CreateCallRequest), so that a bad body gets
// the API's 400 and nothing is stored. Prism, in front of the sandbox, validates requests against the spec too;
// this keeps the store itself from ever holding a call the API would have refused.
import type { CreateCallRequest } from "@sigmamind/types";

const E164 = /^\+[1-9][0-9]{6,14}$/;
const MAX_VARIABLES = 100;

/** The body as a create request, or what is wrong with it, in words. */
export function readCreateCallRequest(body: unknown): { request: CreateCallRequest } | { problem: string } {
  if (typeof body !== "object" || body === null || Array.isArray(body))
    return { problem: "the body must be a JSON object" };
  // Fields the spec does not name are allowed (it sets no additionalProperties: false) and ignored, as the API's
  // Spring Boot JSON reader ignores them.
  const fields = body as Record<string, unknown>;
  for (const name of ["fromPhoneNumber", "toPhoneNumber"] as const) {
    const value = fields[name];
    if (typeof value !== "string" || !E164.test(value)) return { problem: `${name} must be an E.164 phone number` };
  }
  const { fromPhoneNumber, toPhoneNumber, agentId, dynamicVariables } = fields;
  // In characters (code points), as JSON Schema's maxLength counts them, not UTF-16 units.
  const agentIdLength = typeof agentId === "string" ? [...agentId].length : 0;
  if (typeof agentId !== "string" || agentIdLength < 1 || agentIdLength > 64) {
    return { problem: "agentId must be a string of 1 to 64 characters" };
  }
  if (dynamicVariables !== undefined) {
    if (typeof dynamicVariables !== "object" || dynamicVariables === null || Array.isArray(dynamicVariables)) {
      return { problem: "dynamicVariables must be an object" };
    }
    const values = Object.values(dynamicVariables);
    if (values.length > MAX_VARIABLES) return { problem: `dynamicVariables may hold at most ${MAX_VARIABLES} values` };
    if (values.some((value) => !["string", "number", "boolean"].includes(typeof value))) {
      return { problem: "dynamicVariables values must be strings, numbers or booleans" };
    }
  }
  const request = { fromPhoneNumber, toPhoneNumber, agentId } as CreateCallRequest;
  return {
    request: dynamicVariables === undefined ? request : ({ ...request, dynamicVariables } as CreateCallRequest),
  };
}
