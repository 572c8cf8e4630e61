// What `pnpm docs:serve` says of the URL "try it" will call: a sandbox, something else, or nothing yet.
import { createServer, type Server } from "node:http";
import { startSandbox } from "@sigmamind/mock";
import { refusedUrl } from "@sigmamind/test-support/free-port";
import { describe, expect, test } from "vitest";
import { describeTryItTarget } from "../src/sandbox-probe.js";

async function listening(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

describe("describeTryItTarget", () => {
  test("a sandbox there: says so", async () => {
    const sandbox = await startSandbox({ port: 0 });
    try {
      expect(await describeTryItTarget(sandbox.url)).toBe(`"Try it" calls the sandbox at ${sandbox.url}.`);
    } finally {
      await sandbox.close();
    }
  });

  test("something else there: warns that it is not a sandbox, and that try it would call it", async () => {
    const other = createServer((_request, response) => response.end("<html>hello</html>"));
    const url = await listening(other);
    try {
      const port = new URL(url).port;
      expect(await describeTryItTarget(url)).toBe(
        `Warning: ${url} answers, but not as a sandbox does: "try it" would send requests to whatever it is. Stop it, or pass --mock-url with a sandbox's address (\`npx sigmamind-mock --sandbox --port ${port}\` runs one).`,
      );
    } finally {
      other.close();
    }
  });

  test("nothing there yet: says how to start a sandbox on that very port", async () => {
    const { url } = await refusedUrl();
    const port = new URL(url).port;
    expect(await describeTryItTarget(url)).toBe(
      `Nothing answers at ${url} yet: "try it" needs a sandbox there. \`pnpm start\` runs one with this site on 4010; \`npx sigmamind-mock --sandbox --port ${port}\` runs one alone.`,
    );
  });
});
