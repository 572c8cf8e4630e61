#!/usr/bin/env node
// sigmamind-mock: runs the SigmaMind mock API until interrupted.
import { parseArgs } from "node:util";
import { MockStartError } from "./errors.js";
import { startMock } from "./start-mock.js";

const USAGE = `Usage: sigmamind-mock [options]

Runs a Stoplight Prism mock of the SigmaMind calls API on this machine until Ctrl-C.

Options:
  --port <n>     port to listen on (default: a free port)
  --host <host>  interface to listen on (default: 127.0.0.1)
  --dynamic      generate responses from the schemas instead of serving the examples
  --seed <seed>  seed for --dynamic, so a run can be replayed
  --errors       answer requests that break the contract with an error
  --help         show this help
`;

function parse(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      dynamic: { type: "boolean" },
      seed: { type: "string" },
      errors: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !/^\d+$/.test(values.port ?? "")) {
    throw new MockStartError(`--port must be a whole number from 1 to 65535, got "${values.port}".`);
  }
  if (values.seed !== undefined && !values.dynamic) {
    throw new MockStartError("--seed only has an effect with --dynamic: add --dynamic.");
  }
  return { ...values, port };
}

async function main() {
  let options: ReturnType<typeof parse>;
  try {
    options = parse(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`sigmamind-mock: ${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }
  const mock = await startMock({
    ...(options.port !== undefined && { port: options.port }),
    ...(options.host !== undefined && { host: options.host }),
    ...(options.seed !== undefined && { seed: options.seed }),
    dynamic: options.dynamic === true,
    errors: options.errors === true,
  });
  process.stdout.write(`SigmaMind mock API listening on ${mock.url}\n`);
  const shutDown = async () => {
    await mock.stop();
    process.exit(0);
  };
  process.once("SIGINT", shutDown);
  process.once("SIGTERM", shutDown);
  const exit = await mock.exited;
  if (!exit.stopped) {
    process.stderr.write(
      `sigmamind-mock: Prism exited unexpectedly (${exit.signal ?? `exit code ${exit.code}`}).\n${exit.output}\n`,
    );
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`sigmamind-mock: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
