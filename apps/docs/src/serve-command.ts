// `pnpm docs:serve` from the root, or `pnpm --filter @sigmamind/docs serve` for an already built site: serves the
// site on this machine. Its errors name the flags the reader typed.
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { describeTryItTarget } from "./sandbox-probe.js";
import { BUILT_SITE, serveSite } from "./serve-site.js";
import { DEFAULT_MOCK_URL } from "./site-files.js";

export const USAGE = `Usage: pnpm docs:serve [--port N] [--host H] [--mock-url URL]

Serves the built documentation site (pnpm docs:serve builds it first if it changed).
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
  return { port: portOf(values.port), host: hostOf(values.host), mockUrl: mockUrlOf(values["mock-url"]) };
}

function portOf(flag: string | undefined): number {
  if (flag === undefined) return 4000;
  const port = /^\d{1,5}$/.test(flag) ? Number(flag) : Number.NaN;
  if (!(port <= 65_535)) throw new Error(`--port takes a whole number from 0 to 65535, got ${JSON.stringify(flag)}`);
  return port;
}

function hostOf(flag: string | undefined): string {
  if (flag === undefined) return "127.0.0.1";
  // An empty host would listen on every interface, which nobody asks for by leaving the value out.
  if (flag.trim() === "") throw new Error('--host takes an address or a name, such as 127.0.0.1, got ""');
  return flag;
}

function mockUrlOf(flag: string | undefined): string {
  if (flag === undefined) return DEFAULT_MOCK_URL;
  const refuse = (why: string) =>
    new Error(`--mock-url takes an http or https URL, such as ${DEFAULT_MOCK_URL}; ${why}`);
  let url: URL;
  try {
    url = new URL(flag);
  } catch {
    throw refuse(`got ${JSON.stringify(flag)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw refuse(`got ${JSON.stringify(flag)}`);
  // Every reader's browser gets this URL; a browser also refuses to send a request to one that holds credentials.
  if (url.username || url.password) throw refuse("it must not hold a user name or a password");
  if (url.search || url.hash) throw refuse("it must not hold a query or a fragment, since paths are added to it");
  // "Try it" adds the operation's path, which starts with a slash.
  return url.href.replace(/\/$/, "");
}

/** Why listening failed, in the words of the flags. */
function listenFailure(error: NodeJS.ErrnoException, { port, host }: ServeCommand): string {
  switch (error.code) {
    case "EADDRINUSE":
      return `port ${port} is in use: pass --port with another, or --port 0 for a free one`;
    case "EACCES":
      return `port ${port} needs privileges this user lacks: pass --port with one above 1023, or --port 0`;
    case "EADDRNOTAVAIL":
      return `--host ${host} is not an address of this machine: pass 127.0.0.1 or one this machine has`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `--host ${host} does not resolve to an address: pass 127.0.0.1 or a name this machine knows`;
    default:
      return error.message;
  }
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
    console.log(`Documentation site ${site.url}  ("try it" calls ${command.mockUrl})`);
    console.log(`${await describeTryItTarget(command.mockUrl)} Ctrl-C stops the site.`);
    const stop = () => void site.stop().then(() => process.exit(0));
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    return undefined;
  } catch (error) {
    console.error(`serve: ${listenFailure(error as NodeJS.ErrnoException, command)}`);
    return 1;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const exitCode = await main(process.argv.slice(2));
  if (exitCode !== undefined) process.exitCode = exitCode;
}
