// The string and number formats the spec uses, for the generated validators. ajv-formats' "fast" checks, as the
// client's: a date-time is checked in every call's timestamps, and the full check catches only impossible
// calendar dates.
import { fastFormats } from "ajv-formats/dist/formats.js";

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const dateTime = (fastFormats["date-time"] as { validate: RegExp }).validate;
const uri = fastFormats.uri as RegExp;

/** Keyed by format name; each has the `validate` function that Ajv's generated code calls. */
export const formats: Record<string, { validate: ((value: string) => boolean) | ((value: number) => boolean) }> = {
  "date-time": { validate: (value: string) => dateTime.test(value) },
  uri: { validate: (value: string) => uri.test(value) },
  int32: { validate: (value: number) => Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX },
  int64: { validate: (value: number) => Number.isInteger(value) },
};

/** A string's length in characters (code points), as JSON Schema's `minLength` and `maxLength` count it. */
export function ucs2length(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}
