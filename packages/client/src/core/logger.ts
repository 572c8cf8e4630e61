import { InvalidInputError } from "./errors.js";

export const LOG_LEVELS = ["off", "error", "warn", "info", "debug"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Anything with console's four methods: `console`, pino, winston, ... */
export interface Logger {
  error(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
  debug(message: string, ...details: unknown[]): void;
}

/**
 * The default logger. Where there is a process with a stderr (Node, Bun, Deno), every level goes there, so log
 * lines never mix into what a program prints on stdout (console.info and console.debug write to stdout).
 * Elsewhere, such as in browsers, the console's own methods.
 */
export function defaultLogger(): Logger {
  const stderr = (globalThis as { process?: { stderr?: { write?: (text: string) => unknown } } }).process?.stderr;
  if (typeof stderr?.write !== "function") return console;
  const write = (message: string, ...details: unknown[]) =>
    stderr.write?.(
      `${[message, ...details.map((detail) => (typeof detail === "string" ? detail : JSON.stringify(detail)))].join(" ")}\n`,
    );
  return { error: write, warn: write, info: write, debug: write };
}

/**
 * A logger that drops messages below `level`, and never throws: a logger that fails (a closed stream, a bug)
 * must not change the outcome of the call it reports on, least of all a create that was already sent.
 */
export function levelledLogger(logger: Logger, level: LogLevel): Logger {
  const threshold = LOG_LEVELS.indexOf(level);
  const noop = () => {};
  const at = (method: Exclude<LogLevel, "off">) =>
    LOG_LEVELS.indexOf(method) <= threshold
      ? (message: string, ...details: unknown[]) => {
          try {
            logger[method](message, ...details);
          } catch {}
        }
      : noop;
  return { error: at("error"), warn: at("warn"), info: at("info"), debug: at("debug") };
}

export function parseLogLevel(value: unknown, source: string): LogLevel {
  if (typeof value === "string" && (LOG_LEVELS as readonly string[]).includes(value)) return value as LogLevel;
  throw new InvalidInputError(`${source} must be one of ${LOG_LEVELS.join(", ")}, got ${JSON.stringify(value)}.`);
}
