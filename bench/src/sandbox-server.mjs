// One server of section 5 in a process of its own, started by sandbox.mjs: either the sandbox
// (`startSandbox()` from @sigmamind/mock) or a bare node:http server that answers GET /v1/calls with the page
// bytes the sandbox gives, the floor any server of that page stands on. Both are this one script, so they pay the
// same start-up; only the sandbox imports @sigmamind/mock. Configured by one JSON argument:
//   { "server": "sandbox" }                  startSandbox() with its defaults
//   { "server": "bare", "page": "<json>" }   GET /v1/calls answers `page`; anything else is a 404
// Prints "listening on <url>". Each line "memory <label>" on stdin collects garbage (run with --expose-gc) and
// prints "memory <label> <json of process.memoryUsage()>".
import { createServer } from "node:http";
import { createInterface } from "node:readline";
import { collectGarbage } from "./child.mjs";

/** @type {{ server: "sandbox" | "bare", page?: string }} */
const config = JSON.parse(process.argv[2] ?? "{}");

if (config.server === "sandbox") {
  const { startSandbox } = await import("@sigmamind/mock");
  const sandbox = await startSandbox();
  console.log(`listening on ${sandbox.url}`);
} else {
  const page = Buffer.from(config.page ?? "{}");
  const server = createServer((request, response) => {
    if (request.method === "GET" && request.url?.split("?")[0] === "/v1/calls") {
      response.writeHead(200, { "content-type": "application/json", "content-length": page.byteLength }).end(page);
    } else {
      response.writeHead(404, { "content-type": "application/json" }).end('{"error":"Not Found"}');
    }
  });
  server.listen(0, "127.0.0.1", () => {
    const address = server.address();
    console.log(`listening on http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`);
  });
}

createInterface({ input: process.stdin }).on("line", (line) => {
  const [command, label] = line.split(" ");
  if (command !== "memory") return;
  // Twice: the first collection can leave what only a finalizer it ran released.
  collectGarbage();
  collectGarbage();
  console.log(`memory ${label} ${JSON.stringify(process.memoryUsage())}`);
});
