import { execFile } from "node:child_process";

export interface CommandResult {
  stdout: string;
  stderr: string;
}

export interface CommandOptions {
  cwd: string;
  /** Added to `childEnv()`; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
}

/**
 * The environment of this process less what pnpm and Vitest put there: `pnpm test` exports `npm_config_*` and
 * `pnpm_config_*` settings of this workspace, and Vitest sets `NODE_ENV=test`. A child that is an outside user's
 * npm, or a release run in another folder, must not inherit them.
 */
export function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(npm_|pnpm_)/i.test(name) || /^(VITEST|TEST$|NODE_ENV$|INIT_CWD$)/.test(name)) continue;
    env[name] = value;
  }
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

/** Runs a command to completion; a non-zero exit, a signal or the timeout rejects with the command's output. */
export function runCommand(command: string, args: readonly string[], options: CommandOptions): Promise<CommandResult> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd: options.cwd, env: childEnv(options.env), timeout: timeoutMs, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (!error) return resolve({ stdout, stderr });
        const why = error.killed ? `was stopped after ${timeoutMs} ms` : `failed (${error.code ?? error.signal})`;
        reject(
          new Error(
            `\`${[command, ...args].join(" ")}\` in ${options.cwd} ${why}\n--- stdout ---\n${tail(stdout)}\n--- stderr ---\n${tail(stderr)}`,
          ),
        );
      },
    );
  });
}

function tail(output: string, lines = 60): string {
  return output.split("\n").slice(-lines).join("\n");
}
