// The string and number formats the spec uses, for the generated response validators.
import { fullFormats } from "ajv-formats/dist/formats.js";

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** Keyed by format name; each has the `validate` function that Ajv's generated code calls. */
export const formats: Record<
  string,
  { validate: ((value: string) => boolean) | ((value: number) => boolean) | RegExp }
> = {
  "date-time": { validate: (fullFormats["date-time"] as { validate: (value: string) => boolean }).validate },
  uri: { validate: fullFormats.uri as (value: string) => boolean },
  int32: { validate: (value: number) => Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX },
  int64: { validate: (value: number) => Number.isInteger(value) },
};
