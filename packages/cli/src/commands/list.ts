import {
  type CallListResponse,
  type CallsPagePromise,
  IncompleteListError,
  KNOWN_CALL_STATUSES,
} from "@sigmamind/client";
import { IncompleteListingError } from "../errors.js";
import { noteUnknownValue, parseWholeNumber } from "../flag-values.js";
import { type CallFieldName, callJson } from "../output/call-fields.js";
import type { CallWriter, CallWriterOptions } from "../output/call-writer.js";
import { csvWriter } from "../output/csv.js";
import { jqCallWriter } from "../output/jq-filter.js";
import { jsonArrayWriter, writeJson } from "../output/json.js";
import { ndjsonWriter } from "../output/ndjson.js";
import { assertPrintable } from "../output/printable.js";
import { countOfCalls, progressReporter } from "../output/progress.js";
import type { Sink } from "../output/sink.js";
import { tableWriter } from "../output/table.js";
import { terminalSafe } from "../output/terminal-text.js";
import { defineCommand } from "./command.js";
import { OUTPUT_SHAPING_FLAGS, readOutputShaping } from "./output-shaping.js";

const FORMATS = ["table", "json", "ndjson", "csv"] as const;
type Format = (typeof FORMATS)[number];

const WRITERS: Record<Format, (sink: Sink, options: CallWriterOptions) => CallWriter> = {
  table: tableWriter,
  json: jsonArrayWriter,
  ndjson: ndjsonWriter,
  csv: csvWriter,
};

// Pages fetched while the current one is written: enough to hide the round trip, and memory stays at a few pages.
const PREFETCH_PAGES = 2;

export const listCommand = defineCommand({
  name: "list",
  label: "calls.list",
  fields: { status: "--status", page: "--page", size: "--size" },
  summary: "list calls: one page, or every call with --all",
  args: [],
  flags: {
    status: {
      type: "string",
      valueName: "S",
      description: `only calls with this status: ${KNOWN_CALL_STATUSES.join(", ")}, or one the API adds`,
    },
    page: { type: "string", valueName: "N", description: "page to show, or to start --all from, counting from 0" },
    size: { type: "string", valueName: "N", description: "calls per page (default: the server's)" },
    all: { type: "boolean", description: "every call of every page, streamed as it arrives" },
    format: { type: "string", valueName: "F", choices: FORMATS, description: "table (default), json, ndjson or csv" },
    fields: OUTPUT_SHAPING_FLAGS.fields,
    jq: {
      ...OUTPUT_SHAPING_FLAGS.jq,
      description: `${OUTPUT_SHAPING_FLAGS.jq.description}; with --all or --format ndjson, run on each call`,
    },
  },
  examples: [
    "sigmamind calls list --status ended --size 50",
    "sigmamind calls list --all --format csv > calls.csv",
    "sigmamind calls list --all --format ndjson | jq -r .callId",
    "sigmamind calls list --fields callId,status,duration --format csv",
    "sigmamind calls list --jq '.data[] | select(.duration > 60) | .callId'",
    "sigmamind calls list --all --fields callId,agentName --jq 'select(.agentName == \"Ada\") | .callId'",
  ],
  async run({ flags, connect, io }) {
    const { stdout, stdoutIsTerminal } = io;
    const { format, fields, jq } = await readOutputShaping(flags, FORMATS, stdoutIsTerminal);
    const params = {
      ...(flags.status !== undefined && { status: flags.status }),
      ...(flags.page !== undefined && { page: parseWholeNumber("--page", flags.page, { min: 0 }) }),
      ...(flags.size !== undefined && { size: parseWholeNumber("--size", flags.size, { min: 1 }) }),
    };
    if (flags.status !== undefined) noteUnknownValue(io, "--status", flags.status, KNOWN_CALL_STATUSES);
    const client = await connect();
    const writerOf = (): CallWriter =>
      jq ? jqCallWriter(stdout, jq, fields) : WRITERS[format](stdout, { stdoutIsTerminal, fields });

    if (flags.all) {
      // An incomplete listing ends the run with status 1 once what was received is written, so that a script
      // writing `--all` to a file learns the file is not the whole list.
      const calls = client.calls.list(params, { prefetchPages: PREFETCH_PAGES, onIncomplete: "throw" });
      const writer = writerOf();
      const { written, incomplete } = await writeEveryCall(calls, writer, progressReporter(io));
      if (format === "table") await note(io, countOfCalls(written));
      if (incomplete) throw new IncompleteListingError(`${incomplete.message} Every call received was written.`);
      return;
    }

    const page = await client.calls.list(params);
    // The whole page is checked before any of it is written: its output is whole or absent.
    for (const call of page.data) assertPrintable(call);
    if (format === "json") {
      const envelope = envelopeOf(page, fields);
      return jq ? jq.write(stdout, envelope) : writeJson(stdout, envelope);
    }
    const writer = writerOf();
    await writer.start();
    for (const call of page.data) await writer.write(call);
    await writer.end();
    if (format === "table") await note(io, pageFooter(page, params.page ?? 0));
  },
});

/** A line about the table, after it: on a terminal, below it; into a pipe, on stderr, out of the data's way. */
async function note(
  io: { stdout: Sink; stderr: { write(text: string): unknown }; stdoutIsTerminal: boolean },
  text: string,
) {
  if (io.stdoutIsTerminal) await io.stdout.write(`\n${text}\n`);
  else io.stderr.write(`${text}\n`);
}

/**
 * Writes calls as the pages come in; only the pages in flight are ever held. A listing the server stopped moving
 * through still ends its output properly (a JSON array is closed), and says so.
 */
async function writeEveryCall(
  calls: CallsPagePromise,
  writer: CallWriter,
  progress: ReturnType<typeof progressReporter>,
): Promise<{ written: number; incomplete: IncompleteListError | undefined }> {
  let written = 0;
  await writer.start();
  try {
    for await (const call of calls) {
      assertPrintable(call);
      await writer.write(call);
      written++;
      progress.add(1);
    }
  } catch (error) {
    progress.done();
    // What was written stays valid (a JSON array is closed) whatever ended the listing.
    await writer.end();
    if (!(error instanceof IncompleteListError)) throw error;
    return { written, incomplete: error };
  }
  progress.done();
  await writer.end();
  return { written, incomplete: undefined };
}

/** The API's envelope as it sent it, without the page object's methods; with --fields, its calls limited to those. */
function envelopeOf(page: CallListResponse, fields: readonly CallFieldName[] | undefined) {
  const { data, page: number, size, totalCounts, totalPages, hasNext, hasPrevious } = page;
  const calls = data.map((call) => callJson(call, fields));
  return { data: calls, page: number, size, totalCounts, totalPages, hasNext, hasPrevious };
}

/** The server sends the totals; without response validation they could be any text. */
function pageFooter(page: CallListResponse, requested: number): string {
  const totalPages = terminalSafe(String(page.totalPages));
  const where = `page ${requested} of ${totalPages} (counting from 0), ${terminalSafe(String(page.totalCounts))} calls in all`;
  return page.hasNext ? `${where}. Next: --page ${requested + 1}; every call: --all` : where;
}
