import { fork } from "node:child_process";

/**
 * Starts server.mjs in a child process and resolves once it listens on 127.0.0.1.
 * @param {{ mode: "seed" | "paged", totalCalls?: number, latencyMs?: number }} config
 * @returns {Promise<{ baseUrl: string, close: () => Promise<void> }>}
 */
export function startServer(config) {
  const child = fork(new URL("./server.mjs", import.meta.url), [JSON.stringify(config)], { stdio: "inherit" });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`the bench server exited with code ${code} before listening`)));
    child.once("message", (message) => {
      const { port } = /** @type {{ port: number }} */ (message);
      resolve({
        baseUrl: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise((done) => {
            child.removeAllListeners("exit");
            child.once("exit", () => done());
            child.kill();
          }),
      });
    });
  });
}
