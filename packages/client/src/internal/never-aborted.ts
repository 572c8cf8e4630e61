/** The signal of a wait that nothing aborts: a `Sleep` always takes one. */
export const NEVER_ABORTED: AbortSignal = new AbortController().signal;
