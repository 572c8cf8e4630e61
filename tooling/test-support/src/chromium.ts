// Debian's Chromium, driven by playwright-core: `chromium.launch(chromiumLaunchOptions())`.
import type { Tool } from "./tool-availability.js";

export const chromiumTool: Tool = {
  name: "Chromium",
  executable: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  install: "apt-get update && apt-get install -y chromium",
};

/** Options for playwright-core's `chromium.launch()`: headless, with nothing that calls out to the network. */
export function chromiumLaunchOptions(): { executablePath: string; args: string[] } {
  return {
    executablePath: chromiumTool.executable as string,
    // Chromium's background services call hosts a test machine may not reach; no test needs any of them.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  };
}
