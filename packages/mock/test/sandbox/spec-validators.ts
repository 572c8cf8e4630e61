// Validators for the spec's own schemas, so the sandbox's answers are checked against the contract they fake.
import { dereference, loadSpec } from "@sigmamind/spec";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const schemas = (await dereference((await loadSpec()).document)).components?.schemas ?? {};
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addFormat("int32", { type: "number", validate: (n: number) => Number.isInteger(n) && Math.abs(n) < 2 ** 31 });
ajv.addFormat("int64", { type: "number", validate: (n: number) => Number.isInteger(n) });

/** Whether `value` is valid against the spec's schema `name`, and the errors when it is not. */
export function validateAgainst(name: string, value: unknown): { valid: boolean; errors: string } {
  const schema = schemas[name];
  if (!schema) throw new Error(`the spec has no schema ${name}`);
  const validate = ajv.compile(schema);
  const valid = validate(value);
  return { valid, errors: JSON.stringify(validate.errors) };
}
