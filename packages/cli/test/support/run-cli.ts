// Runs the built sigmamind as a real process, with an environment that holds nothing from the machine but PATH.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const MAIN = fileURLToPath(new URL("../../dist/main.js", import.meta.url));

/** The key every run gets through SIGMAMIND_API_KEY; no output of any run may contain it. */
export const API_KEY = "sk-test-4f9c2a7e1b8d63a0";

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export type CliEnv = Record<string, string | undefined>;

export function spawnCli(args: readonly string[], env: CliEnv = {}): ChildProcessWithoutNullStreams {
  const merged: CliEnv = { PATH: process.env.PATH, SIGMAMIND_API_KEY: API_KEY, ...env };
  const defined = Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined));
  return spawn(process.execPath, [MAIN, ...args], { env: defined as NodeJS.ProcessEnv });
}

/** Runs the CLI to its end; `stdin`, when given, is written to its stdin, which is then closed. */
export function runCli(args: readonly string[], env: CliEnv = {}, stdin?: string): Promise<CliResult> {
  const child = spawnCli(args, env);
  // A command may stop reading and exit before it has all of it (a key pipe past its limit): that is no failure.
  child.stdin.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
  if (stdin !== undefined) child.stdin.end(stdin);
  return outputOf(child);
}

/** All a child process writes to stdout and stderr, and its exit code, once it has closed both. */
export function outputOf(child: ChildProcessWithoutNullStreams): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The lines of a text, without the empty one after its final line break. */
export function linesOf(text: string): string[] {
  return text.split(/\r?\n/).filter((line, index, lines) => line !== "" || index < lines.length - 1);
}
