// `sigmamind config`: the profiles of the config file, read and set from the shell, so nobody edits its JSON by
// hand. A profile is chosen with --profile (or SIGMAMIND_PROFILE); without one, `set` and `get` act on "default".
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import {
  type Config,
  configPath,
  DEFAULT_PROFILE,
  PROFILE_KEYS,
  type ProfileKey,
  readConfig,
  refuseOpenPermissions,
  updateConfig,
} from "../config/config-file.js";
import { requestedProfile } from "../config/profile.js";
import { ExitCode, OutcomeError, UsageError } from "../errors.js";
import { parseChoice } from "../flag-values.js";
import { jsonText } from "../output/json.js";
import { terminalSafe } from "../output/terminal-text.js";
import { type CommandContext, defineCommand, type FlagSpecs } from "./command.js";

const KEYS_IN_WORDS = `${PROFILE_KEYS.join(" or ")}`;

export const configSetCommand = defineCommand({
  name: "set",
  summary: "set a profile's base-url or api-key-file",
  args: ["KEY", "VALUE"],
  flags: {},
  examples: [
    "sigmamind config set base-url https://api.sigmamind.ai --profile prod",
    "sigmamind config set api-key-file ~/.config/sigmamind/prod.key --profile prod",
    "sigmamind --profile prod calls list",
  ],
  async run({ args: [key = "", value = ""], globals, env, io }) {
    const profile = profileOf(globals.profile, env);
    const setting = checkedKey(key);
    const checked = setting === "base-url" ? checkBaseUrl(value) : await checkKeyFile(value);
    const path = configPath(env);
    await updateConfig(path, ({ profiles }) => ({
      profiles: { ...profiles, [profile]: { ...profiles[profile], [setting]: checked } },
    }));
    io.stderr.write(`Set ${setting} of profile "${profile}" in ${path}.\n`);
  },
});

export const configGetCommand = defineCommand({
  name: "get",
  summary: "print a profile's base-url or api-key-file",
  args: ["KEY"],
  flags: {},
  examples: ["sigmamind config get base-url --profile prod"],
  async run({ args: [key = ""], globals, env, io }) {
    const profile = profileOf(globals.profile, env);
    const setting = checkedKey(key);
    const path = configPath(env);
    const value = (await readConfig(path)).profiles[profile]?.[setting];
    if (value === undefined) {
      throw new OutcomeError(`${setting} is not set in profile "${profile}" of ${path}`, ExitCode.failure);
    }
    await io.stdout.write(`${terminalSafe(value)}\n`);
  },
});

const LIST_FORMATS = ["table", "json"] as const;

const LIST_FLAGS = {
  format: { type: "string", valueName: "F", choices: LIST_FORMATS, description: "table (default) or json" },
} as const satisfies FlagSpecs;

export const configListCommand = defineCommand({
  name: "list",
  summary: "list the profiles of the config file and what each sets",
  args: [],
  flags: LIST_FLAGS,
  examples: ["sigmamind config list", "sigmamind config list --format json"],
  async run({ flags, env, io }: CommandContext<typeof LIST_FLAGS>) {
    const format = parseChoice("--format", flags.format, LIST_FORMATS) ?? "table";
    const path = configPath(env);
    const config = await readConfig(path);
    if (format === "json") return io.stdout.write(`${jsonText(config, 2)}\n`);
    const rows = rowsOf(config);
    if (rows.length === 0) {
      io.stderr.write(`No profiles in ${path} yet: sigmamind config set base-url URL --profile NAME\n`);
      return;
    }
    if (io.stdoutIsTerminal) {
      const widths = [0, 1].map((column) =>
        Math.max(...[["PROFILE", "KEY"], ...rows].map((row) => row[column]?.length ?? 0)),
      );
      const line = (cells: readonly string[]) =>
        `${cells.map((cell, index) => (index < 2 ? cell.padEnd(widths[index] ?? 0) : cell)).join("  ")}\n`;
      await io.stdout.write(line(["PROFILE", "KEY", "VALUE"]));
      for (const row of rows) await io.stdout.write(line(row));
      await io.stdout.write(`\n${path}\n`);
      return;
    }
    for (const row of rows) await io.stdout.write(`${row.join("\t")}\n`);
  },
});

function rowsOf(config: Config): string[][] {
  return Object.entries(config.profiles).flatMap(([name, profile]) =>
    PROFILE_KEYS.filter((key) => profile[key] !== undefined).map((key) =>
      [name, key, profile[key] ?? ""].map(terminalSafe),
    ),
  );
}

function profileOf(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  return requestedProfile(flag, env)?.name ?? DEFAULT_PROFILE;
}

function checkedKey(key: string): ProfileKey {
  if ((PROFILE_KEYS as readonly string[]).includes(key)) return key as ProfileKey;
  throw new UsageError(`KEY must be ${KEYS_IN_WORDS}, got "${key}"`);
}

function checkBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`base-url must be a URL such as https://api.sigmamind.ai, got "${value}"`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new UsageError(`base-url must use https: or http:, got ${url.protocol}`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new UsageError("base-url must not carry credentials, a query or a fragment");
  }
  return value;
}

/** The key file as an absolute path, so the profile works from any folder; it must exist and be yours alone. */
async function checkKeyFile(value: string): Promise<string> {
  if (value === "" || value === "-") {
    throw new UsageError(`api-key-file must be the path of a file that holds the key, got "${value}"`);
  }
  const path = resolve(value);
  const found = await stat(path).catch(() => undefined);
  if (!found?.isFile())
    throw new UsageError(`api-key-file "${path}" is not a file: create it with the key in it first`);
  await refuseOpenPermissions(path, "api-key-file");
  return path;
}
