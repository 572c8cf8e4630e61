#!/usr/bin/env node
// sigmamind: read the command line, run the command, and turn the outcome into an exit code.
import { openConnection } from "./client.js";
import { CommandLineError, parseCommandLine } from "./command-line.js";
import { PROGRAM } from "./command-tree.js";
import { describeFailure, exitCodeFor } from "./errors.js";
import { apiKeysIn, connectionSettings } from "./global-flags.js";
import { streamSink } from "./output/sink.js";

const argv = process.argv.slice(2);
const stdout = streamSink(process.stdout);
let commandPath = PROGRAM;

try {
  const invocation = parseCommandLine(argv);
  if (invocation.kind === "help") {
    await stdout.write(invocation.text);
  } else {
    commandPath = invocation.commandPath;
    const connection = openConnection(connectionSettings(invocation.globals, process.env));
    try {
      await invocation.command.run({
        flags: invocation.flags,
        args: invocation.args,
        connect: connection.client,
        stdout,
        stderr: process.stderr,
        stdoutIsTerminal: process.stdout.isTTY === true,
      });
    } finally {
      await connection.close();
    }
  }
} catch (error) {
  process.exitCode = exitCodeFor(error);
  if (process.exitCode !== 0) {
    process.stderr.write(
      describeFailure(error, {
        commandPath: error instanceof CommandLineError ? error.commandPath : commandPath,
        // --debug counts even when the rest of the line could not be parsed.
        debug: argv.includes("--debug"),
        secrets: apiKeysIn(argv, process.env),
      }),
    );
  }
}
