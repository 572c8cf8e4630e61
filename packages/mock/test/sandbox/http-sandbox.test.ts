// The behaviour suite against the HTTP sandbox: a real server on 127.0.0.1, with Prism checking every answer.
import { specPath } from "@sigmamind/spec";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { type RunningSandbox, type SandboxOptions, startSandbox } from "../../src/sandbox/sandbox-server.js";
import { describeSandboxBehaviour } from "./behaviour.js";

let shared: RunningSandbox;
const ownSandboxes: RunningSandbox[] = [];
beforeAll(async () => {
  shared = await startSandbox({ specPath });
});
afterEach(async () => {
  await Promise.all(ownSandboxes.splice(0).map((sandbox) => sandbox.stop()));
});
afterAll(async () => {
  await shared?.stop();
  // Prism found nothing wrong with any answer the suite was given.
  expect(shared?.violations).toEqual([]);
});

describeSandboxBehaviour({
  name: "HTTP, behind Prism",
  shared: () => shared,
  start: async (options) => {
    const sandbox = await startSandbox({ ...options, specPath } satisfies SandboxOptions);
    ownSandboxes.push(sandbox);
    return sandbox;
  },
});

test("listens on 127.0.0.1 on a port the system chose", () => {
  expect(shared.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
});
