// The client's messages name its own options and fields ("new SigmaMind(options): timeoutMs ..."); the person
// at the CLI typed flags. One table turns the client's words into the CLI's.

/** Each name the client gives a value that the CLI takes from its command line, and what the user typed. */
const CLI_NAMES: Readonly<Record<string, string>> = {
  fromPhoneNumber: "--from",
  toPhoneNumber: "--to",
  agentId: "--agent",
  dynamicVariables: "--var",
  callId: "the call ID",
  status: "--status",
  page: "--page",
  size: "--size",
  timeoutMs: "--timeout",
  maxRetries: "--max-retries",
  baseUrl: "--base-url",
  apiKey: "--api-key",
  allowInsecureHttp: "--allow-insecure-http",
};

/** The client's advice where it names its options in a phrase of their own. */
const PHRASES: readonly (readonly [client: string, cli: string])[] = [
  ["(the apiKey option or SIGMAMIND_API_KEY)", "(SIGMAMIND_API_KEY, --api-key-file or --api-key)"],
  [" (see retryAfterMs)", ""],
  ["pass allowInsecureHttp: true", "pass --allow-insecure-http"],
  ["list recent calls (client.calls.list())", "list recent calls (sigmamind calls list)"],
];

/** "calls.create: ", "new SigmaMind(options): ": where the client says which call or constructor refused. */
const LABEL = /^(?:calls\.\w+|new SigmaMind\(options\)): /;
/** The name a labelled message is about: "calls.list: size must be 1 or more". */
const SUBJECT = /^\w+(?= )/;
/** camelCase never occurs in prose, so these names are replaced wherever they are; "status" or "size" only as a subject. */
const CAMEL_CASE_NAME = /\b[a-z]+(?:[A-Z][a-z]*)+\b/g;

export function inCliWords(message: string): string {
  const label = LABEL.exec(message);
  let text = label ? message.slice(label[0].length).replace(SUBJECT, cliName) : message;
  for (const [client, cli] of PHRASES) text = text.replaceAll(client, cli);
  return text.replace(CAMEL_CASE_NAME, cliName);
}

function cliName(name: string): string {
  return Object.hasOwn(CLI_NAMES, name) ? (CLI_NAMES[name] as string) : name;
}
