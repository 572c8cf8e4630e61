// Asking before what cannot be undone, as gh does for `repo delete`: on a terminal a person answers; without
// one, nobody can, so --yes must have said so.
import { CancelledError, UsageError } from "./errors.js";
import type { IOStreams } from "./io-streams.js";
import { terminalSafe } from "./output/terminal-text.js";

export interface Confirmation {
  /** What is about to happen, as a question: "Delete call X and its recording?". */
  readonly question: string;
  /** What the command does, for the refusal without a terminal: "calls delete deletes a call for good". */
  readonly consequence: string;
  /** How to go ahead without a terminal: "pass --yes to delete it". */
  readonly howToConfirm: string;
  /** What did not happen when the answer is no: "call X was not deleted". */
  readonly notDone: string;
}

/** Resolves once confirmed; throws a CancelledError on any answer but y or yes, a UsageError without a terminal. */
export async function confirm(io: IOStreams, confirmation: Confirmation): Promise<void> {
  // The question goes to stderr and the answer comes from stdin: both must be the person's terminal.
  if (!io.stdinIsTerminal || !io.stderrIsTerminal) {
    throw new UsageError(
      `${confirmation.consequence}, and there is no terminal to confirm it on: ${confirmation.howToConfirm}`,
    );
  }
  const answer = await io.ask(`${terminalSafe(confirmation.question)} [y/N] `);
  if (!/^(y|yes)$/i.test(answer.trim())) throw new CancelledError(`cancelled: ${confirmation.notDone}`);
}
