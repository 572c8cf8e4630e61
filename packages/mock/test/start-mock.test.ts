import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { specPath } from "@sigmamind/spec";
import { isProcessRunning } from "@sigmamind/test-support/processes";
import { afterEach, describe, expect, test } from "vitest";
import { MockStartError, type RunningMock, startMock } from "../src/index.js";

const started: RunningMock[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((mock) => mock.stop()));
});

async function start(...args: Parameters<typeof startMock>) {
  const mock = await startMock(...args);
  started.push(mock);
  return mock;
}

function listen(port: number, host = "127.0.0.1"): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(port, host, () => resolve(server));
  });
}

describe("startMock", () => {
  test("serves the bundled spec's examples on 127.0.0.1 and stops cleanly, `exited` saying it was stopped", async () => {
    const mock = await start({ specPath: specPath });
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const response = await fetch(`${mock.url}/v1/calls`, { headers: { "X-API-Key": "test-key" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("sl-violations")).toBeNull();
    const page = await response.json();
    expect(page.data[0].callId).toBe("call-AuUKK371Spr5nHJS");

    await mock.stop();
    // Prism is gone, so its port is free (binding it here would race other tests' mocks for it).
    expect(isProcessRunning(mock.pid)).toBe(false);
    await expect(mock.exited).resolves.toMatchObject({ stopped: true });
    await mock.stop(); // a second stop is harmless
  });

  test("a port in use is a clear error, at once", async () => {
    const blocker = await listen(0);
    const address = blocker.address();
    const port = typeof address === "object" && address ? address.port : 0;
    try {
      const attempt = startMock({ port, specPath: specPath });
      await expect(attempt).rejects.toThrow(MockStartError);
      await expect(attempt).rejects.toThrow(`port ${port} on 127.0.0.1 is in use`);
    } finally {
      blocker.close();
    }
  });

  test("a missing spec is a clear error naming the path", async () => {
    await expect(startMock({ specPath: "/nonexistent/openapi.yaml" })).rejects.toThrow(
      /no OpenAPI document at \/nonexistent\/openapi\.yaml/,
    );
  });

  test("a broken spec fails within the start timeout and leaves no process behind", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sigmamind-mock-"));
    const broken = join(dir, "openapi.yaml");
    await writeFile(broken, "openapi: 3.1.0\npaths: {\n");
    const before = Date.now();
    try {
      const error = await startMock({ specPath: broken, startTimeoutMs: 20_000 }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(MockStartError);
      expect((error as Error).message).toMatch(/Prism exited before it was ready/);
      expect(Date.now() - before).toBeLessThan(20_000);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test.each([
    [{ port: 0 }, /port must be an integer from 1 to 65535/],
    [{ port: 70000 }, /port must be an integer from 1 to 65535/],
    [{ port: 1.5 }, /port must be an integer/],
    [{ startTimeoutMs: -1 }, /startTimeoutMs must be a positive number/],
  ])("rejects bad options %o", async (options, message) => {
    await expect(startMock(options)).rejects.toThrow(message);
  });

  test("a start that times out stops Prism", async () => {
    const error = await startMock({
      specPath: specPath,
      startTimeoutMs: 1,
    }).catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(/did not start listening within 1 ms/);
  });
});

describe("the built package", () => {
  test("serves the spec bundled beside it, so a consumer's mock matches their version", async () => {
    // Loaded by path at run time: the build is what is published, and it must find its own spec.
    const builtEntry: string = "../dist/index.mjs";
    const built = (await import(builtEntry)) as typeof import("../src/index.js");
    const mock = await built.startMock();
    started.push(mock);
    const response = await fetch(`${mock.url}/v1/calls/call-AuUKK371Spr5nHJS`, { headers: { "X-API-Key": "k" } });
    expect(response.status).toBe(200);
    expect((await response.json()).callId).toBe("call-AuUKK371Spr5nHJS");
  });
});

describe("the CommonJS build", () => {
  test("finds its bundled spec too", async () => {
    const { createRequire } = await import("node:module");
    const built = createRequire(import.meta.url)("../dist/index.cjs") as typeof import("../src/index.js");
    const mock = await built.startMock();
    started.push(mock);
    const response = await fetch(`${mock.url}/v1/calls`, { headers: { "X-API-Key": "k" } });
    expect(response.status).toBe(200);
  });
});
