// Serves the built site on this machine, with "try it" pointed at a mock.
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

export interface ServeSiteOptions {
  /** The built site. Default: this app's dist/site. */
  root?: string;
  /** Where "try it" sends requests. */
  mockUrl: string;
  host?: string;
  /** Default: a free port. */
  port?: number;
}

export interface RunningSite {
  url: string;
  stop(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
};

export async function serveSite(options: ServeSiteOptions): Promise<RunningSite> {
  const root = options.root ?? fileURLToPath(new URL("../site/", import.meta.url));
  const host = options.host ?? "127.0.0.1";
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://site").pathname);
    if (path === "/site-config.json") {
      response.writeHead(200, { "content-type": CONTENT_TYPES[".json"] as string });
      response.end(JSON.stringify({ mockUrl: options.mockUrl }));
      return;
    }
    // normalize() resolves "..", so a request can never read outside the site.
    const file = join(root, normalize(path.endsWith("/") ? `${path}index.html` : path));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const content = await readFile(file);
      response.writeHead(200, { "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream" });
      response.end(content);
    } catch {
      response.writeHead(404, { "content-type": "text/plain" }).end("Not found");
    }
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
