// Following a call from the shell until it ends: each status as a poll first sees it, then an exit status that
// says how it ended. Ctrl-C stops the waiting, never the call: nothing is sent to it.
import {
  APIConnectionError,
  APIError,
  APIUserAbortError,
  type Call,
  type SigmaMind,
  WaitTimeoutError,
} from "@sigmamind/client";
import { ExitCode, OutcomeError } from "./errors.js";
import type { IOStreams } from "./io-streams.js";
import { writeJson } from "./output/json.js";
import { ndjsonWriter } from "./output/ndjson.js";
import { assertPrintable } from "./output/printable.js";
import { terminalSafe } from "./output/terminal-text.js";

/** How the statuses are written: a line each for a person, a JSON call a line (ndjson), or the final call alone. */
export type FollowFormat = "table" | "ndjson" | "json";

export interface FollowOptions {
  readonly format: FollowFormat;
  /** The first wait between polls, in milliseconds; the client doubles it up to 5 s. */
  readonly intervalMs: number | undefined;
  /** The whole wait, in milliseconds. */
  readonly timeoutMs: number | undefined;
  /** The call as already shown (`calls create --wait`): its status is not written again. */
  readonly shown?: Call;
}

/** Statuses that end a call without a conversation: nobody answered, or it failed. */
const NOT_CONNECTED = new Set(["not-connected", "error", "failed"]);

export async function followCall(
  client: SigmaMind,
  callId: string,
  io: IOStreams,
  options: FollowOptions,
): Promise<void> {
  const { format } = options;
  let shownStatus: unknown = options.shown?.status;
  // The lines go out one after another; the first that cannot (its reader closed the pipe) stops the wait, since
  // nobody is left to tell.
  const outputGone = new AbortController();
  let written: Promise<void> = Promise.resolve();
  let writeFailure: unknown;
  const write = (line: () => Promise<void>) => {
    written = written.then(line).catch((error: unknown) => {
      writeFailure ??= error;
      outputGone.abort();
    });
  };
  const ndjson = ndjsonWriter(io.stdout, { stdoutIsTerminal: io.stdoutIsTerminal, fields: undefined });
  const onStatus = (call: Call) => {
    if (call.status === shownStatus) return;
    shownStatus = call.status;
    assertPrintable(call);
    if (format === "ndjson") write(() => ndjson.write(call));
    else if (format === "table") write(() => io.stdout.write(statusLine(call)));
  };
  let call: Call;
  try {
    call = await io.interruptible((interrupted) => {
      if (interrupted.aborted) outputGone.abort();
      else interrupted.addEventListener("abort", () => outputGone.abort(), { once: true });
      return client.calls.waitFor(callId, {
        onStatus,
        signal: outputGone.signal,
        ...(options.intervalMs !== undefined && { pollIntervalMs: options.intervalMs }),
        ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
      });
    });
  } catch (error) {
    await written;
    if (writeFailure !== undefined) throw writeFailure;
    throw explained(error, callId, io, options.shown !== undefined);
  }
  await written;
  if (writeFailure !== undefined) throw writeFailure;
  if (format === "json") await writeJson(io.stdout, call);
  if (NOT_CONNECTED.has(call.status)) {
    throw new OutcomeError(
      `call ${callId} ended ${call.status === "not-connected" ? "without connecting (not-connected)" : `with status ${call.status}`}`,
      ExitCode.callNotConnected,
    );
  }
}

/** `12:04:31  call-AuUKK371Spr5nHJS  ended  95 s  hangup`: what a person follows on a terminal or in a log. */
function statusLine(call: Call): string {
  const time = new Date().toTimeString().slice(0, 8);
  const ended = call.duration == null ? [] : [`${call.duration} s`];
  const reason = call.terminationReason == null ? [] : [String(call.terminationReason)];
  return `${[time, call.callId, String(call.status ?? ""), ...ended, ...reason].map(terminalSafe).join("  ")}\n`;
}

/**
 * The client's ways a wait stops short, as outcomes with their exit statuses and what to do next. Any other
 * failure (a poll's 500, a lost connection) leaves the call going on too: the line before the error says so, with
 * its id, so that a script never places it again thinking it failed.
 */
function explained(error: unknown, callId: string, io: IOStreams, placed: boolean): unknown {
  const again = `sigmamind calls wait ${callId}`;
  if (error instanceof WaitTimeoutError) {
    const where =
      error.call === undefined
        ? "gave no answer in time"
        : error.status === undefined
          ? "is still without a status"
          : `is still ${String(error.status)}`;
    return new OutcomeError(
      `call ${callId} ${where} when the wait ran out; follow it again with: ${again}`,
      ExitCode.waitTimedOut,
    );
  }
  if (error instanceof APIUserAbortError) {
    return new OutcomeError(
      `stopped waiting; call ${callId} goes on, nothing was sent to it; follow it again with: ${again}`,
      ExitCode.interrupted,
    );
  }
  // A call this run placed goes on whatever failed; one named on the line, only if the failure was not about it.
  if (placed || isTransient(error)) {
    io.stderr.write(
      `sigmamind: call ${callId} ${placed ? "was placed and " : ""}goes on, but following it failed; follow it again with: ${again}\n`,
    );
  }
  return error;
}

/** A failure of the way to the API (a 5xx, a 429, no answer), not an answer about the call or the request. */
function isTransient(error: unknown): boolean {
  if (error instanceof APIError) return error.status >= 500 || error.status === 429;
  return error instanceof APIConnectionError;
}
