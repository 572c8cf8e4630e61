// jq itself, compiled to WebAssembly by the npm package jq-wasm, loaded only when --jq is given.
//
// jq-wasm 1.0.1 runs jq's main() once for every run, and three of its traits are dealt with here:
// - Every run leaves its arguments and main()'s frame on the module's 1 MiB stack (jq leaves main() through
//   exit(), and the stack is never put back): after about 300 runs jq writes over its own memory and aborts. An
//   instance is used only until its runs have taken STACK_BUDGET bytes; then a new one is made.
// - jq's exit status is left in process.exitCode, as Emscripten's exit does on Node: it is read there, then put back.
// - What jq wrote to stderr is dropped whenever it wrote anything to stdout: a caller that must not lose an error
//   raised after some output catches it inside jq.
// The package's own entry keeps one instance for the whole process, so its Emscripten module (dist/build/jq.js) is
// loaded instead; the exact version pin in package.json keeps it where it is.

interface JqModule {
  raw(input: string, program: string, flags: readonly string[]): Promise<string>;
}

interface JqModuleSettings {
  /** argv[0] of every run, kept short since it stays on the stack. */
  readonly thisProgram: string;
  /** What the Emscripten runtime prints on its own, which jq's output never goes through. */
  readonly print: (text: string) => void;
}

type JqModuleFactory = (settings: JqModuleSettings) => Promise<JqModule>;

export interface JqRun {
  /** jq's exit status: 0 done (or `halt`), 2 bad input, 3 an expression that does not compile, 5 an error raised. */
  readonly status: number;
  /** What jq wrote to stdout, without the whitespace around it (jq-wasm trims it). */
  readonly stdout: string;
  /** What jq wrote to stderr, when it wrote nothing to stdout. */
  readonly stderr: string;
}

/** The WebAssembly module failed, as opposed to jq reporting an error: a fault of the tool, not of the expression. */
export class EmbeddedJqError extends Error {
  override name = "EmbeddedJqError";
}

// Measured for jq-wasm 1.0.1: main()'s frame when it exits is 3,168 bytes, the stack 1 MiB. Half of it is left
// for the runs themselves.
const MAIN_FRAME_BYTES = 3_168;
const STACK_BUDGET = 512 * 1024;

let loadingFactory: Promise<JqModuleFactory> | undefined;
let current: { readonly module: Promise<JqModule>; stackTaken: number } | undefined;

/**
 * Runs jq on `input` (JSON text, or "" for no input at all), as `jq FLAGS -- PROGRAM`: jq reads the expression
 * after `--` even when it starts with "-".
 */
export async function runJq(input: string, program: string, flags: readonly string[]): Promise<JqRun> {
  // jq-wasm adds -M (no colour) unless it is given, and then the file it reads the input from.
  const jqFlags = ["-M", ...flags, "--"];
  const stackNeeded = stackTakenByRun(["jq", ...jqFlags, program, "/dev/stdin"]);
  if (current === undefined || current.stackTaken + stackNeeded > STACK_BUDGET) {
    current = { module: newModule(), stackTaken: 0 };
  }
  const instance = current;
  instance.stackTaken += stackNeeded;
  const module = await instance.module;
  const exitCodeBefore = process.exitCode;
  // Cleared, so that what is read after the run is the status jq left there.
  process.exitCode = undefined;
  try {
    const stdout = await module.raw(input, program, jqFlags);
    return { status: statusOf(process.exitCode), stdout, stderr: "" };
  } catch (error) {
    if (error instanceof WebAssembly.RuntimeError) {
      // An aborted module stays broken: the next run gets a new one.
      if (current === instance) current = undefined;
      throw new EmbeddedJqError(`the embedded jq failed: ${error.message}`, { cause: error });
    }
    return { status: statusOf(process.exitCode), stdout: "", stderr: error instanceof Error ? error.message : "" };
  } finally {
    process.exitCode = exitCodeBefore;
  }
}

function newModule(): Promise<JqModule> {
  loadingFactory ??= import("jq-wasm/dist/build/jq.js").then((loaded) => loaded.default as unknown as JqModuleFactory);
  // Nothing the runtime prints on its own may reach the CLI's stdout, which holds the data. (Its error printing,
  // which jq-wasm sends to console.error, goes to stderr; it only speaks when the module aborts.)
  return loadingFactory.then((factory) => factory({ thisProgram: "jq", print: () => {} }));
}

/** What a run leaves on the stack: main()'s frame, argv, and each argument, as Emscripten aligns them (16 bytes). */
function stackTakenByRun(argv: readonly string[]): number {
  const aligned = (bytes: number) => Math.ceil(bytes / 16) * 16;
  const strings = argv.reduce((total, argument) => total + aligned(Buffer.byteLength(argument) + 1), 0);
  return MAIN_FRAME_BYTES + aligned((argv.length + 1) * 4) + strings;
}

function statusOf(exitCode: string | number | null | undefined): number {
  return Number(exitCode ?? 0);
}
