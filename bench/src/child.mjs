// Measurements that need a process of their own (a clean heap, `gc()`, no other section's leftovers) run as
// a forked child: the parent passes one JSON argument and receives one message back.
import { fork } from "node:child_process";

/**
 * Runs `module` in a fresh Node.js process with `--expose-gc` and resolves with what it reports.
 * @template Result
 * @param {URL} module
 * @param {unknown} input
 * @returns {Promise<Result>}
 */
export function runInChild(module, input) {
  const child = fork(module, [JSON.stringify(input)], { execArgv: ["--expose-gc"], stdio: "inherit" });
  return new Promise((resolve, reject) => {
    /** @type {{ result: Result } | undefined} */
    let reported;
    child.once("message", (message) => {
      reported = { result: /** @type {Result} */ (message) };
    });
    child.once("error", reject);
    child.once("exit", (code) => {
      if (reported && code === 0) resolve(reported.result);
      else reject(new Error(`${module.pathname} exited with code ${code} without a result`));
    });
  });
}

/**
 * The child's side: runs `work` on the parent's input, sends the result and exits.
 * @template Input, Result
 * @param {(input: Input) => Promise<Result>} work
 */
export function serveAsChild(work) {
  const input = /** @type {Input} */ (JSON.parse(process.argv[2] ?? "null"));
  work(input).then(
    (result) => process.send?.(result, () => process.exit(0)),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}

/** Collects garbage when the process runs with --expose-gc, so one measurement does not pay for another's. */
export function collectGarbage() {
  globalThis.gc?.();
}
