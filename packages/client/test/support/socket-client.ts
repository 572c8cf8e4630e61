// A client on the real global fetch, pointed at servers a test starts on 127.0.0.1, whose waits between retries
// are recorded instead of slept through and whose log lines are kept.
import { afterEach } from "vitest";
import { type ClientOptions, SigmaMind, type Sleep } from "../../src/index.js";
import { type FaultScript, type FaultServer, startFaultServer } from "./fault-server.js";

export const API_KEY = "sm-test-key-0123456789abcdef";

const servers: FaultServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** Starts a fault server that is closed after the test. */
export async function serve(script: FaultScript, options: { port?: number } = {}): Promise<FaultServer> {
  const server = await startFaultServer(script, options);
  servers.push(server);
  return server;
}

export function clientOf(baseUrl: string, options: ClientOptions = {}) {
  const delays: number[] = [];
  const logs: string[] = [];
  const sleep: Sleep = async (ms, signal) => {
    delays.push(ms);
    signal.throwIfAborted();
  };
  const record = (message: string) => logs.push(message);
  const client = new SigmaMind({
    apiKey: API_KEY,
    baseUrl,
    sleep,
    logger: { error: record, warn: record, info: record, debug: record },
    ...options,
  });
  return { client, delays, logs };
}

export async function rejectionOf(promise: PromiseLike<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the call to reject");
}
