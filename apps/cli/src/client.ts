// The SigmaMind client the commands talk to: the API, or with --mock an embedded mock started for this run.
import { format } from "node:util";
import { type Logger, SigmaMind } from "@sigmamind/client";
import { type RunningMock, startMock } from "@sigmamind/mock";
import { UsageError } from "./errors.js";
import type { ConnectionSettings } from "./global-flags.js";
import type { TextOutput } from "./io-streams.js";

// The mock accepts any key; a placeholder means a real key is never sent to it.
const MOCK_API_KEY = "mock-api-key";

export interface Connection {
  /** Opens the client on first call: starts the mock, or checks that there is a key. */
  client(): Promise<SigmaMind>;
  /** Stops the mock if one was started. */
  close(): Promise<void>;
}

export function openConnection(settings: ConnectionSettings, stderr: TextOutput): Connection {
  const logger = stderrLogger(stderr);
  let mock: RunningMock | undefined;
  let client: Promise<SigmaMind> | undefined;

  const build = (apiKey: string, baseUrl: string | undefined) =>
    new SigmaMind({
      apiKey,
      baseUrl,
      allowInsecureHttp: settings.allowInsecureHttp,
      maxRetries: settings.maxRetries,
      timeoutMs: settings.timeoutMs,
      logger,
      logLevel: settings.debug ? "debug" : undefined,
    });

  const open = async () => {
    if (settings.mock) {
      mock = await startMock();
      return build(MOCK_API_KEY, mock.url);
    }
    if (!settings.apiKey) {
      throw new UsageError(
        "no API key: set SIGMAMIND_API_KEY or pass --api-key-file PATH, or use --mock to try the commands on a mock API",
      );
    }
    return build(settings.apiKey, settings.baseUrl);
  };

  return {
    client: () => {
      client ??= open();
      return client;
    },
    close: async () => {
      await mock?.stop();
    },
  };
}

/** stdout belongs to the data: every log line goes to stderr, whatever its level. */
function stderrLogger(stderr: TextOutput): Logger {
  const write = (message: string, ...details: unknown[]) => stderr.write(`${format(message, ...details)}\n`);
  return { error: write, warn: write, info: write, debug: write };
}
