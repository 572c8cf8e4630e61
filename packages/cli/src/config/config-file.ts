// The CLI's config file: named profiles, each a base URL and the file that holds its key, in the platform's config
// folder. It can point the CLI at an API with a key, so it is refused when others may read or change it, as ssh
// refuses such a key, and it is only ever replaced whole: a failed write leaves the old file as it was.
import { randomBytes } from "node:crypto";
import { chmod, mkdir, open, realpath, rename, rm, stat } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, isAbsolute, join } from "node:path";
import { UsageError } from "../errors.js";
import { readAtMost } from "../read-at-most.js";

/** What a profile may set, by the name `sigmamind config set` takes. */
export const PROFILE_KEYS = ["base-url", "api-key-file"] as const;
export type ProfileKey = (typeof PROFILE_KEYS)[number];
export type Profile = { readonly [Key in ProfileKey]?: string };

export interface Config {
  readonly profiles: Readonly<Record<string, Profile>>;
}

/** The profile used when none is named with --profile or SIGMAMIND_PROFILE. */
export const DEFAULT_PROFILE = "default";

/** Far more than any set of profiles: a bigger file is something else, refused before it fills memory. */
const MAX_CONFIG_BYTES = 65_536;

/**
 * Where the config file lives: `SIGMAMIND_CONFIG_DIR` if set; on Windows `%APPDATA%\sigmamind`; elsewhere
 * `$XDG_CONFIG_HOME/sigmamind`, else `~/.config/sigmamind` (as gh and the Stripe CLI keep theirs, on macOS too).
 */
export function configPath(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  const home = () => env.HOME || env.USERPROFILE || homedir();
  const chosen = env.SIGMAMIND_CONFIG_DIR?.trim();
  // Relative, it would name another folder from each folder the CLI runs in.
  if (chosen && !isAbsolute(chosen)) {
    throw new UsageError(`SIGMAMIND_CONFIG_DIR must be an absolute path, got "${chosen}"`);
  }
  const directory =
    chosen ||
    (platform === "win32"
      ? join(env.APPDATA || join(home(), "AppData", "Roaming"), "sigmamind")
      : join(env.XDG_CONFIG_HOME?.trim() || join(home(), ".config"), "sigmamind"));
  return join(directory, "config.json");
}

/**
 * Refuses a file that is not a regular file (a folder, a pipe that would never end, a device), or that group or
 * others may read or write (`what` names it in the message), with the `chmod` that fixes it. The mode is the
 * file's a link points to, which is what is read. Windows has no such mode bits, so only the kind is checked there.
 */
export async function refuseOpenPermissions(path: string, what: string): Promise<void> {
  const found = await stat(path);
  if (!found.isFile()) {
    throw new UsageError(
      `${what} "${path}" is not a regular file (it is ${found.isDirectory() ? "a folder" : "a pipe, a socket or a device"}): point it at a file`,
    );
  }
  if (process.platform === "win32") return;
  const open = found.mode & 0o077;
  if (open === 0) return;
  throw new UsageError(
    `${what} "${path}" can be ${open & 0o044 ? "read" : "changed"} by other users (permissions ${(found.mode & 0o777).toString(8).padStart(4, "0")}), so it is not used: run chmod 600 "${path}"`,
  );
}

/**
 * Refuses the config file's folder when group or others may change it, as ssh refuses such a ~/.ssh: they could
 * put a file of their own in its place. A sticky folder (/tmp) lets no one replace another's file, so it is kept.
 */
async function refuseOpenFolder(folder: string): Promise<void> {
  if (process.platform === "win32") return;
  const { mode } = await stat(folder);
  if ((mode & 0o022) === 0 || (mode & 0o1000) !== 0) return;
  throw new UsageError(
    `the config file's folder "${folder}" can be changed by other users (permissions ${(mode & 0o7777).toString(8).padStart(4, "0")}), so the config file in it is not used: run chmod go-w "${folder}"`,
  );
}

