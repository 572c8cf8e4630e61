// A test that needs a program from outside the workspace (a browser, another runtime, a terminal) runs where it
// is installed, is skipped with a hint on a developer's machine without it, and fails under CI, where the job
// installs it.
import { existsSync } from "node:fs";

export interface Tool {
  /** As messages name it: "Chromium", "bun 1.3.2". */
  name: string;
  /** Where it is expected; undefined when this platform has no build of it. */
  executable?: string | undefined;
  /** For when a file at `executable` is not proof enough: a command that must be one particular program. */
  isInstalled?: () => boolean;
  /** What to do when it is missing. */
  install: string;
}

/** Whether `tool` can be used. Under CI=true a missing tool throws; elsewhere it is false, with a printed hint. */
export function isToolAvailable(tool: Tool): boolean {
  const installed = tool.isInstalled
    ? tool.isInstalled()
    : tool.executable !== undefined && existsSync(tool.executable);
  if (installed) return true;
  const message = `${tool.name} is missing${tool.executable ? ` at ${tool.executable}` : ""}: ${tool.install}`;
  if (process.env.CI === "true") throw new Error(message);
  console.warn(`Skipping the tests that need ${tool.name}. ${message}`);
  return false;
}
