// What every command declares: its flags (read by util.parseArgs and listed by --help), its positional
// arguments, and what it does with them.
import type { SigmaMind } from "@sigmamind/client";
import type { GlobalFlagValues } from "../global-flags.js";
import type { IOStreams } from "../io-streams.js";

export interface FlagSpec {
  readonly type: "string" | "boolean";
  readonly multiple?: boolean;
  readonly short?: string;
  /** Placeholder shown after the flag in --help, such as "N". */
  readonly valueName?: string;
  /**
   * The values it takes, where they are a fixed few (--format): shell completion offers them, and the command
   * hands the same list to parseChoice, so the two cannot differ.
   */
  readonly choices?: readonly string[];
  /**
   * The names it takes as a comma-separated list (--fields): shell completion offers, after each comma, those not
   * yet named, and the command checks the list against the same names.
   */
  readonly listOf?: readonly string[];
  readonly description: string;
}

export type FlagSpecs = { readonly [name: string]: FlagSpec };

/** The values util.parseArgs returns for these flags, typed from the specs. */
export type FlagValues<Specs extends FlagSpecs> = {
  [Name in keyof Specs]?: Specs[Name]["type"] extends "boolean"
    ? boolean
    : Specs[Name]["multiple"] extends true
      ? string[]
      : string;
};

export interface CommandContext<Specs extends FlagSpecs> {
  readonly flags: FlagValues<Specs>;
  /** The global flags, as given: `--profile` for `config`. */
  readonly globals: GlobalFlagValues;
  /** The environment the run was given (the config folder, SIGMAMIND_PROFILE). */
  readonly env: NodeJS.ProcessEnv;
  /** Positional arguments after the command's name, as many as it declares. */
  readonly args: readonly string[];
  /** The client for the API or the mock; opened on first use, after the flags have been checked. */
  connect(): Promise<SigmaMind>;
  readonly io: IOStreams;
  /** Whether the commands talk to a fake started for this run (--mock or --sandbox): nothing real to confirm. */
  readonly usingMock: boolean;
}

export interface Command<Specs extends FlagSpecs = FlagSpecs> {
  readonly name: string;
  readonly summary: string;
  /** The operation of the client it sends, as its errors name it: "calls.create". */
  readonly label?: string;
  /**
   * What the user typed for each input of that operation, by the client's name for it: `{ toPhoneNumber: "--to",
   * callId: "the call ID" }`. An error about an input names this instead.
   */
  readonly fields?: Readonly<Record<string, string>>;
  /** Positional arguments, all required, as shown in the usage line: ["ID"]. */
  readonly args: readonly string[];
  readonly flags: Specs;
  readonly examples: readonly string[];
  run(context: CommandContext<Specs>): Promise<void>;
}

/** Keeps the flag specs' literal types, so `run` sees `flags.all` as a boolean and `flags.size` as a string. */
export function defineCommand<const Specs extends FlagSpecs>(command: Command<Specs>): Command<Specs> {
  return command;
}
