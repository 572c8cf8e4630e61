// Real bash, zsh and fish loading the completion scripts of the built CLI, and completing a line as each shell
// does at a Tab: what they offer is read back from COMPREPLY (bash), compadd (zsh) or `complete -C` (fish).
import { spawn, spawnSync } from "node:child_process";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";
import { isToolAvailable } from "@sigmamind/test-support/tool-availability";
import { type CliEnv, type CliResult, outputOf } from "./run-cli.js";

const MAIN = fileURLToPath(new URL("../../dist/main.js", import.meta.url));

type Shell = "bash" | "zsh" | "fish";

/** Where a program is on the test's own PATH, so that a shell can be run with a PATH that lacks it. */
function locate(program: string): string | undefined {
  const found = spawnSync("sh", ["-c", 'command -v "$0"', program], { encoding: "utf8" });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

const SHELLS: Record<Shell, string | undefined> = { bash: locate("bash"), zsh: locate("zsh"), fish: locate("fish") };

function isShellAvailable(shell: Shell): boolean {
  return isToolAvailable({
    name: shell,
    isInstalled: () => SHELLS[shell] !== undefined,
    install: `apt-get install -y ${shell}`,
  });
}

/** Whether each shell can be run here. Under CI they must be: .ci/run installs zsh and fish. */
export const hasBash = isShellAvailable("bash");
export const hasZsh = isShellAvailable("zsh");
export const hasFish = isShellAvailable("fish");

/** A folder holding a `sigmamind` that runs the built CLI, as an installed bin would be on PATH. */
export interface InstalledCli {
  /** An environment with the folder first on PATH, a HOME of its own, and `env` added. */
  env(extra?: CliEnv): Record<string, string>;
  remove(): Promise<void>;
}

export async function installCli(): Promise<InstalledCli> {
  const folder = await mkdtemp(join(tmpdir(), "sigmamind-bin-"));
  const bin = join(folder, "sigmamind");
  await writeFile(bin, `#!/bin/sh\nexec ${quote(process.execPath)} ${quote(MAIN)} "$@"\n`);
  await chmod(bin, 0o755);
  return {
    env: (extra = {}) => {
      const merged: CliEnv = {
        PATH: `${folder}${delimiter}${process.env.PATH ?? ""}`,
        HOME: folder,
        XDG_CONFIG_HOME: join(folder, "config"),
        XDG_DATA_HOME: join(folder, "data"),
        ...extra,
      };
      return Object.fromEntries(
        Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined),
      );
    },
    remove: () => rm(folder, { recursive: true, force: true }),
  };
}

/** Runs a shell, found on the test's own PATH whatever PATH `env` gives it, or a program on `env`'s PATH. */
export function runShell(program: string, args: readonly string[], env: Record<string, string>): Promise<CliResult> {
  const child = spawn(SHELLS[program as Shell] ?? program, args, { env });
  child.stdin.end();
  return outputOf(child);
}

/** Whether `shell` reads `script` without a syntax error, running none of it: bash -n, zsh -n, fish --no-execute. */
export async function checkSyntax(shell: Shell, script: string): Promise<CliResult> {
  const folder = await mkdtemp(join(tmpdir(), "sigmamind-script-"));
  try {
    const file = join(folder, `sigmamind.${shell}`);
    await writeFile(file, script);
    const options = shell === "fish" ? ["--no-config", "--no-execute"] : ["-n"];
    return await runShell(shell, [...options, file], { PATH: process.env.PATH ?? "" });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * The words bash puts in COMP_WORDS for a line: split at blanks, and at "=" and ":", which COMP_WORDBREAKS holds,
 * each of which is then a word of its own.
 */
export function bashWords(line: string): string[] {
  const words = line.split(/\s+/).flatMap((word) => word.split(/([=:])/).filter((part) => part !== ""));
  if (/\s$/.test(line) || line === "") words.push("");
  return words;
}

/**
 * What bash offers at the end of `line`: the script is sourced, the function `complete -p sigmamind` names is
 * called with COMP_WORDS, COMP_CWORD, COMP_LINE and COMP_POINT set as bash sets them, and COMPREPLY is printed.
 */
export async function bashCompletions(
  line: string,
  env: Record<string, string>,
  options: { pathAtTab?: string } = {},
): Promise<string[]> {
  const words = bashWords(line);
  const pathAtTab = options.pathAtTab === undefined ? "" : `PATH=${quote(options.pathAtTab)}`;
  // `\${` below is bash's `${`; `complete -p` prints the registration back: complete -o default -F NAME sigmamind.
  const script = `source <(sigmamind completion bash)
${pathAtTab}
registration=$(complete -p sigmamind)
function=\${registration#*-F }
function=\${function%% *}
COMP_LINE=${quote(line)}
COMP_POINT=\${#COMP_LINE}
COMP_WORDS=(${words.map(quote).join(" ")})
COMP_CWORD=${words.length - 1}
COMPREPLY=()
"$function" sigmamind "\${COMP_WORDS[COMP_CWORD]}" "\${COMP_WORDS[COMP_CWORD - 1]}"
printf '%s\\n' "\${COMPREPLY[@]}"`;
  const { code, stdout, stderr } = await runShell("bash", ["--norc", "--noprofile", "-c", script], env);
  if (code !== 0 || stderr !== "") throw new Error(`bash exited ${code}: ${stderr}`);
  return stdout.split("\n").filter((candidate) => candidate !== "");
}

/**
 * What zsh offers at the end of `line`: the script is installed in a folder of fpath, as its instructions say,
 * and its function autoloaded and run with `words`, CURRENT and PREFIX set as the completion system sets them.
 * compadd and _files are stand-ins that print what they are given, since only a line editor runs the real ones.
 */
export async function zshCompletions(line: string, env: Record<string, string>): Promise<string[]> {
  const words = line.split(/\s+/);
  const script = [
    "folder=$(mktemp -d)",
    'sigmamind completion zsh >"$folder/_sigmamind"',
    'fpath=("$folder" $fpath)',
    "autoload -Uz _sigmamind",
    'compadd() { while [[ $1 != -- ]]; do shift; done; shift; print -rl -- "$@"; }',
    "_files() { print -r -- '(files)'; }",
    `words=(${words.map(quote).join(" ")})`,
    `CURRENT=${words.length}`,
    `PREFIX=${quote(words.at(-1) ?? "")}`,
    "_sigmamind",
    'rm -r "$folder"',
  ].join("\n");
  const { code, stdout, stderr } = await runShell("zsh", ["-f", "-c", script], env);
  if (code !== 0 || stderr !== "") throw new Error(`zsh exited ${code}: ${stderr}`);
  return stdout.split("\n").filter((candidate) => candidate !== "");
}

/** What fish offers at the end of `line`, from `complete --do-complete`, without the descriptions. */
export async function fishCompletions(line: string, env: Record<string, string>): Promise<string[]> {
  const script = `sigmamind completion fish | source; complete --do-complete ${quote(line)}`;
  const { code, stdout, stderr } = await runShell("fish", ["--no-config", "-c", script], env);
  if (code !== 0 || stderr !== "") throw new Error(`fish exited ${code}: ${stderr}`);
  return stdout
    .split("\n")
    .filter((candidate) => candidate !== "")
    .map((candidate) => candidate.split("\t")[0] ?? "");
}

/** A word for sh, bash, zsh and fish alike: single-quoted, a quote inside closed, escaped and reopened. */
function quote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}
