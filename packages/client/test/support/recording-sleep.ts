/** A `sleep` for the client that records each wait and returns at once, so no test waits out a backoff. */
export function recordingSleep() {
  const delays: number[] = [];
  const sleep = async (ms: number, signal: AbortSignal) => {
    delays.push(ms);
    signal.throwIfAborted();
  };
  return { sleep, delays };
}
