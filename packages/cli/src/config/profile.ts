// Which profile a run uses: the one named with --profile or SIGMAMIND_PROFILE, else the config file's "default"
// profile if it has one. A named profile that does not exist is an error, never a silent fall back to another API.
import { UsageError } from "../errors.js";
import { type Config, configPath, DEFAULT_PROFILE, type Profile, readConfig } from "./config-file.js";

export interface ChosenProfile {
  readonly name: string;
  /**
   * Named with --profile or SIGMAMIND_PROFILE. A named profile's settings come before SIGMAMIND_BASE_URL and
   * SIGMAMIND_API_KEY (naming it asks for them); the default profile's come after.
   */
  readonly named: boolean;
  readonly settings: Profile;
}

/** A profile name: letters, digits, `-` and `_`, as a shell completes it and a config file keys it. */
const PROFILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export function checkProfileName(source: string, name: string): string {
  if (!PROFILE_NAME.test(name)) {
    throw new UsageError(
      `${source} must be a profile name of letters, digits, "-" and "_" (at most 64, starting with a letter or digit), got "${name}"`,
    );
  }
  return name;
}

/** The name a run asks for and where it was given, if it asks for one. */
export function requestedProfile(
  flag: string | undefined,
  env: NodeJS.ProcessEnv,
): { name: string; source: string } | undefined {
  if (flag !== undefined) return { name: checkProfileName("--profile", flag), source: "--profile" };
  const fromEnvironment = env.SIGMAMIND_PROFILE?.trim();
  if (!fromEnvironment) return undefined;
  return { name: checkProfileName("SIGMAMIND_PROFILE", fromEnvironment), source: "SIGMAMIND_PROFILE" };
}

export async function chooseProfile(
  flag: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<ChosenProfile | undefined> {
  const requested = requestedProfile(flag, env);
  const path = configPath(env);
  const config = await readConfig(path);
  if (requested === undefined) {
    const settings = config.profiles[DEFAULT_PROFILE];
    return settings ? { name: DEFAULT_PROFILE, named: false, settings } : undefined;
  }
  const settings = config.profiles[requested.name];
  if (!settings) throw new UsageError(noSuchProfile(requested, path, config));
  return { name: requested.name, named: true, settings };
}

function noSuchProfile(requested: { name: string; source: string }, path: string, config: Config): string {
  const names = Object.keys(config.profiles);
  const known = names.length > 0 ? `its profiles are ${names.join(", ")}` : "it has none";
  return `${requested.source} ${requested.name}: there is no such profile in "${path}" (${known}); add it with: sigmamind config set base-url URL --profile ${requested.name}`;
}
