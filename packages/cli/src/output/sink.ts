// Writing text to stdout at the pace the reader takes it, and stopping quietly when the reader goes away.
import { once } from "node:events";

export interface Sink {
  /** Resolves once the stream can take more, so a long listing never piles up in memory. */
  write(text: string): Promise<void>;
}

/** The reader closed the pipe (`sigmamind calls list --all | head -1`): it has what it wanted. */
export class BrokenPipeError extends Error {
  override name = "BrokenPipeError";
}

export function streamSink(stream: NodeJS.WritableStream): Sink {
  let failure: Error | undefined;
  // Without a listener, EPIPE would crash the process with a stack trace.
  stream.on("error", (error: NodeJS.ErrnoException) => {
    failure = error.code === "EPIPE" ? new BrokenPipeError("stdout was closed by its reader") : error;
  });
  return {
    async write(text) {
      if (failure) throw failure;
      if (stream.write(text)) return;
      try {
        await once(stream, "drain");
      } catch (error) {
        throw failure ?? error;
      }
    },
  };
}
