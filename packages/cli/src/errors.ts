// How a failure becomes an exit code and one line on stderr.
import { inspect } from "node:util";
import { APIError, InvalidInputError, LiveWriteRefusedError, SigmaMindError } from "@sigmamind/client";
import { secretRedactor } from "@sigmamind/error-text/redact-secret";
import { type FieldsOf, inCliWords } from "./client-words.js";
import { describeHtmlPage, isHtmlPage } from "./html-error-page.js";
import { BrokenPipeError } from "./output/sink.js";
import { terminalSafe, terminalSafeLines } from "./output/terminal-text.js";

/** Something wrong with what was typed: an unknown command or flag, a missing argument, a bad value. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** `--all` wrote every call it received, but the server stopped moving through the list before its end. */
export class IncompleteListingError extends Error {
  override name = "IncompleteListingError";
}

/** The person at the terminal did not confirm: nothing was sent. */
export class CancelledError extends Error {
  override name = "CancelledError";
}

/**
 * An outcome the command has already explained, with an exit status of its own: a call `calls wait` saw end
 * without connecting, a wait that ran out of time, a setting `config get` found unset.
 */
export class OutcomeError extends Error {
  override name = "OutcomeError";
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/**
 * 3 tells a script that nothing was sent, where 1 may mean a request failed after reaching the server. 4 and 5
 * are what `calls wait` and `calls create --wait` saw: a call that ended without connecting or failed, and a call
 * still going when the wait ran out; 130 is a wait stopped with Ctrl-C, as a shell reports an interrupted command.
 */
export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
  cancelled: 3,
  callNotConnected: 4,
  waitTimedOut: 5,
  interrupted: 130,
} as const;

export function exitCodeFor(error: unknown): number {
  if (error instanceof BrokenPipeError) return ExitCode.ok;
  if (error instanceof OutcomeError) return error.exitCode;
  if (error instanceof CancelledError) return ExitCode.cancelled;
  // The client refuses a bad value before sending anything (an agent id over 64 characters): for a CLI, that is
  // a value the user typed.
  if (error instanceof UsageError || error instanceof InvalidInputError) return ExitCode.usage;
  return ExitCode.failure;
}

export interface FailureContext {
  /** The command whose --help the hint points to, such as "sigmamind calls list". */
  readonly commandPath: string;
  readonly debug: boolean;
  /** Values that must never be printed: the API keys in play. */
  readonly secrets: readonly string[];
  /** What the user typed for each input of an operation: an error about one names it so. */
  readonly fieldsOf: FieldsOf;
}

/** What to print on stderr for a failure: one line, and with --debug the stack and causes after it. */
export function describeFailure(error: unknown, context: FailureContext): string {
  let line = `sigmamind: ${asSentence(messageOf(error, context.fieldsOf).replace(/\s+/g, " ").trim())}`;
  // A refused live write is about where the run is, not how the command is used: its help would not help.
  if (exitCodeFor(error) === ExitCode.usage && !(error instanceof LiveWriteRefusedError)) {
    line += ` Run '${context.commandPath} --help' for usage.`;
  } else if (error instanceof APIError && error.requestId) line += ` Request id: ${error.requestId}.`;
  else if (
    !(
      error instanceof SigmaMindError ||
      error instanceof CancelledError ||
      error instanceof IncompleteListingError ||
      error instanceof OutcomeError
    ) &&
    !context.debug
  ) {
    line += " Run again with --debug for details.";
  }
  // The message and the request id may come from the server, with escape sequences meant for the terminal.
  line = terminalSafe(line).replace(/ {2,}/g, " ");
  const text = context.debug ? `${line}\n${terminalSafeLines(inspect(error, { depth: 4 }))}\n` : `${line}\n`;
  return secretRedactor(context.secrets)(text);
}

/** The client's errors in the CLI's words; anything else as it is. */
function messageOf(error: unknown, fieldsOf: FieldsOf): string {
  if (error instanceof APIError && isHtmlPage(error)) return describeHtmlPage(error);
  if (error instanceof SigmaMindError) return inCliWords(error, fieldsOf);
  return error instanceof Error ? error.message : String(error);
}

function asSentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
