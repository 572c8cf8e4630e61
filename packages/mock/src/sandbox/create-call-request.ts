// What POST /v1/calls accepts, checked as the API checks it (spec: CreateCallRequest), so that a bad body gets
// the API's 400 and nothing is stored. Prism, in front of the sandbox, validates requests against the spec too;
// this keeps the store itself from ever holding a call the API would have refused.
import type { CreateCallRequest } from "@sigmamind/types";

const E164 = /^\+[1-9][0-9]{6,14}$/;
const FIELDS = new Set(["fromPhoneNumber", "toPhoneNumber", "agentId", "dynamicVariables"]);
const MAX_VARIABLES = 100;

/** The body as a create request, or what is wrong with it, in words. */
export function readCreateCallRequest(body: unknown): { request: CreateCallRequest } | { problem: string } {
  if (typeof body !== "object" || body === null || Array.isArray(body))
    return { problem: "the body must be a JSON object" };
  const fields = body as Record<string, unknown>;
  const unknown = Object.keys(fields).find((name) => !FIELDS.has(name));
  if (unknown !== undefined) return { problem: `unknown field ${unknown}` };
  for (const name of ["fromPhoneNumber", "toPhoneNumber"] as const) {
    const value = fields[name];
    if (typeof value !== "string" || !E164.test(value)) return { problem: `${name} must be an E.164 phone number` };
  }
  const { agentId, dynamicVariables } = fields;
  if (typeof agentId !== "string" || agentId.length < 1 || agentId.length > 64) {
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
  return { request: fields as unknown as CreateCallRequest };
}
