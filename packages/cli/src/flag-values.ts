// Turning the text of a flag into the value it stands for, or a usage error naming the flag.
import { UsageError } from "./errors.js";

export function parseWholeNumber(
  flag: string,
  text: string | undefined,
  range: { min: number; max?: number },
): number | undefined {
  if (text === undefined) return undefined;
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  // The API's integers are 32-bit.
  const max = range.max ?? 2_147_483_647;
  if (!Number.isSafeInteger(value) || value < range.min || value > max) {
    const expected = range.max === undefined ? `${range.min} or more` : `from ${range.min} to ${range.max}`;
    throw new UsageError(`${flag} must be a whole number ${expected}, got "${text}"`);
  }
  return value;
}

// E.164, as the API's spec has it: "+", a first digit that is not 0, and 7 to 15 digits in all.
const E164 = /^\+[1-9]\d{6,14}$/;

export function parsePhoneNumber(flag: string, text: string): string {
  if (!E164.test(text)) {
    throw new UsageError(`${flag} must be a phone number in E.164 form such as +14155552671, got "${text}"`);
  }
  return text;
}

/** An on/off setting from the environment: 1 or true, 0 or false; empty or unset is undefined. */
export function parseSwitch(name: string, text: string | undefined): boolean | undefined {
  const value = text?.trim().toLowerCase();
  if (!value) return undefined;
  if (value === "1" || value === "true") return true;
  if (value === "0" || value === "false") return false;
  throw new UsageError(`${name} must be 1, true, 0 or false, got "${text}"`);
}

export function parseChoice<const Choice extends string>(
  flag: string,
  text: string | undefined,
  choices: readonly Choice[],
): Choice | undefined {
  if (text === undefined) return undefined;
  if (!(choices as readonly string[]).includes(text)) {
    throw new UsageError(`${flag} must be one of ${choices.join(", ")}, got "${text}"`);
  }
  return text as Choice;
}

/**
 * Comma-separated names from `known`, in the order given: `--fields callId,status`. Spaces around a name are
 * dropped. No name, an empty one, an unknown one or one given twice is refused, naming the known ones.
 */
export function parseFieldNames<const Name extends string>(
  flag: string,
  text: string | undefined,
  known: readonly Name[],
): Name[] | undefined {
  if (text === undefined) return undefined;
  const knownList = known.join(", ");
  if (text.trim() === "") throw new UsageError(`${flag} needs at least one field: ${knownList}`);
  const names = text.split(",").map((name) => name.trim());
  if (names.includes("")) throw new UsageError(`${flag} has an empty name in "${text}"; the fields are ${knownList}`);
  const unknown = names.filter((name) => !(known as readonly string[]).includes(name));
  if (unknown.length > 0) {
    const described = unknown.map((name) => {
      const meant = known.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
      return meant === undefined ? `"${name}"` : `"${name}" (did you mean "${meant}"?)`;
    });
    const which = unknown.length === 1 ? "an unknown field" : "unknown fields";
    throw new UsageError(`${flag} has ${which} ${described.join(", ")}; the fields are ${knownList}`);
  }
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated !== undefined) throw new UsageError(`${flag} names "${repeated}" twice`);
  return names as Name[];
}

/**
 * `--var name=value` pairs as an object. Values stay strings: a prompt variable is text, and guessing
 * numbers would turn a customer id "007" into 7. The first "=" splits, so a value may contain "=".
 */
export function parseVariables(flag: string, pairs: readonly string[] | undefined): Record<string, string> | undefined {
  if (pairs === undefined || pairs.length === 0) return undefined;
  const variables: Record<string, string> = {};
  for (const pair of pairs) {
    const separator = pair.indexOf("=");
    if (separator <= 0) throw new UsageError(`${flag} must be name=value, got "${pair}"`);
    const name = pair.slice(0, separator);
    // The command places a real phone call: a name given twice is more likely a slip than an override.
    if (Object.hasOwn(variables, name)) throw new UsageError(`${flag} ${name} is given twice`);
    variables[name] = pair.slice(separator + 1);
  }
  return variables;
}

/**
 * A note on stderr for a value outside those the spec lists: the API's lists are open (it may add a value), so the
 * value is still sent, but a typo would otherwise get an empty answer in silence.
 */
export function noteUnknownValue(
  io: { stderr: { write(text: string): unknown } },
  flag: string,
  value: string,
  known: readonly string[],
): void {
  if (known.includes(value)) return;
  io.stderr.write(
    `sigmamind: note: ${flag} ${value} is not a value the API documents (${known.join(", ")}); it is sent as given, in case the API has added it.\n`,
  );
}
