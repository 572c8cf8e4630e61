// Serves the built site on this machine, with "try it" pointed at a fake of the API.
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
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
    if (new URL(request.url ?? "/", "http://site").pathname === `/${SITE_CONFIG_FILE}`) {
      response.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
      response.end(JSON.stringify(siteConfig));
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
    url: `http://${host}:${port}`,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
