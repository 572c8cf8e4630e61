import { fileURLToPath } from "node:url";
import { startNodeProcess } from "@sigmamind/test-support/node-process";

/**
 * Starts server.mjs in a process of its own and resolves once it listens on 127.0.0.1.
 * @param {{ mode: "seed" | "paged", totalCalls?: number, latencyMs?: number }} config
 * @returns {Promise<{ baseUrl: string, close: () => Promise<void> }>}
 */
export async function startServer(config) {
  const server = startNodeProcess([fileURLToPath(new URL("./server.mjs", import.meta.url)), JSON.stringify(config)]);
  try {
    const [, baseUrl] = await server.waitForOutput(/listening on (http:\/\/\S+)/);
    return {
      baseUrl: /** @type {string} */ (baseUrl),
      close: async () => {
        await server.stop();
      },
    };
  } catch (error) {
    await server.stop();
    throw new Error(`the bench server did not start: ${/** @type {Error} */ (error).message}`);
  }
}
