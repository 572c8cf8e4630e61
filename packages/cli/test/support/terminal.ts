// A real terminal for the built CLI, through util-linux `script`, for what in-process streams cannot show: a
// prompt read by readline, progress drawn on a TTY.
import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { isToolAvailable } from "@sigmamind/test-support/tool-availability";

const MAIN = fileURLToPath(new URL("../../dist/main.js", import.meta.url));

/** Whether a terminal can be staged here. Under CI it must be: a missing `script` fails the run, not a skip. */
export const hasScript = isToolAvailable({
  name: "util-linux `script`",
  // BSD script (macOS) takes other options; only util-linux's answers --version.
  isInstalled: () => spawnSync("script", ["--version"]).status === 0,
  install: "apt-get install -y bsdutils",
});

/** The shell words that run the built CLI with these arguments. */
export function cliCommand(args: readonly string[]): string {
  return [process.execPath, MAIN, ...args].map((word) => `'${word.replaceAll("'", `'\\''`)}'`).join(" ");
}

export interface TerminalResult {
  readonly code: number | null;
  /** What the terminal showed: the CLI's stdout and stderr, and the echo of what was typed. */
  readonly screen: string;
}

/** Runs a shell command on a terminal of its own, typing `input` into it. */
export function runOnTerminal(command: string, input: string, env: Record<string, string>): Promise<TerminalResult> {
  const child = spawn("script", ["-qec", command, "/dev/null"], { env: { PATH: process.env.PATH, ...env } });
  let screen = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    screen += chunk;
  });
  child.stdin.end(input);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, screen }));
  });
}
