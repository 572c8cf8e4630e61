// The CLI's commands as data, for what documents them (the docs' request samples): which command sends which
// operation of the client, the flag or argument each of its inputs is given by, and whether it asks before sending.
import { COMMAND_GROUPS } from "./command-tree.js";

export interface CommandDescription {
  /** The client's operation it sends: "calls.create". */
  readonly operation: string;
  /** Its words after `sigmamind`: ["calls", "create"]. */
  readonly words: readonly [string, string];
  /** For each input of the operation, by the client's name: the flag (`--to`) or the argument (`ID`). */
  readonly fields: Readonly<Record<string, string>>;
  /** Flags that take `NAME=VALUE`, once per entry of an object: `--var`. */
  readonly pairFlags: readonly string[];
  /** Whether it asks before sending unless given `--yes`. */
  readonly asks: boolean;
}

export function describeCommands(): CommandDescription[] {
  return COMMAND_GROUPS.flatMap((group) =>
    group.commands
      .filter((command) => command.label !== undefined)
      .map((command) => ({
        operation: command.label as string,
        words: [group.name, command.name] as const,
        fields: { ...command.fields },
        pairFlags: Object.entries(command.flags)
          .filter(([, flag]) => flag.valueName === "NAME=VALUE")
          .map(([name]) => `--${name}`),
        asks: "yes" in command.flags,
      })),
  );
}
