// The client's errors name its own options and fields ("calls.create: toPhoneNumber is required"); the person at
// the CLI typed flags. An InvalidInputError says which operation and which field it is about, so its words are the
// command's (the flag or argument that carried the field) followed by the client's `problem`; other errors keep
// their text, server text included, with only the client's own advice about its options said in the CLI's words.
import { APIError, InvalidInputError, LiveWriteRefusedError, type SigmaMindError } from "@sigmamind/client";

/** What the user typed for each field of the client's operation `label`, by the command that sends it. */
export type FieldsOf = (label: string) => Readonly<Record<string, string>> | undefined;

/** Client options the CLI takes as global flags, by the client's name. */
const GLOBAL_FLAGS: Readonly<Record<string, string>> = {
  timeoutMs: "--timeout",
  maxRetries: "--max-retries",
  baseUrl: "--base-url",
  apiKey: "--api-key",
  allowInsecureHttp: "--allow-insecure-http",
};

/** The client's advice where it names its options or methods, each phrase exactly as the client writes it. */
const PHRASES: readonly (readonly [client: string, cli: string])[] = [
  ["(the apiKey option or SIGMAMIND_API_KEY)", "(SIGMAMIND_API_KEY, --api-key-file or --api-key)"],
  [" (see retryAfterMs)", ""],
  ["pass allowInsecureHttp: true", "pass --allow-insecure-http"],
  ["list recent calls (client.calls.list())", "list recent calls (sigmamind calls list)"],
  ["Raise timeoutMs,", "Raise --timeout,"],
  ["Check the network and baseUrl,", "Check the network and --base-url,"],
  ["Check baseUrl:", "Check --base-url:"],
];

export function inCliWords(error: SigmaMindError, fieldsOf: FieldsOf): string {
  // The client's way out is an option of its own; the CLI's are its fakes and the variable.
  if (error instanceof LiveWriteRefusedError) {
    const held =
      error.optInValue === undefined
        ? ""
        : ` (it is set to ${JSON.stringify(error.optInValue)}, which is neither 1 nor true)`;
    return `--base-url is the production API, and this is a test run (${error.runner}), which never places or deletes real calls; nothing was sent. Use --sandbox or --mock, or the --base-url of a fake; to write to the live API from a test run on purpose, set SIGMAMIND_ALLOW_LIVE_WRITES=1${held}.`;
  }
  if (error instanceof InvalidInputError && error.field !== undefined && error.problem !== undefined) {
    return `${cliNameOf(error.operation, error.field, fieldsOf)} ${withCliPhrases(error.problem)}.`;
  }
  // What the server said is quoted as it said it: only the client's words around it are the CLI's.
  const quoted = error instanceof APIError ? serverTextOf(error.body) : [];
  let said = "";
  let rest = error.message;
  for (let next = firstQuoted(rest, quoted); next; next = firstQuoted(rest, quoted)) {
    said += withCliPhrases(rest.slice(0, next.at)) + next.text;
    rest = rest.slice(next.at + next.text.length);
  }
  return said + withCliPhrases(rest);
}

function withCliPhrases(text: string): string {
  let said = text;
  for (const [client, cli] of PHRASES) said = said.replaceAll(client, cli);
  return said;
}

/** Every string of a server's body, as it may stand in the error's message. */
function serverTextOf(body: unknown, depth = 0): string[] {
  if (typeof body === "string") return body === "" ? [] : [body];
  if (body === null || typeof body !== "object" || depth > 8) return [];
  return Object.entries(body).flatMap(([key, value]) => [key, ...serverTextOf(value, depth + 1)]);
}

/** Where the first of `quoted` stands in `text`, the longest where two start together. */
function firstQuoted(text: string, quoted: readonly string[]): { at: number; text: string } | undefined {
  let found: { at: number; text: string } | undefined;
  for (const candidate of quoted) {
    const at = text.indexOf(candidate);
    if (at === -1) continue;
    if (!found || at < found.at || (at === found.at && candidate.length > found.text.length)) {
      found = { at, text: candidate };
    }
  }
  return found;
}

/** What the user typed for the client's `field` of `operation`: a command's flag or argument, or a global flag. */
function cliNameOf(operation: string | undefined, field: string, fieldsOf: FieldsOf): string {
  const fields = operation === undefined ? undefined : fieldsOf(operation);
  if (fields && Object.hasOwn(fields, field)) return fields[field] as string;
  return Object.hasOwn(GLOBAL_FLAGS, field) ? (GLOBAL_FLAGS[field] as string) : field;
}
