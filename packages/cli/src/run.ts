// One run of sigmamind: read the command line, run the command, and turn the outcome into an exit status.
import { type Connection, openConnection } from "./client.js";
import { CommandLineError, parseCommandLine } from "./command-line.js";
import { commandOf, PROGRAM } from "./command-tree.js";
import { COMPLETE_COMMAND, writeCompletions } from "./completion/complete-command.js";
import { describeFailure, ExitCode, exitCodeFor } from "./errors.js";
import { apiKeysIn, connectionSettings } from "./global-flags.js";
import type { IOStreams } from "./io-streams.js";

export async function run(argv: readonly string[], env: NodeJS.ProcessEnv, io: IOStreams): Promise<number> {
  // The completion scripts' hidden command is in no group of the command tree, so no help lists it.
  if (argv[0] === COMPLETE_COMMAND) return writeCompletions(argv.slice(1), env, io);
  let commandPath = PROGRAM;
  const secrets = apiKeysIn(argv, env);
  try {
    const invocation = parseCommandLine(argv);
    if (invocation.kind === "print") {
      await io.stdout.write(invocation.text);
      return ExitCode.ok;
    }
    commandPath = invocation.commandPath;
    const { globals } = invocation;
    // Read when a command first needs the API, not before: `config` and `completion` never do, so a broken
    // profile cannot stop `sigmamind config set` from mending it.
    let connection: Connection | undefined;
    const connect = async () => {
      if (!connection) {
        const settings = await connectionSettings(globals, env, io);
        if (settings.apiKey) secrets.push(settings.apiKey);
        connection = openConnection(settings, io.stderr);
      }
      return connection.client();
    };
    try {
      await invocation.command.run({
        flags: invocation.flags,
        globals,
        args: invocation.args,
        connect,
        io,
        env,
        usingMock: globals.sandbox === true || globals.mock === true,
      });
    } finally {
      await connection?.close();
    }
    return ExitCode.ok;
  } catch (error) {
    const code = exitCodeFor(error);
    if (code !== ExitCode.ok) {
      io.stderr.write(
        describeFailure(error, {
          commandPath: error instanceof CommandLineError ? error.commandPath : commandPath,
          // --debug counts even when the rest of the line could not be parsed.
          debug: argv.includes("--debug"),
          secrets,
          fieldsOf: (label) => commandOf(label)?.fields,
        }),
      );
    }
    return code;
  }
}
