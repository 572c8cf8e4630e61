// An API key per test worker, so that parallel test files sharing one sandbox each get a world of their own.

/**
 * A key for this test worker's world in a shared sandbox: `sandbox-worker-<id>`, from the worker id Vitest
 * (`VITEST_POOL_ID`) or Jest (`JEST_WORKER_ID`) sets, with `prefix` before it (default `sandbox`). Outside a
 * test worker, the process id stands in.
 */
export function workerApiKey(prefix = "sandbox"): string {
  const env = typeof process === "undefined" ? {} : process.env;
  const worker =
    env.VITEST_POOL_ID ?? env.JEST_WORKER_ID ?? (typeof process === "undefined" ? "page" : `pid-${process.pid}`);
  return `${prefix}-worker-${worker}`;
}
