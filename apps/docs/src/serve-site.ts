// Serves the built site on this machine, with "try it" pointed at a fake of the API.
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { isIP } from "node:net";
import { join, posix } from "node:path";
import { fileURLToPath } from "node:url";
import sirv from "sirv";
import { SITE_CONFIG_FILE, type SiteConfig } from "./site-files.js";

export interface ServeSiteOptions {
  /** The built site. Default: this app's dist/site. */
  root?: string;
  /** Where "try it" sends requests: the sandbox or the mock. */
  mockUrl: string;
  host?: string;
  /** Default: a free port. */
  port?: number;
}

export interface RunningSite {
  url: string;
  stop(): Promise<void>;
}

// This module runs from src/ in tests and from dist/lib/ when built: the app root is where package.json is.
const appRoot = [new URL("../", import.meta.url), new URL("../../", import.meta.url)].find((candidate) =>
  existsSync(new URL("package.json", candidate)),
) as URL;
/** This app's built site. */
export const BUILT_SITE = fileURLToPath(new URL("dist/site/", appRoot));

export async function serveSite(options: ServeSiteOptions): Promise<RunningSite> {
  const root = options.root ?? BUILT_SITE;
  const host = options.host ?? "127.0.0.1";
  let notFoundPage: string;
  try {
    notFoundPage = readFileSync(join(root, "404.html"), "utf8");
  } catch {
    throw new Error(`There is no built site in ${root}: run \`pnpm exec turbo run build --filter=@sigmamind/docs\`.`);
  }
  const siteConfig: SiteConfig = { mockUrl: options.mockUrl };
  // sirv answers only files under root (it resolves ".." away), with their content types and ETags.
  const files = sirv(root, { etag: true });
  const server = createServer((request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain" }).end("Only GET and HEAD\n");
      return;
    }
    const path = sitePath(request.url ?? "/");
    if (path === undefined) {
      response.writeHead(400, { "content-type": "text/plain" }).end("The path is not valid percent-encoding\n");
      return;
    }
    if (path === `/${SITE_CONFIG_FILE}`) {
      response.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
      response.end(request.method === "HEAD" ? undefined : JSON.stringify(siteConfig));
      return;
    }
    files(request, response, () => {
      response.writeHead(404, { "content-type": "text/html; charset=utf-8" }).end(notFoundPage);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as { port: number };
  return {
    // An IPv6 address goes in brackets in a URL.
    url: `http://${isIP(host) === 6 ? `[${host}]` : host}:${port}`,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The file a request path names, as sirv reads it (decoded, "." and ".." resolved, no trailing slash), so that no
 * spelling of site-config.json reaches the built file instead of this server's answer; undefined when the path
 * cannot be decoded. Read from the raw path: `new URL()` throws on one such as `//`.
 */
function sitePath(rawUrl: string): string | undefined {
  try {
    const decoded = decodeURIComponent(rawUrl.split(/[?#]/, 1)[0] as string);
    return posix.normalize(`/${decoded}`).replace(/(.)\/$/, "$1");
  } catch {
    return undefined;
  }
}
