#!/usr/bin/env node
// sigmamind-mock: runs the SigmaMind mock API, or the stateful sandbox, until interrupted.
import { parseArgs } from "node:util";
import { MockStartError } from "./errors.js";
import type { MockExit } from "./prism-process.js";
import { startSandbox } from "./sandbox/start-sandbox.js";
import { startMock } from "./start-mock.js";

const USAGE = `Usage: sigmamind-mock [options]

Runs a fake of the SigmaMind calls API on this machine until Ctrl-C: Stoplight Prism serving the spec's
examples, or with --sandbox a stateful sandbox (real pages, create, get, delete, a clock) checked against the spec,
with a world of its own for each API key.

Options:
  --sandbox      serve the stateful sandbox instead of the spec's examples
  --seed <seed>  with --sandbox, a whole number that picks the seeded calls (default 1);
                 with --dynamic, a seed for generated responses, so a run can be replayed
  --calls <n>    with --sandbox, how many seeded calls it starts with (default 57)
  --clock <mode> with --sandbox, manual (default: time moves only when told) or real
  --speed <n>    with --clock real, sandbox seconds per real second (default 1; 60 is a minute a second)
  --port <n>     port to listen on (default: a free port)
  --host <host>  interface to listen on (default: 127.0.0.1)
  --dynamic      generate responses from the schemas instead of serving the examples
  --errors       answer requests that break the contract with an error
  --help         show this help

The sandbox, from any language, each route on the world of the X-API-Key it is sent with:
  GET  /__sandbox/clock                    the world's time
  POST /__sandbox/advance?ms=N             move its clock N milliseconds: calls connect and end
  POST /__sandbox/reset                    back to the seeded calls and the start of the clock
  POST /__sandbox/faults?fault=F&count=N   fail its next N requests with F (an X-Sandbox-Fault value)
  X-Sandbox-Fault: rate-limit;retry-after=2 | server-error | delay=500 | reset
                                 a request header that makes that one request fail
  Prefer: code=404               a request header that asks for a status its operation documents
`;

function parse(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      sandbox: { type: "boolean" },
      calls: { type: "string" },
      clock: { type: "string" },
      speed: { type: "string" },
      port: { type: "string" },
      host: { type: "string" },
      dynamic: { type: "boolean" },
      seed: { type: "string" },
      errors: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  const wholeNumber = (text: string | undefined) =>
    text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
  const port = wholeNumber(values.port);
  if (values.port !== undefined && port === undefined) {
    throw new MockStartError(`--port must be a whole number from 1 to 65535, got "${values.port}".`);
  }
  if (values.sandbox) {
    if (values.dynamic) throw new MockStartError("--sandbox and --dynamic cannot be used together: pick one.");
    if (values.errors) throw new MockStartError("--sandbox always checks the contract: drop --errors.");
    if (values.seed !== undefined && !/^-?\d+$/.test(values.seed)) {
      throw new MockStartError(`--seed with --sandbox must be a whole number, got "${values.seed}".`);
    }
    if (values.calls !== undefined && wholeNumber(values.calls) === undefined) {
      throw new MockStartError(`--calls must be a whole number of 0 or more, got "${values.calls}".`);
    }
    if (values.clock !== undefined && values.clock !== "manual" && values.clock !== "real") {
      throw new MockStartError(`--clock must be manual or real, got "${values.clock}".`);
    }
    if (values.speed !== undefined) {
      if (values.clock !== "real") throw new MockStartError("--speed only has an effect with --clock real: add it.");
      if (!(/^\d+(\.\d+)?$/.test(values.speed) && Number(values.speed) > 0 && Number(values.speed) <= 1_000_000)) {
        throw new MockStartError(`--speed must be a number above 0 and at most 1000000, got "${values.speed}".`);
      }
    }
  } else {
    if (values.clock !== undefined || values.speed !== undefined) {
      throw new MockStartError("--clock and --speed only have an effect with --sandbox: add it.");
    }
    if (values.seed !== undefined && !values.dynamic) {
      throw new MockStartError("--seed only has an effect with --dynamic or --sandbox: add one.");
    }
    if (values.calls !== undefined) throw new MockStartError("--calls only has an effect with --sandbox: add it.");
  }
  return { ...values, port, calls: wholeNumber(values.calls) };
}

type Options = ReturnType<typeof parse>;

/** Starts what the flags ask for; resolves to its URL, how to stop it, and when it ended on its own. */
async function start(
  options: Options,
): Promise<{ what: string; url: string; stop(): Promise<void>; died?: Promise<MockExit> }> {
  const where = {
    ...(options.port !== undefined && { port: options.port }),
    ...(options.host !== undefined && { host: options.host }),
  };
  if (options.sandbox) {
    const sandbox = await startSandbox({
      ...where,
      ...(options.seed !== undefined && { seed: Number(options.seed) }),
      ...(options.calls !== undefined && { calls: options.calls }),
      ...(options.clock !== undefined && { clock: options.clock as "manual" | "real" }),
      ...(options.speed !== undefined && { speed: Number(options.speed) }),
    });
    return { what: "SigmaMind sandbox", url: sandbox.url, stop: sandbox.stop };
  }
  const mock = await startMock({
    ...where,
    ...(options.seed !== undefined && { seed: options.seed }),
    dynamic: options.dynamic === true,
    errors: options.errors === true,
  });
  return { what: "SigmaMind mock API", url: mock.url, stop: mock.stop, died: mock.exited };
}

async function main() {
  let options: Options;
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
  const running = await start(options);
  process.stdout.write(`${running.what} listening on ${running.url}\n`);
  if (options.sandbox) {
    process.stdout.write(
      `Move its clock: curl -X POST -H 'X-API-Key: YOUR_KEY' '${running.url}/__sandbox/advance?ms=N'; start over: curl -X POST -H 'X-API-Key: YOUR_KEY' ${running.url}/__sandbox/reset\n`,
    );
  }
  const shutDown = async () => {
    await running.stop();
    process.exit(0);
  };
  process.once("SIGINT", shutDown);
  process.once("SIGTERM", shutDown);
  // The sandbox runs in this process; only the static mock has a Prism process that can die on its own.
  if (!running.died) return;
  const exit = await running.died;
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
