// The commands sigmamind knows, grouped by the API resource they act on: a command for every operation of the spec
// (its operation table, generated into src/generated/operations.ts), the hand-written one where there is one.
import type { Command } from "./commands/command.js";
import { COMPLETION_COMMANDS } from "./commands/completion.js";
import { configGetCommand, configListCommand, configSetCommand } from "./commands/config.js";
import { createCommand } from "./commands/create.js";
import { deleteCommand } from "./commands/delete.js";
import { getCommand } from "./commands/get.js";
import { listCommand } from "./commands/list.js";
import { operationCommand } from "./commands/operation-command.js";
import { waitCommand } from "./commands/wait.js";
import { OPERATIONS } from "./generated/operations.js";

export const PROGRAM = "sigmamind";

export interface CommandGroup {
  readonly name: string;
  readonly summary: string;
  readonly commands: readonly Command[];
}

/**
 * Commands that say more than the spec can (a table of calls, --all, a confirmation naming what a call costs), by
 * the operation they send; every other operation gets the generic command.
 */
const HAND_WRITTEN: Readonly<Record<string, Command>> = {
  "calls.list": listCommand as Command,
  "calls.get": getCommand as Command,
  "calls.create": createCommand as Command,
  "calls.delete": deleteCommand as Command,
};

/** What `sigmamind --help` says of a group, where its operations' summaries would not say it as well. */
const GROUP_SUMMARIES: Readonly<Record<string, string>> = {
  calls: "list, show, place, follow and delete phone calls",
};

/** Commands of a resource's group that send no operation of their own: following a call with `calls wait`. */
const MORE_COMMANDS: Readonly<Record<string, readonly Command[]>> = {
  calls: [waitCommand as Command],
};

/** Groups that act on this machine, not on the API. */
const LOCAL_GROUPS: readonly CommandGroup[] = [
  {
    name: "config",
    summary: "read and set the profiles of the config file",
    commands: [configListCommand as Command, configGetCommand as Command, configSetCommand as Command],
  },
  {
    name: "completion",
    summary: "print the script that makes bash, zsh or fish complete sigmamind's commands, flags and values",
    commands: COMPLETION_COMMANDS,
  },
];

const API_GROUPS: readonly CommandGroup[] = [...new Set(OPERATIONS.map(({ group }) => group))].map((group) => {
  const operations = OPERATIONS.filter((operation) => operation.group === group);
  return {
    name: group,
    summary: GROUP_SUMMARIES[group] ?? operations.map(({ summary }) => summary).join(", "),
    commands: [
      ...operations.map((operation) => HAND_WRITTEN[operation.label] ?? operationCommand(operation)),
      ...(MORE_COMMANDS[group] ?? []),
    ],
  };
});

export const COMMAND_GROUPS: readonly CommandGroup[] = [...API_GROUPS, ...LOCAL_GROUPS];

/** The command that sends the client's operation `label` ("calls.create"), if the CLI has one. */
export function commandOf(label: string): Command | undefined {
  for (const group of COMMAND_GROUPS) {
    const found = group.commands.find((command) => command.label === label);
    if (found) return found;
  }
  return undefined;
}
