// Following a call from the shell until it ends: each status as a poll first sees it, then an exit status that
// says how it ended. Ctrl-C stops the waiting, never the call: nothing is sent to it.
import { APIUserAbortError, type Call, type SigmaMind, WaitTimeoutError } from "@sigmamind/client";
import { ExitCode, OutcomeError } from "./errors.js";
import type { IOStreams } from "./io-streams.js";
import { jsonText, writeJson } from "./output/json.js";
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
  const writes: Promise<void>[] = [];
  const onStatus = (call: Call) => {
    if (call.status === shownStatus) return;
    shownStatus = call.status;
    assertPrintable(call);
    if (format === "ndjson") writes.push(io.stdout.write(`${jsonText(call)}\n`));
    else if (format === "table") writes.push(io.stdout.write(statusLine(call)));
  };
  let call: Call;
  try {
    call = await io.interruptible((signal) =>
      client.calls.waitFor(callId, {
        onStatus,
        signal,
        ...(options.intervalMs !== undefined && { pollIntervalMs: options.intervalMs }),
        ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
      }),
    );
  } catch (error) {
    await Promise.all(writes);
    throw explained(error, callId);
  }
  await Promise.all(writes);
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

/** The client's ways a wait stops short, as outcomes with their exit statuses and what to do next. */
function explained(error: unknown, callId: string): unknown {
  const again = `sigmamind calls wait ${callId}`;
  if (error instanceof WaitTimeoutError) {
    const where = error.status === undefined ? "gave no answer in time" : `is still ${String(error.status)}`;
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
  return error;
}
