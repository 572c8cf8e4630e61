// `sigmamind __complete WORD...`: the hidden command the completion scripts run at each Tab, as cobra's scripts run
// `__complete`. It prints a candidate a line and nothing else on stdout, where the shell reads candidates: it
// reads no key and sends nothing, and no help lists it, since it is not in the command tree.
import { ExitCode, exitCodeFor } from "../errors.js";
import type { IOStreams } from "../io-streams.js";
import { completionCandidates } from "./candidates.js";

export const COMPLETE_COMMAND = "__complete";

/** `words` are those after `sigmamind`; the last is the one under the cursor, "" for a word not yet begun. */
export async function writeCompletions(
  words: readonly string[],
  env: NodeJS.ProcessEnv,
  io: IOStreams,
): Promise<number> {
  try {
    const candidates = await completionCandidates(words, env);
    if (candidates.length > 0) await io.stdout.write(`${candidates.join("\n")}\n`);
    return ExitCode.ok;
  } catch (error) {
    // A shell that stops reading is no failure. The scripts discard stderr: a failure offers nothing, and never
    // shows up in the line being typed.
    const code = exitCodeFor(error);
    if (code !== ExitCode.ok) {
      io.stderr.write(`sigmamind: no completions: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    return code;
  }
}
