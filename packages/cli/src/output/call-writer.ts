import type { Call } from "@sigmamind/client";
import type { CallFieldName } from "./call-fields.js";

/** Writes calls one at a time as they arrive, so a listing of any length streams through. */
export interface CallWriter {
  start(): Promise<void>;
  write(call: Call): Promise<void>;
  end(): Promise<void>;
}

export interface CallWriterOptions {
  readonly stdoutIsTerminal: boolean;
  /** --fields: only these fields of each call, in this order; every field (or the whole call) when undefined. */
  readonly fields: readonly CallFieldName[] | undefined;
}
