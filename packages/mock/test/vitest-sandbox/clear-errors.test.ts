// What a user sees when the Vitest integration is set up wrong or the sandbox refuses a control request: an error
// that says what to do, never an undefined URL that sends a client to the production API. This package's Vitest
// config starts neither global setup, as a user's that forgot it. (The fixture beside this file uses the public
// entry points; these come from src so that typechecking them needs no build.)

import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { mockUrl, sandboxApiKey, sandboxUrl } from "../../src/mock-url.js";
import { controlSandbox } from "../../src/sandbox/control-client.js";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/start-sandbox.js";

describe("without the global setup", () => {
  test("sandboxUrl() fails, naming the setup to add and the variable that replaces it", () => {
    expect(() => sandboxUrl()).toThrow(
      /No SigmaMind sandbox was set up.*Add "@sigmamind\/mock\/vitest\/sandbox" to test\.globalSetup.*SIGMAMIND_SANDBOX_URL/,
    );
  });

  test("sandboxApiKey() fails the same way, instead of a key for a sandbox that is not there", () => {
    expect(() => sandboxApiKey()).toThrow(/Add "@sigmamind\/mock\/vitest\/sandbox" to test\.globalSetup/);
  });

  test("mockUrl() fails, naming the setup to add and the variable that replaces it", () => {
    expect(() => mockUrl()).toThrow(
      /No SigmaMind mock was set up.*Add "@sigmamind\/mock\/vitest" to test\.globalSetup.*SIGMAMIND_MOCK_URL/,
    );
  });
});

describe("controlSandbox when the sandbox refuses", () => {
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    sandbox = await startSandbox();
  });

  afterAll(() => sandbox.stop());

  test.each([-1, 1.5, Number.NaN])("advance(%s) rejects with the route and the sandbox's reason", async (ms) => {
    const world = controlSandbox(sandbox.url, "clear-errors");

    await expect(world.advance(ms)).rejects.toThrow(
      `The sandbox refused POST /__sandbox/advance?ms=${ms}: advance takes ?ms=N, a whole number of milliseconds`,
    );
    expect((await world.now()).toISOString()).toBe("2026-01-01T00:00:00.000Z");
  });

  test("failNext with a count of 0 rejects, saying which counts it takes", async () => {
    await expect(controlSandbox(sandbox.url, "clear-errors").failNext({ kind: "server-error" }, 0)).rejects.toThrow(
      /^The sandbox refused POST \/__sandbox\/faults\?fault=server-error&count=0: faults takes &count=N, a whole number from 1 to 1000; got 0$/,
    );
  });

  test("an empty API key rejects, saying the control routes act on the world of a key", async () => {
    await expect(controlSandbox(sandbox.url, "").reset()).rejects.toThrow(
      "The sandbox refused POST /__sandbox/reset: The control routes act on the world of an X-API-Key",
    );
  });
});
