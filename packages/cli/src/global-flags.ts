// The flags every command takes: where the API is, how to authenticate, how hard to try, how much to say.
import { readApiKey } from "./api-key.js";
import type { FlagSpecs, FlagValues } from "./commands/command.js";
import { type ChosenProfile, chooseProfile } from "./config/profile.js";
import { UsageError } from "./errors.js";
import { parseSwitch, parseWholeNumber } from "./flag-values.js";
import type { IOStreams } from "./io-streams.js";

export const GLOBAL_FLAGS = {
  "api-key": {
    type: "string",
    valueName: "KEY",
    description: "API key; it shows in shell history and `ps`, so prefer $SIGMAMIND_API_KEY or --api-key-file",
  },
  "api-key-file": {
    type: "string",
    valueName: "PATH",
    description: 'read the API key from a file, or from stdin with "-"',
  },
  profile: {
    type: "string",
    valueName: "NAME",
    description:
      'use the base URL and key file of this profile of the config file (default: $SIGMAMIND_PROFILE, then "default")',
  },
  "base-url": {
    type: "string",
    valueName: "URL",
    description: "API address (default: $SIGMAMIND_BASE_URL, then https://api.sigmamind.ai)",
  },
  "allow-insecure-http": {
    type: "boolean",
    description: "allow a plain http:// --base-url on another host (default: $SIGMAMIND_ALLOW_INSECURE_HTTP)",
  },
  mock: {
    type: "boolean",
    description: "start a mock of the API that serves the spec's examples, and use it; no key needed",
  },
  sandbox: {
    type: "boolean",
    description: "start the stateful sandbox (real pages, create, get, delete) and use it; no key needed",
  },
  "max-retries": {
    type: "string",
    valueName: "N",
    description: "retries of a failed request that is safe to repeat, 0 to 10 (default: 2)",
  },
  timeout: { type: "string", valueName: "MS", description: "time allowed for each attempt (default: 30000)" },
  debug: { type: "boolean", description: "log each request, and show stack traces on errors" },
  help: { type: "boolean", short: "h", description: "show this help" },
  version: { type: "boolean", description: "print sigmamind's version" },
} as const satisfies FlagSpecs;

export type GlobalFlagValues = FlagValues<typeof GLOBAL_FLAGS>;

/** What --mock and --sandbox start, from @sigmamind/mock. */
export type FakeApi = "mock" | "sandbox";

export interface ConnectionSettings {
  readonly apiKey: string | undefined;
  readonly baseUrl: string | undefined;
  /** A plain http:// base URL on another host is refused unless this is set: the key would cross unencrypted. */
  readonly allowInsecureHttp: boolean;
  /** The fake API to start for this run (--mock or --sandbox), if any. */
  readonly fake: FakeApi | undefined;
  readonly debug: boolean;
  readonly maxRetries: number | undefined;
  readonly timeoutMs: number | undefined;
}

export async function connectionSettings(
  flags: GlobalFlagValues,
  env: NodeJS.ProcessEnv,
  io: IOStreams,
): Promise<ConnectionSettings> {
  if (flags.sandbox && flags.mock) {
    throw new UsageError("--sandbox and --mock cannot be used together: pick the stateful sandbox or the examples");
  }
  for (const fake of ["mock", "sandbox"] as const) {
    if (flags[fake] && flags["base-url"] !== undefined) {
      throw new UsageError(`--${fake} and --base-url cannot be used together: --${fake} serves its own URL`);
    }
  }
  // A fake takes any key and serves its own URL: no profile applies, and none is read.
  const profile = flags.sandbox || flags.mock ? undefined : await chooseProfile(flags.profile, env);
  const { baseUrl, from } = chooseBaseUrl(flags["base-url"], profile, env);
  const apiKey = await readApiKey(flags, env, io, {
    profile,
    profileKey: from !== "environment",
    environmentKey: from !== "profile",
  });
  if (apiKey === undefined && from === "profile" && profile) {
    throw new UsageError(
      `profile "${profile.name}" sets base-url but no api-key-file, and SIGMAMIND_API_KEY is never sent to a profile's base URL: run sigmamind config set api-key-file PATH --profile ${profile.name}, or pass --api-key-file`,
    );
  }
  return {
    apiKey,
    baseUrl,
    allowInsecureHttp:
      flags["allow-insecure-http"] === true ||
      parseSwitch("SIGMAMIND_ALLOW_INSECURE_HTTP", env.SIGMAMIND_ALLOW_INSECURE_HTTP) === true,
    fake: flags.sandbox ? "sandbox" : flags.mock ? "mock" : undefined,
    debug: flags.debug === true,
    maxRetries: parseWholeNumber("--max-retries", flags["max-retries"], { min: 0, max: 10 }),
    timeoutMs: parseWholeNumber("--timeout", flags.timeout, { min: 1 }),
  };
}

/**
 * Every API key in sight, read from the raw arguments and the environment so that it can be kept out of
 * error messages even when the arguments themselves could not be parsed. A key read from --api-key-file is
 * added once it has been read.
 */
export function apiKeysIn(argv: readonly string[], env: NodeJS.ProcessEnv): string[] {
  const keys = [env.SIGMAMIND_API_KEY];
  argv.forEach((argument, index) => {
    if (argument === "--api-key") keys.push(argv[index + 1]);
    else if (argument.startsWith("--api-key=")) keys.push(argument.slice("--api-key=".length));
  });
  return keys.map((key) => key?.trim()).filter((key): key is string => Boolean(key));
}

/**
 * The base URL and where it came from: the flag, then a profile named for this run, then SIGMAMIND_BASE_URL, then
 * the default profile; none for the production API.
 */
function chooseBaseUrl(
  flag: string | undefined,
  profile: ChosenProfile | undefined,
  env: NodeJS.ProcessEnv,
): { baseUrl: string | undefined; from: "flag" | "profile" | "environment" | "default" } {
  if (flag !== undefined) return { baseUrl: flag, from: "flag" };
  const fromProfile = profile?.settings["base-url"];
  if (profile?.named && fromProfile !== undefined) return { baseUrl: fromProfile, from: "profile" };
  const fromEnvironment = env.SIGMAMIND_BASE_URL?.trim() || undefined;
  if (fromEnvironment !== undefined) return { baseUrl: fromEnvironment, from: "environment" };
  if (fromProfile !== undefined) return { baseUrl: fromProfile, from: "profile" };
  return { baseUrl: undefined, from: "default" };
}
