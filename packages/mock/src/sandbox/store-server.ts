// The store over HTTP, on a port of its own on 127.0.0.1: the upstream that Prism validates. It answers API
// requests only; the sandbox's front takes the faults, control routes and delays before Prism sees a request.
import { createServer } from "node:http";
import { answerApiRequest } from "./answer-request.js";
import { FAULT_HEADER, faultAsked } from "./faults.js";
import { close, listen, readRequest, writeAnswer } from "./node-http.js";
import { restorePrefer } from "./prefer-past-prism.js";
import type { SandboxState } from "./sandbox.js";

export async function serveStore(state: SandboxState): Promise<{ url: string; stop(): Promise<void> }> {
  const server = createServer((incoming, response) => {
    readRequest(incoming)
      .then((request) => {
        restorePrefer(request.headers);
        writeAnswer(response, answerApiRequest(state, request, faultAsked(request.headers.get(FAULT_HEADER))));
      })
      // A request that broke off while being read has nobody to answer.
      .catch(() => response.destroy());
  });
  const url = await listen(server, 0, "127.0.0.1");
  return { url, stop: () => close(server) };
}
