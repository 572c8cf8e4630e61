// The site's server, and the `serve` command around it.
import { execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parseServeCommand } from "../src/serve-command.js";
import { BUILT_SITE, type RunningSite, serveSite } from "../src/serve-site.js";

const command = fileURLToPath(new URL("../dist/lib/serve-command.js", import.meta.url));
let site: RunningSite;

/** A GET with the path sent exactly as written, as a hostile client would, not as fetch would normalize it. */
function rawGet(url: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { path }, (response) => {
      let body = "";
      response.setEncoding("utf8").on("data", (chunk) => {
        body += chunk;
      });
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    req.on("error", reject).end();
  });
}

describe("serveSite", () => {
  beforeAll(async () => {
    site = await serveSite({ root: BUILT_SITE, mockUrl: "http://127.0.0.1:4999" });
  });
  afterAll(() => site.stop());

  test("serves the pages, and answers “try it”'s configuration with the fake it was given", async () => {
    const home = await fetch(`${site.url}/`);
    expect(home.status).toBe(200);
    expect(home.headers.get("content-type")).toMatch(/^text\/html/);
    expect((await fetch(`${site.url}/guides/01-quick-start.html`)).status).toBe(200);
    const config = await fetch(`${site.url}/site-config.json`);
    expect(await config.json()).toEqual({ mockUrl: "http://127.0.0.1:4999" });
  });

  test("answers an unknown path with the site's 404 page", async () => {
    const response = await fetch(`${site.url}/no/such/page.html`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("404");
  });

  test.each(["/../package.json", "/..%2f..%2fpackage.json", "/%2e%2e/%2e%2e/package.json"])(
    "never serves a file outside the site: %s",
    async (path) => {
      const { status, body } = await rawGet(site.url, path);
      expect(body).not.toContain('"name": "@sigmamind/docs"');
      expect(status).toBe(404);
    },
  );

  test.each(["//", "///", "/\\", "//@", "/%E0%A4%A"])("survives the path %j, and keeps serving", async (path) => {
    const { status } = await rawGet(site.url, path);
    expect(status).toBeGreaterThanOrEqual(200);
    expect((await fetch(`${site.url}/`)).status).toBe(200);
  });

  test.each(["/%73ite-config.json", "/site-config.json/", "/guides/../site-config.json", "/site-config.json?x=1"])(
    "answers %j with the fake it was given, never the built file's default",
    async (path) => {
      const { status, body } = await rawGet(site.url, path);
      expect(status).toBe(200);
      expect(JSON.parse(body)).toEqual({ mockUrl: "http://127.0.0.1:4999" });
    },
  );

  test.each(["POST", "PUT", "DELETE", "OPTIONS"])("refuses %s with a 405", async (method) => {
    const response = await fetch(`${site.url}/`, { method });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD");
  });

  test("without a built site it says how to build one", async () => {
    const empty = mkdtempSync(join(tmpdir(), "sigmamind-no-site-"));
    await expect(serveSite({ root: empty, mockUrl: "http://127.0.0.1:4010" })).rejects.toThrow(
      /There is no built site in .*: run `pnpm exec turbo run build --filter=@sigmamind\/docs`/,
    );
  });
});

describe("the serve command", () => {
  test("reads its flags", () => {
    expect(parseServeCommand([])).toEqual({ port: 4000, host: "127.0.0.1", mockUrl: "http://127.0.0.1:4010" });
    expect(parseServeCommand(["--port", "0", "--mock-url", "http://127.0.0.1:5000/"])).toEqual({
      port: 0,
      host: "127.0.0.1",
      mockUrl: "http://127.0.0.1:5000",
    });
    expect(parseServeCommand(["--help"])).toBe("help");
  });

  test.each([
    [["--port", "http"], /--port takes a whole number from 0 to 65535, got "http"/],
    [["--port", "70000"], /--port takes a whole number/],
    [["--mock-url", "127.0.0.1:4010"], /--mock-url takes an http or https URL, such as http:\/\/127\.0\.0\.1:4010/],
    [["--mock-url", "file:///etc/passwd"], /--mock-url takes an http or https URL/],
    [["--prot", "1"], /Unknown option '--prot'/],
    [["--port", ""], /--port takes a whole number from 0 to 65535, got ""/],
    [["--port", "0x1F90"], /--port takes a whole number/],
    [["--port", "1e3"], /--port takes a whole number/],
    [["--host", ""], /--host takes an address or a name, such as 127\.0\.0\.1, got ""/],
    [["--mock-url", "http://user:secret@127.0.0.1:4010"], /--mock-url .*must not hold a user name or a password/],
    [["--mock-url", "http://127.0.0.1:4010/#x"], /--mock-url .*must not hold a query or a fragment/],
  ])("refuses %j, naming the flag", (args, message) => {
    expect(() => parseServeCommand(args)).toThrow(message);
  });

  test("an error never repeats a password it was given", () => {
    expect(() => parseServeCommand(["--mock-url", "http://user:secret@127.0.0.1:4010"])).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining("secret") }),
    );
  });

  test.each([[["--host", "192.0.2.1"], /^serve: --host 192\.0\.2\.1 is not an address of this machine/]])(
    "a host this machine does not have, %j, is named as the flag",
    async (args, message) => {
      const refused = await promisify(execFile)(process.execPath, [command, "--port", "0", ...args]).catch(
        (error) => error,
      );
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(message);
    },
  );

  test("a bad flag exits 2 with the usage; a good one serves until stopped", async () => {
    const refused = await promisify(execFile)(process.execPath, [command, "--port", "x"]).catch((error) => error);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^serve: --port takes a whole number.*\n\nUsage: /s);

    const child = spawn(process.execPath, [command, "--port", "0", "--mock-url", "http://127.0.0.1:4999"]);
    try {
      const [line] = (await once(child.stdout.setEncoding("utf8"), "data")) as [string];
      const url = /Documentation site (http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1];
      expect(url).toBeDefined();
      expect((await fetch(`${url}/site-config.json`).then((response) => response.json())).mockUrl).toBe(
        "http://127.0.0.1:4999",
      );
    } finally {
      child.kill("SIGTERM");
      const [code] = await once(child, "exit");
      expect(code).toBe(0);
    }
  });
});
