// Where the API key comes from: --api-key, --api-key-file (a file, or stdin with "-"), a profile named with
// --profile or SIGMAMIND_PROFILE, SIGMAMIND_API_KEY, then the default profile.
import { refuseOpenPermissions } from "./config/config-file.js";
import type { ChosenProfile } from "./config/profile.js";
import { UsageError } from "./errors.js";
import type { IOStreams } from "./io-streams.js";
import { readAtMost } from "./read-at-most.js";

export interface ApiKeyFlags {
  readonly "api-key"?: string | undefined;
  readonly "api-key-file"?: string | undefined;
}

/**
 * Which sources may give the key, given where the base URL came from: a key and a URL set up together go together,
 * so a key exported for one API never reaches the URL of a profile set up for another.
 */
export interface KeySources {
  readonly profile: ChosenProfile | undefined;
  /** The profile's key file may be read: the URL is the profile's, a flag's, or the production default. */
  readonly profileKey: boolean;
  /** SIGMAMIND_API_KEY may be read: the URL is not a profile's. */
  readonly environmentKey: boolean;
}

/** The key, or undefined when none was given; a key file that gives none is a usage error. */
export async function readApiKey(
  flags: ApiKeyFlags,
  env: NodeJS.ProcessEnv,
  io: IOStreams,
  sources: KeySources,
): Promise<string | undefined> {
  const path = flags["api-key-file"];
  if (flags["api-key"] !== undefined && path !== undefined) {
    throw new UsageError("--api-key and --api-key-file cannot be used together: give the key one way");
  }
  const fromFlag = flags["api-key"]?.trim();
  if (fromFlag) {
    io.stderr.write(
      "sigmamind: warning: --api-key shows the key in shell history and `ps`; set SIGMAMIND_API_KEY or use --api-key-file instead.\n",
    );
    return fromFlag;
  }
  if (path !== undefined) return readKeyFile(path, io, "--api-key-file");
  const { profile } = sources;
  if (profile?.named && sources.profileKey) {
    const fromProfile = await readProfileKey(profile, io);
    if (fromProfile !== undefined) return fromProfile;
  }
  const fromEnvironment = sources.environmentKey ? env.SIGMAMIND_API_KEY?.trim() : undefined;
  if (fromEnvironment) return fromEnvironment;
  return profile && !profile.named && sources.profileKey ? readProfileKey(profile, io) : undefined;
}

/**
 * The key in the file a profile names, if it names one. A file others may read is refused, as ssh refuses such a
 * key: the key in it is no longer only yours.
 */
async function readProfileKey(profile: ChosenProfile, io: IOStreams): Promise<string | undefined> {
  const path = profile.settings["api-key-file"];
  if (path === undefined) return undefined;
  const source = `profile "${profile.name}"'s api-key-file`;
  try {
    await refuseOpenPermissions(path, source);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${source} cannot be read, "${path}": ${describeReadError(error)}`);
  }
  return readKeyFile(path, io, source);
}

/** `source` is how the user named the file: `--api-key-file`, or a profile's setting. */
async function readKeyFile(path: string, io: IOStreams, source: string): Promise<string> {
  // The messages name the file, never what it holds.
  if (path === "-") {
    // Typed at a terminal, the key would be echoed on the screen and kept in its scrollback.
    if (io.stdinIsTerminal) {
      throw new UsageError(
        "--api-key-file - reads the key from a pipe, and stdin is a terminal: pipe the key in, or set SIGMAMIND_API_KEY",
      );
    }
    const piped = await io.readStdin(MAX_KEY_FILE_BYTES);
    if (piped === undefined) {
      throw new UsageError(
        `--api-key-file -: stdin holds more than ${MAX_KEY_FILE_BYTES} bytes, more than any API key: pipe in only the key`,
      );
    }
    const key = piped.trim();
    if (!key) throw new UsageError("--api-key-file -: stdin is empty; pipe the API key in");
    return key;
  }
  let text: string | undefined;
  try {
    text = await readAtMost(path, MAX_KEY_FILE_BYTES);
  } catch (error) {
    throw new UsageError(`${source} cannot read "${path}": ${describeReadError(error)}`);
  }
  if (text === undefined) {
    throw new UsageError(
      `${source} "${path}" holds more than ${MAX_KEY_FILE_BYTES} bytes, more than any API key: point it at a file that holds only the key`,
    );
  }
  const key = text.trim();
  if (!key) throw new UsageError(`${source} "${path}" is empty: put the API key in it`);
  return key;
}

/**
 * The most a key file is read: a key is at most 1,024 characters, so four times that is a file of something else
 * (or /dev/zero), which is refused before it fills memory.
 */
export const MAX_KEY_FILE_BYTES = 4_096;

function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "it is a directory";
  return code ?? String(error);
}
