// What fits where the cursor is, for the shells' completion scripts: the command words, the flags, and the values
// of the flags and arguments that have a list of them. Read from the command tree and the spec's operation table
// at each Tab, so it always matches the commands of the installed CLI.
import { COMMAND_GROUPS, type CommandGroup } from "../command-tree.js";
import type { Command, FlagSpecs } from "../commands/command.js";
import { configPath, PROFILE_KEYS, readConfig } from "../config/config-file.js";
import { checkProfileName } from "../config/profile.js";
import { OPERATIONS } from "../generated/operations.js";
import { GLOBAL_FLAGS } from "../global-flags.js";

/** Positional arguments that take one of a list, by command and position: the KEY of `config get` and `config set`. */
const ARGUMENT_VALUES: Readonly<Record<string, readonly (readonly string[])[]>> = {
  "config get": [PROFILE_KEYS],
  "config set": [PROFILE_KEYS],
};

/** The words before the cursor, as the command line's parser would read them. */
interface LineSoFar {
  readonly positionals: readonly string[];
  readonly group: CommandGroup | undefined;
  readonly command: Command | undefined;
  /** Flags given, by name, so that one is not offered twice. */
  readonly given: ReadonlySet<string>;
  /** The flag whose value the word under the cursor is. */
  readonly awaitingValueFor: string | undefined;
  /** After `--`, every word is an argument. */
  readonly flagsEnded: boolean;
}

/**
 * The candidates for the last of `words` (the words after `sigmamind`; the last is the one under the cursor, ""
 * when a new word is begun) that start with what it holds so far, in the order --help lists them.
 */
export async function completionCandidates(
  words: readonly string[],
  env: NodeJS.ProcessEnv,
  groups: readonly CommandGroup[] = COMMAND_GROUPS,
): Promise<string[]> {
  const current = words.at(-1) ?? "";
  const line = readLine(words.slice(0, -1), groups);
  const candidates = await candidatesFor(current, line, groups, env);
  return candidates.filter((candidate) => candidate.startsWith(current));
}

async function candidatesFor(
  current: string,
  line: LineSoFar,
  groups: readonly CommandGroup[],
  env: NodeJS.ProcessEnv,
): Promise<string[]> {
  if (line.awaitingValueFor !== undefined) return valuesOf(line.awaitingValueFor, current, line, env);
  if (line.flagsEnded || !current.startsWith("-")) return argumentsAt(line, groups);
  const equals = current.indexOf("=");
  if (current.startsWith("--") && equals !== -1) {
    const name = current.slice(2, equals);
    return (await valuesOf(name, current.slice(equals + 1), line, env)).map((value) => `--${name}=${value}`);
  }
  return flagWords(line);
}

/** Reads the words as util.parseArgs does: a flag that takes a value takes the next word, whatever it is. */
function readLine(words: readonly string[], groups: readonly CommandGroup[]): LineSoFar {
  const positionals: string[] = [];
  const given = new Set<string>();
  let awaitingValueFor: string | undefined;
  let flagsEnded = false;
  let group: CommandGroup | undefined;
  let command: Command | undefined;
  for (const word of words) {
    const flags = flagsInScope(groups, group, command);
    if (awaitingValueFor !== undefined) {
      awaitingValueFor = undefined;
    } else if (flagsEnded || !word.startsWith("-") || word === "-") {
      positionals.push(word);
      group = groups.find((candidate) => candidate.name === positionals[0]);
      command = group?.commands.find((candidate) => candidate.name === positionals[1]);
    } else if (word === "--") {
      flagsEnded = true;
    } else if (word.startsWith("--")) {
      const [name = ""] = word.slice(2).split("=", 1);
      given.add(name);
      if (!word.includes("=") && flags[name]?.type === "string") awaitingValueFor = name;
    } else {
      // Short flags, one or more in a word (-hy); one that takes a value takes the rest of the word, or the next.
      for (const [at, letter] of [...word.slice(1)].entries()) {
        const name = Object.keys(flags).find((candidate) => flags[candidate]?.short === letter);
        if (name === undefined) break;
        given.add(name);
        if (flags[name]?.type === "string") {
          if (at === word.length - 2) awaitingValueFor = name;
          break;
        }
      }
    }
  }
  return { positionals, group, command, given, awaitingValueFor, flagsEnded };
}

