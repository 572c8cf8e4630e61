// The SigmaMind client the commands talk to: the API, or with --mock or --sandbox a fake of it started for this run.
import { format } from "node:util";
import { type Logger, SigmaMind } from "@sigmamind/client";
import { UsageError } from "./errors.js";
import type { ConnectionSettings, FakeApi } from "./global-flags.js";
import type { TextOutput } from "./io-streams.js";
import { loadMock, prismToInstall } from "./load-mock.js";

// The fakes accept any key; a placeholder means a real key is never sent to them.
const MOCK_API_KEY = "mock-api-key";

export interface Connection {
  /** Opens the client on first call: starts the mock, or checks that there is a key. */
  client(): Promise<SigmaMind>;
  /** Stops the mock if one was started. */
  close(): Promise<void>;
}

export function openConnection(settings: ConnectionSettings, stderr: TextOutput): Connection {
  const logger = stderrLogger(stderr);
  let fake: { stop(): Promise<void> } | undefined;
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
    if (settings.fake) {
      const started = await startFake(settings.fake);
      fake = started;
      return build(MOCK_API_KEY, started.url);
    }
    if (!settings.apiKey) {
      throw new UsageError(
        "no API key: set SIGMAMIND_API_KEY or pass --api-key-file PATH; or try the commands with no key on the sandbox (--sandbox: real pages, create, get, delete) or the static mock (--mock), which need none and never send yours",
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
      await fake?.stop();
    },
  };
}

type Mock = Awaited<ReturnType<typeof loadMock>>;

/** How each fake starts: the function of @sigmamind/mock it needs, and the call. */
const FAKE_STARTS = {
  // The sandbox's clock runs a minute a second, so a call placed on it ends within seconds for `--wait`.
  sandbox: { entry: "startSandbox", start: (mock: Mock) => mock.startSandbox({ clock: "real", speed: 60 }) },
  mock: { entry: "startMock", start: (mock: Mock) => mock.startMock() },
} as const satisfies Record<FakeApi, { entry: keyof Mock; start: (mock: Mock) => Promise<{ url: string }> }>;

async function startFake(kind: FakeApi): Promise<{ url: string; stop(): Promise<void> }> {
  const flag = `--${kind}`;
  const install = "npm install --global @sigmamind/mock (or add it to your project), then run the command again";
  const mock = await loadMock().catch((error: NodeJS.ErrnoException) => {
    // Only @sigmamind/mock itself missing; a dependency of it missing is another problem, said as it is.
    if (error?.code !== "ERR_MODULE_NOT_FOUND" || !/^Cannot find package '@sigmamind\/mock'/.test(error.message)) {
      throw error;
    }
    throw new UsageError(`${flag} needs @sigmamind/mock, which is not installed: ${install}`);
  });
  const { entry, start } = FAKE_STARTS[kind];
  if (typeof mock[entry] !== "function") {
    throw new UsageError(`${flag} needs a newer @sigmamind/mock, whose installed version has no ${entry}: ${install}`);
  }
  return start(mock).catch((error: unknown) => {
    // --mock runs Stoplight Prism, an optional peer dependency of @sigmamind/mock; --sandbox does not.
    if (!(error instanceof mock.MockStartError && isModuleNotFound(error.cause))) throw error;
    throw new UsageError(
      `${flag} needs @stoplight/prism-cli beside @sigmamind/mock, and it is not installed: npm install --global ${prismToInstall()} (or add it to your project), then run the command again; --sandbox needs only @sigmamind/mock`,
    );
  });
}

function isModuleNotFound(cause: unknown): boolean {
  return (cause as NodeJS.ErrnoException | undefined)?.code === "MODULE_NOT_FOUND";
}

/** stdout belongs to the data: every log line goes to stderr, whatever its level. */
function stderrLogger(stderr: TextOutput): Logger {
  const write = (message: string, ...details: unknown[]) => stderr.write(`${format(message, ...details)}\n`);
  return { error: write, warn: write, info: write, debug: write };
}
