// The commands sigmamind knows, grouped by the API resource they act on.
import type { Command } from "./commands/command.js";
import { createCommand } from "./commands/create.js";
import { deleteCommand } from "./commands/delete.js";
import { getCommand } from "./commands/get.js";
import { listCommand } from "./commands/list.js";

export const PROGRAM = "sigmamind";

export interface CommandGroup {
  readonly name: string;
  readonly summary: string;
  readonly commands: readonly Command[];
}

export const COMMAND_GROUPS: readonly CommandGroup[] = [
  {
    name: "calls",
    summary: "list, show, place and delete phone calls",
    commands: [listCommand, getCommand, createCommand, deleteCommand] as readonly Command[],
  },
];