/**
 * The flags a word may be: the global ones and the command's, once the command is known; until then also those of
 * every command, since the parser takes a command's flags before its words too.
 */
function flagsInScope(
  groups: readonly CommandGroup[],
  group: CommandGroup | undefined,
  command: Command | undefined,
): FlagSpecs {
  const commands = command ? [command] : (group ? [group] : groups).flatMap((candidate) => candidate.commands);
  return Object.assign({}, ...commands.map((candidate) => candidate.flags), GLOBAL_FLAGS);
}

/** The command's own flags, then the global ones; short forms too; none given already, unless it may repeat. */
function flagWords(line: LineSoFar): string[] {
  const flags: FlagSpecs = { ...line.command?.flags, ...GLOBAL_FLAGS };
  return Object.entries(flags)
    .filter(([name, flag]) => flag.multiple === true || !line.given.has(name))
    .flatMap(([name, flag]) => (flag.short ? [`-${flag.short}`, `--${name}`] : [`--${name}`]));
}

function argumentsAt(line: LineSoFar, groups: readonly CommandGroup[]): string[] {
  const [groupName, commandName, ...args] = line.positionals;
  if (groupName === undefined) return groups.map((group) => group.name);
  if (line.group === undefined) return [];
  if (commandName === undefined) return line.group.commands.map((command) => command.name);
  if (line.command === undefined) return [];
  return [...(ARGUMENT_VALUES[`${line.group.name} ${line.command.name}`]?.[args.length] ?? [])];
}

/**
 * The values a flag takes: the profiles of the config file for --profile, else those its spec declares, else those
 * the API's spec lists for the input it sends (--status). For a comma-separated list (--fields), the names not yet
 * in it, after those `typed` so far. None for a flag without a list.
 */
async function valuesOf(name: string, typed: string, line: LineSoFar, env: NodeJS.ProcessEnv): Promise<string[]> {
  if (name === "profile") return profileNames(env);
  const flag = line.command?.flags[name] ?? (GLOBAL_FLAGS as FlagSpecs)[name];
  if (flag?.type !== "string") return [];
  if (flag.listOf) return listValues(typed, flag.listOf);
  return [...(flag.choices ?? (line.command && valuesTheSpecLists(line.command, name)) ?? [])];
}

/**
 * `typed` with each name of `items` not in it yet added after its last comma, as the command reads the list: names
 * trimmed, none empty. Nothing when what is typed already has an empty name, which the command would refuse.
 */
function listValues(typed: string, items: readonly string[]): string[] {
  const comma = typed.lastIndexOf(",");
  const named = typed.slice(0, comma + 1);
  const taken =
    comma === -1
      ? []
      : named
          .slice(0, -1)
          .split(",")
          .map((name) => name.trim());
  if (taken.includes("")) return [];
  // Blanks after the comma stay, so that what is offered still begins with what was typed.
  const blanks = /^\s*/.exec(typed.slice(comma + 1))?.[0] ?? "";
  return items.filter((item) => !taken.includes(item)).map((item) => named + blanks + item);
}

function valuesTheSpecLists(command: Command, name: string): readonly string[] | undefined {
  const operation = OPERATIONS.find((candidate) => candidate.label === command.label);
  const inputs = [...(operation?.query ?? []), ...(operation?.body ?? [])];
  // A hand-written command may name an input's flag its own way: its `fields` say how.
  return inputs.find((input) => (command.fields?.[input.name] ?? input.flag) === `--${name}`)?.known;
}

async function profileNames(env: NodeJS.ProcessEnv): Promise<string[]> {
  try {
    const { profiles } = await readConfig(configPath(env));
    return Object.keys(profiles).filter(isProfileName);
  } catch {
    // A config file that cannot be used is reported by the command that uses it, not in the line being typed.
    return [];
  }
}

/** A name --profile accepts; any other would be no use, and one with a line break would read as two candidates. */
function isProfileName(name: string): boolean {
  try {
    checkProfileName("--profile", name);
    return true;
  } catch {
    return false;
  }
}
