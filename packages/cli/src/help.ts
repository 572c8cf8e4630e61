// The text --help prints at each level: the program, a group of commands, one command.
import { COMMAND_GROUPS, type CommandGroup, PROGRAM } from "./command-tree.js";
import type { Command, FlagSpecs } from "./commands/command.js";
import { GLOBAL_FLAGS } from "./global-flags.js";

const FOOTER = [
  "Exit status: 0 success, 1 API or network error, 2 usage error, 3 not confirmed at the prompt (nothing sent);",
  "calls wait and create --wait: 4 the call ended not connected or failed, 5 the wait ran out, 130 stopped with Ctrl-C.",
  "Environment: SIGMAMIND_API_KEY, SIGMAMIND_BASE_URL, SIGMAMIND_PROFILE, SIGMAMIND_CONFIG_DIR,",
  "SIGMAMIND_ALLOW_INSECURE_HTTP.",
];

export function programHelp(): string {
  const commands = COMMAND_GROUPS.flatMap((group) =>
    group.commands.map((command): [string, string] => [`${group.name} ${command.name}`, command.summary]),
  );
  return sections(
    `Usage: ${PROGRAM} <command> [options]`,
    "Work with SigmaMind AI phone calls from the shell.",
    ["Commands:", ...twoColumns(commands)].join("\n"),
    globalOptions(),
    [
      `Run '${PROGRAM} <command> --help' for a command's options, such as '${PROGRAM} calls list --help'.`,
      ...FOOTER,
    ].join("\n"),
  );
}

export function groupHelp(group: CommandGroup): string {
  return sections(
    `Usage: ${PROGRAM} ${group.name} <command> [options]`,
    `${capitalize(group.summary)}.`,
    ["Commands:", ...twoColumns(group.commands.map((command) => [command.name, command.summary]))].join("\n"),
    globalOptions(),
    [`Run '${PROGRAM} ${group.name} <command> --help' for a command's options.`, ...FOOTER].join("\n"),
  );
}

export function commandHelp(group: CommandGroup, command: Command): string {
  const args = command.args.map((arg) => ` ${arg}`).join("");
  const options = Object.keys(command.flags).length > 0 ? ["Options:", ...flagLines(command.flags)].join("\n") : "";
  return sections(
    `Usage: ${PROGRAM} ${group.name} ${command.name}${args} [options]`,
    `${capitalize(command.summary)}.`,
    options,
    globalOptions(),
    ["Examples:", ...command.examples.map((example) => `  ${example}`)].join("\n"),
    FOOTER.join("\n"),
  );
}

function globalOptions(): string {
  return ["Global options:", ...flagLines(GLOBAL_FLAGS)].join("\n");
}

function flagLines(flags: FlagSpecs): string[] {
  return twoColumns(
    Object.entries(flags).map(([name, flag]) => {
      const short = flag.short ? `-${flag.short}, ` : "";
      const value = flag.valueName ? ` ${flag.valueName}` : "";
      return [`${short}--${name}${value}`, flag.description];
    }),
  );
}

function twoColumns(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}

function sections(...parts: string[]): string {
  return `${parts.filter(Boolean).join("\n\n")}\n`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