/** The config file's profiles; none when there is no file yet. */
export async function readConfig(path: string): Promise<Config> {
  let text: string;
  try {
    await refuseOpenFolder(dirname(path));
    await refuseOpenPermissions(path, "the config file");
    const read = await readAtMost(path, MAX_CONFIG_BYTES);
    if (read === undefined) {
      throw new UsageError(
        `the config file "${path}" is larger than ${MAX_CONFIG_BYTES} bytes: it is not one sigmamind wrote`,
      );
    }
    text = read;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { profiles: Object.create(null) };
    if (code === "ENOTDIR") {
      throw new UsageError(
        `the config file's folder "${dirname(path)}" is not a folder: move what is there, or set SIGMAMIND_CONFIG_DIR`,
      );
    }
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `the config file "${path}" is not JSON (${(error as Error).message}): fix it, or remove it and set the profiles again with sigmamind config set`,
    );
  }
  return checkConfig(parsed, path);
}

/**
 * Writes the whole file anew, readable by its owner only, through a temporary file renamed over the old one, so a
 * failed write leaves the old file whole. A config file that is a link (to a dotfiles repository) is written where
 * it points. One writer at a time: `update` reads the file under a lock, so two runs at once both land.
 */
export async function updateConfig(path: string, update: (config: Config) => Config): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await refuseOpenFolder(dirname(path));
  const target = await realpath(path).catch(() => path);
  const release = await lock(`${target}.lock`);
  try {
    const config = update(await readConfig(target));
    const temporary = `${target}.${randomBytes(6).toString("hex")}.tmp`;
    try {
      // "wx": a file planted under the temporary name is never written through.
      const file = await open(temporary, "wx", 0o600);
      try {
        await file.writeFile(`${JSON.stringify(config, null, 2)}\n`);
        await file.sync();
      } finally {
        await file.close();
      }
      // The mode given to open() is narrowed by the umask, never widened; set exactly.
      await chmod(temporary, 0o600);
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  } finally {
    await release();
  }
}

/** How long `config set` waits for another one to finish before saying so. */
const LOCK_WAIT_MS = 5_000;

async function lock(path: string): Promise<() => Promise<void>> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      await (await open(path, "wx", 0o600)).close();
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (Date.now() > deadline) {
        throw new UsageError(
          `another sigmamind is changing the config file, or one stopped and left "${path}": if none is running, remove that file and run the command again`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

function checkConfig(value: unknown, path: string): Config {
  const fix = `fix "${path}", or remove it and set the profiles again with sigmamind config set`;
  const profiles = (value as { profiles?: unknown } | null)?.profiles ?? {};
  if (typeof value !== "object" || value === null || typeof profiles !== "object" || Array.isArray(profiles)) {
    throw new UsageError(`the config file holds no "profiles" object: ${fix}`);
  }
  for (const [name, profile] of Object.entries(profiles as Record<string, unknown>)) {
    if (typeof profile !== "object" || profile === null || Array.isArray(profile)) {
      throw new UsageError(`profile "${name}" in the config file is not an object: ${fix}`);
    }
    for (const [key, setting] of Object.entries(profile)) {
      if (!(PROFILE_KEYS as readonly string[]).includes(key)) {
        throw new UsageError(
          `profile "${name}" in the config file sets "${key}", which is not one of ${PROFILE_KEYS.join(", ")}: ${fix}`,
        );
      }
      if (typeof setting !== "string") throw new UsageError(`profile "${name}"'s ${key} is not a string: ${fix}`);
    }
  }
  // Without a prototype, a profile called "constructor" or "toString" is only ever one the file holds.
  const checked: Record<string, Profile> = Object.create(null);
  for (const [name, profile] of Object.entries(profiles as Record<string, Profile>)) {
    checked[name] = Object.assign(Object.create(null), profile);
  }
  return { profiles: checked };
}
