// --jq: a jq expression run on the JSON a command would print, as gh's --jq does: each result on a line of its
// own, a string as it is (jq -r), any other value as JSON indented the way jq indents it.
import { runJq } from "../embedded-jq.js";
import { UsageError } from "../errors.js";
import { type CallFieldName, callJson } from "./call-fields.js";
import type { CallWriter } from "./call-writer.js";
import { jsonText } from "./json.js";
import type { Sink } from "./sink.js";
import { terminalSafe } from "./terminal-text.js";

/** jq could not compile the expression, or it raised an error while running: the message is jq's own. */
export class JqError extends UsageError {
  override name = "JqError";
  constructor(message: string) {
    super(`--jq: ${message}`);
  }
}

export interface JqFilter {
  /**
   * Writes what the expression makes of `value`. When jq raises an error, the results before it are written, then
   * JqError is thrown.
   */
  write(sink: Sink, value: unknown): Promise<void>;
}

/** Compiles `expression` (jq runs nothing: it is given no input), or throws JqError with jq's compile errors. */
export async function compileJqFilter(expression: string, stdoutIsTerminal: boolean): Promise<JqFilter> {
  const check = await runJq("", expression, []);
  if (check.status !== 0) throw new JqError(describeFailedRun(check.stderr, check.status));
  const program = taggingResults(expression);
  const shownRaw = stdoutIsTerminal ? terminalSafeKeepingLayout : (text: string) => text;
  return {
    async write(sink, value) {
      const run = await runJq(JSON.stringify(value), program, ["-c"]);
      for (const line of run.stdout.split("\n")) {
        if (line === "") continue;
        const tagged = JSON.parse(line) as [result: unknown] | { error: unknown };
        if (!Array.isArray(tagged)) throw new JqError(describeRaisedError(tagged.error));
        const [result] = tagged;
        await sink.write(`${typeof result === "string" ? shownRaw(result) : jsonText(result, 2)}\n`);
      }
      if (run.status !== 0) throw new JqError(describeFailedRun(run.stderr, run.status));
    },
  };
}

/** --jq on each call as it arrives (--all, ndjson): the output streams as the calls do. */
export function jqCallWriter(sink: Sink, filter: JqFilter, fields: readonly CallFieldName[] | undefined): CallWriter {
  return {
    start: async () => {},
    write: (call) => filter.write(sink, callJson(call, fields)),
    end: async () => {},
  };
}

/**
 * The expression, with each result coming back as `[result]` and an error it raises as `{"error": message}`, a
 * compact JSON text a line: a string's own line breaks are never taken for the end of a result, and an error raised
 * after some results is not lost (jq-wasm drops stderr when stdout has anything). The expression has lines of its
 * own, so a comment at its end ends there.
 */
function taggingResults(expression: string): string {
  return `try ((\n${expression}\n) | [.]) catch {error: .}`;
}

/** `error("text")` as its text; any other value, as jq says it, as JSON marked as not a string. */
function describeRaisedError(value: unknown): string {
  return typeof value === "string" ? value : `${jsonText(value)} (not a string)`;
}

/**
 * jq's stderr as one line. A compile error is "jq: error: <what> at <top-level>, line N:" and the line it quotes,
 * once per error, then "jq: N compile errors"; it becomes `<what> at <top-level>, line N: "<line>"`, with "; "
 * between errors. Anything else loses only its "jq: error (at <input>):" prefix.
 */
function describeFailedRun(stderr: string, status: number): string {
  const errors: string[] = [];
  for (const line of stderr.split("\n")) {
    if (/^jq: \d+ compile errors?$/.test(line.trim()) || line.trim() === "") continue;
    const error = /^jq: error(?: \(at [^)]*\))?: (.*)$/.exec(line);
    if (error) errors.push((error[1] as string).trimEnd());
    else if (errors.length > 0) errors[errors.length - 1] += ` "${line.trim()}"`;
    else errors.push(line.trim());
  }
  // halt_error after some results: jq-wasm kept the results and dropped the message.
  return errors.length > 0 ? errors.join("; ") : `jq stopped with exit status ${status}`;
}

/** A raw string shown on a terminal: nothing in it may drive the terminal, but its tabs and line breaks stay. */
function terminalSafeKeepingLayout(text: string): string {
  return text
    .split("\n")
    .map((line) => line.split("\t").map(terminalSafe).join("\t"))
    .join("\n");
}
