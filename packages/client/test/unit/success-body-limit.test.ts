// A success body is read up to maxResponseBytes: a server that sends gigabytes, or a body that never ends, is an
// error that says what to raise, not a process that runs out of memory.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, expect, test } from "vitest";
import { ResponseParseError, SigmaMind } from "../../src/index.js";
import { API_KEY, rejectionOf } from "../support/socket-client.js";

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve).closeAllConnections())),
  );
});

/** A server whose 200 body is megabyte after megabyte of a JSON string, forever, until the client goes away. */
async function endlessBody(declaredLength?: number) {
  const sent = { bytes: 0, closedEarly: false };
  const server = createServer((_request, response) => {
    response.writeHead(200, {
      "content-type": "application/json",
      ...(declaredLength !== undefined && { "content-length": String(declaredLength) }),
    });
    const chunk = Buffer.alloc(1024 * 1024, "a");
    response.write('{"callId":"');
    const pump = () => {
      while (!response.destroyed && sent.bytes < 300 * 1024 * 1024) {
        sent.bytes += chunk.byteLength;
        if (!response.write(chunk)) return response.once("drain", pump);
      }
    };
    response.on("close", () => {
      sent.closedEarly = !response.writableFinished;
    });
    pump();
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sent };
}

test("a body that never ends is a ResponseParseError once it passes maxResponseBytes, and the rest is not read", async () => {
  const { url, sent } = await endlessBody();
  const client = new SigmaMind({ apiKey: API_KEY, baseUrl: url, maxRetries: 0, maxResponseBytes: 4 * 1024 * 1024 });
  const error = await rejectionOf(client.calls.get("call-1"));
  expect(error).toBeInstanceOf(ResponseParseError);
  expect(error.message).toMatch(/larger than maxResponseBytes \(4194304 bytes\).*Raise maxResponseBytes/);
  // Stopped near the limit: nowhere near the 300 MB the server would send.
  expect(sent.bytes).toBeLessThan(64 * 1024 * 1024);
});

test("a body that says it is larger than maxResponseBytes is refused before it is read", async () => {
  const { url, sent } = await endlessBody(200 * 1024 * 1024);
  const client = new SigmaMind({ apiKey: API_KEY, baseUrl: url, maxRetries: 0, maxResponseBytes: 1024 * 1024 });
  await expect(client.calls.get("call-1")).rejects.toThrow(/larger than maxResponseBytes \(1048576 bytes\)/);
  expect(sent.bytes).toBeLessThan(64 * 1024 * 1024);
});

test("a create whose answer is too large may have placed the call, and says so", async () => {
  const { url } = await endlessBody();
  const client = new SigmaMind({ apiKey: API_KEY, baseUrl: url, maxResponseBytes: 1024 * 1024 });
  const error = (await rejectionOf(
    client.calls.create({ fromPhoneNumber: "+14155552671", toPhoneNumber: "+14155550123", agentId: "agent-1" }),
  )) as ResponseParseError;
  expect(error.mayHaveTakenEffect).toBe(true);
});

test("maxResponseBytes is checked in the words of the constructor", () => {
  expect(() => new SigmaMind({ apiKey: API_KEY, maxResponseBytes: 0 })).toThrow(
    /new SigmaMind\(options\): maxResponseBytes must be a whole number of bytes, 1 or more/,
  );
  expect(() => new SigmaMind({ apiKey: API_KEY, maxResponseBytes: 1.5 })).toThrow(/maxResponseBytes/);
});
