import { createServer } from "node:net";
import { describe, expect, test } from "vitest";
import { freePort, refusedUrl } from "../src/free-port.js";

describe("freePort", () => {
  test("gives a port that can be listened on at once, and a different one each time", async () => {
    const [first, second] = [await freePort(), await freePort()];
    expect(first).not.toBe(second);
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(first, "127.0.0.1", resolve);
    });
    await new Promise((resolve) => server.close(resolve));
  });
});

describe("refusedUrl", () => {
  test("is a URL where a connection is refused", async () => {
    const { url, port } = await refusedUrl();
    expect(url).toBe(`http://127.0.0.1:${port}`);
    const error = await fetch(url).catch((caught: unknown) => caught);
    expect((error as { cause?: { code?: string } }).cause?.code).toBe("ECONNREFUSED");
  });
});
