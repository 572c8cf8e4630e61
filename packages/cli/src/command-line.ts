// Reading the command line with util.parseArgs: which command, with which flags and arguments, or which help.
import { type ParseArgsConfig, parseArgs } from "node:util";
import { COMMAND_GROUPS, type CommandGroup, PROGRAM } from "./command-tree.js";
import type { Command, FlagSpecs, FlagValues } from "./commands/command.js";
import { UsageError } from "./errors.js";
import { GLOBAL_FLAGS, type GlobalFlagValues } from "./global-flags.js";
import { commandHelp, groupHelp, programHelp } from "./help.js";
import { cliVersion } from "./version.js";

export type Invocation =
  /** Help or the version: text for stdout, and nothing to run. */
  | { readonly kind: "print"; readonly text: string }
  | {
      readonly kind: "run";
      readonly command: Command;
      /** "sigmamind calls list": where --help is, for the hint after a usage error. */
      readonly commandPath: string;
      readonly flags: FlagValues<FlagSpecs>;
      readonly globals: GlobalFlagValues;
      readonly args: readonly string[];
    };

/** A usage error that knows which command's --help to point to. */
export class CommandLineError extends UsageError {
  override name = "CommandLineError";
  constructor(
    message: string,
    readonly commandPath: string,
  ) {
    super(message);
  }
}

/**
 * Global flags may come before or after the command words (`sigmamind --mock calls list` or
 * `sigmamind calls list --mock`), so the words are found first with every known flag, leniently; then the
 * command's own flags are read strictly, so a flag another command takes is still refused.
 */
export function parseCommandLine(argv: readonly string[]): Invocation {
  const lenient = parseArgs({
    args: [...argv],
    options: parserOptions(everyFlag()),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  // An option no command knows, before the command words, would take the next word for the command
  // (`--region eu calls list` is not the command "prod"): it is named for what it is.
  const firstWord = lenient.tokens.findIndex((token) => token.kind === "positional");
  const unknownBefore = lenient.tokens.find(
    (token, at) => token.kind === "option" && !(token.name in everyFlag()) && (firstWord === -1 || at < firstWord),
  );
  if (unknownBefore?.kind === "option") throw new CommandLineError(`unknown option ${unknownBefore.rawName}`, PROGRAM);
  const [groupName, commandName] = lenient.positionals;
  const wantsHelp = lenient.values.help === true;
  if (lenient.values.version === true && !wantsHelp) return { kind: "print", text: `${PROGRAM} ${cliVersion()}\n` };

  if (groupName === undefined) {
    // Bare `sigmamind` shows what there is to do, as git and gh do; a flag it does not know is still refused.
    if (!wantsHelp) parseStrictly(argv, GLOBAL_FLAGS, PROGRAM);
    return { kind: "print", text: programHelp() };
  }
  const group = COMMAND_GROUPS.find((candidate) => candidate.name === groupName);
  if (!group) throw new CommandLineError(`unknown command "${groupName}"`, PROGRAM);
  const groupPath = `${PROGRAM} ${group.name}`;
  if (commandName === undefined) {
    if (wantsHelp) return { kind: "print", text: groupHelp(group) };
    throw new CommandLineError(`"${group.name}" needs a command: ${commandNames(group)}`, groupPath);
  }
  const command = group.commands.find((candidate) => candidate.name === commandName);
  if (!command) {
    throw new CommandLineError(`unknown command "${group.name} ${commandName}"; try ${commandNames(group)}`, groupPath);
  }
  if (wantsHelp) return { kind: "print", text: commandHelp(group, command) };

  const commandPath = `${groupPath} ${command.name}`;
  const strict = parseStrictly(argv, { ...GLOBAL_FLAGS, ...command.flags }, commandPath);
  const args = strict.positionals.slice(2);
  const missing = command.args[args.length];
  if (missing !== undefined) throw new CommandLineError(`missing ${missing}`, commandPath);
  const extra = args[command.args.length];
  if (extra !== undefined) throw new CommandLineError(`unexpected argument "${extra}"`, commandPath);
  // parseArgs read the values with these very specs, which is what FlagValues describes.
  const flags = strict.values as FlagValues<FlagSpecs>;
  return { kind: "run", command, commandPath, flags, globals: flags as GlobalFlagValues, args };
}

function parseStrictly(argv: readonly string[], flags: FlagSpecs, commandPath: string) {
  try {
    return parseArgs({ args: [...argv], options: parserOptions(flags), strict: true, allowPositionals: true });
  } catch (error) {
    throw new CommandLineError(describeParseError(error), commandPath);
  }
}

/** parseArgs explains its errors at length, for a program's author; these say it in one clause, for its user. */
function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const flag = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? "an option";
  const code = (error as { code?: string }).code;
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `unknown option ${flag}`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    if (message.includes("does not take an argument")) return `${flag} takes no value`;
    if (message.includes("ambiguous"))
      return `${flag} needs a value; to pass one that starts with "-", write ${flag}=VALUE`;
    return `${flag} needs a value`;
  }
  throw error;
}

function everyFlag(): FlagSpecs {
  const commandFlags = COMMAND_GROUPS.flatMap((group) => group.commands.map((command) => command.flags));
  return Object.assign({}, GLOBAL_FLAGS, ...commandFlags);
}

function parserOptions(flags: FlagSpecs): NonNullable<ParseArgsConfig["options"]> {
  return Object.fromEntries(
    Object.entries(flags).map(([name, { type, multiple, short }]) => [
      name,
      { type, ...(multiple && { multiple }), ...(short && { short }) },
    ]),
  );
}

function commandNames(group: CommandGroup): string {
  return group.commands.map((command) => command.name).join(", ");
}
