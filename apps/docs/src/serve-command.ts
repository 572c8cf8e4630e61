// `pnpm docs:serve` from the root, or `pnpm --filter @sigmamind/docs serve` for an already built site: serves the
// site on this machine. Its errors name the flags the reader typed.
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { BUILT_SITE, serveSite } from "./serve-site.js";
import { DEFAULT_MOCK_URL } from "./site-files.js";

export const USAGE = `Usage: pnpm docs:serve [--port N] [--host H] [--mock-url URL]

Builds the documentation site if it changed, and serves it.
  --port N         the port to listen on (default 4000; 0 takes a free one)
  --host H         the address to listen on (default 127.0.0.1)
  --mock-url URL   where "try it" sends requests (default ${DEFAULT_MOCK_URL}, where pnpm start runs the sandbox)
  -h, --help       this text`;

export interface ServeCommand {
  port: number;
  host: string;
  mockUrl: string;
}

/** The command line's flags, or an error that names the flag and says what it takes. */
export function parseServeCommand(args: string[]): ServeCommand | "help" {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      "mock-url": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) return "help";
  const port = values.port === undefined ? 4000 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`--port takes a whole number from 0 to 65535, got ${JSON.stringify(values.port)}`);
  }
  const mockUrl = values["mock-url"] ?? DEFAULT_MOCK_URL;
  let parsed: URL;
  try {
    parsed = new URL(mockUrl);
  } catch {
    throw new Error(
      `--mock-url takes an http or https URL, such as ${DEFAULT_MOCK_URL}; got ${JSON.stringify(mockUrl)}`,
    );
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new Error(
      `--mock-url takes an http or https URL, such as ${DEFAULT_MOCK_URL}; got ${JSON.stringify(mockUrl)}`,
    );
  }
  // "Try it" prefixes paths to it: a trailing slash would double theirs.
  return { port, host: values.host ?? "127.0.0.1", mockUrl: parsed.href.replace(/\/$/, "") };
}

/** Runs the command; resolves with an exit code, or with nothing while the site is being served. */
async function main(args: string[]): Promise<number | undefined> {
  let command: ServeCommand | "help";
  try {
    command = parseServeCommand(args);
  } catch (error) {
    console.error(`serve: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (command === "help") {
    console.log(USAGE);
    return 0;
  }
  try {
    const site = await serveSite({ root: BUILT_SITE, ...command });
    console.log(`Documentation site ${site.url}  ("try it" calls ${command.mockUrl})  Ctrl-C stops it.`);
    const stop = () => void site.stop().then(() => process.exit(0));
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    return undefined;
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    const message =
      code === "EADDRINUSE"
        ? `port ${command.port} is in use: pass --port with another, or --port 0 for a free one`
        : (error as Error).message;
    console.error(`serve: ${message}`);
    return 1;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const exitCode = await main(process.argv.slice(2));
  if (exitCode !== undefined) process.exitCode = exitCode;
}
