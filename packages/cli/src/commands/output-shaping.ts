// --fields and --jq, which `calls list` and `calls get` share: which fields of a call to show, and a jq expression
// for the JSON. Both are read, and the expression compiled, before any request is sent.
import { UsageError } from "../errors.js";
import { parseChoice, parseFieldNames } from "../flag-values.js";
import { CALL_FIELD_NAMES, type CallFieldName } from "../output/call-fields.js";
import { compileJqFilter, type JqFilter } from "../output/jq-filter.js";
import type { FlagSpecs } from "./command.js";

export const OUTPUT_SHAPING_FLAGS = {
  fields: {
    type: "string",
    valueName: "LIST",
    listOf: CALL_FIELD_NAMES,
    description: `only these fields, in this order, comma-separated: ${CALL_FIELD_NAMES.join(", ")}`,
  },
  jq: {
    type: "string",
    valueName: "EXPR",
    description: "filter the JSON output with a jq expression (implies --format json); strings print raw",
  },
} as const satisfies FlagSpecs;

/** The formats whose output is JSON, which --jq reads. */
const JSON_FORMATS: readonly string[] = ["json", "ndjson"];

export interface OutputShaping<Format extends string> {
  readonly format: Format;
  readonly fields: readonly CallFieldName[] | undefined;
  readonly jq: JqFilter | undefined;
}

/**
 * --format (the first of `formats` by default, json with --jq), --fields and --jq. --jq reads JSON, so a format
 * that is not JSON cannot go with it.
 */
export async function readOutputShaping<const Format extends string>(
  flags: { readonly format?: string; readonly fields?: string; readonly jq?: string },
  formats: readonly [Format, ...Format[]],
  stdoutIsTerminal: boolean,
): Promise<OutputShaping<Format>> {
  const chosen = parseChoice("--format", flags.format, formats);
  const fields = parseFieldNames("--fields", flags.fields, OUTPUT_SHAPING_FLAGS.fields.listOf);
  if (flags.jq === undefined) return { format: chosen ?? formats[0], fields, jq: undefined };
  const jsonFormats = formats.filter((format) => JSON_FORMATS.includes(format));
  if (chosen !== undefined && !jsonFormats.includes(chosen)) {
    throw new UsageError(
      `--jq filters JSON, so it cannot go with --format ${chosen}: use ${jsonFormats.join(" or ")}, or leave --format out`,
    );
  }
  const format = chosen ?? (jsonFormats[0] as Format);
  return { format, fields, jq: await compileJqFilter(flags.jq, stdoutIsTerminal) };
}
