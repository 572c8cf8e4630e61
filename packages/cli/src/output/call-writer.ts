import type { Call } from "@sigmamind/client";

/** Writes calls one at a time as they arrive, so a listing of any length streams through. */
export interface CallWriter {
  start(): Promise<void>;
  write(call: Call): Promise<void>;
  end(): Promise<void>;
}
