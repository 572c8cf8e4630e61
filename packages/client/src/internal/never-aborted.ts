let signal: AbortSignal | undefined;

/**
 * The signal of a wait that nothing aborts: a `Sleep` always takes one. Made on first use, not when the module
 * loads: Cloudflare's workerd refuses to make an AbortController in a module's global scope, and a module that
 * does nothing when it loads can be dropped whole by a bundler when it is not used.
 */
export function neverAborted(): AbortSignal {
  signal ??= new AbortController().signal;
  return signal;
}
