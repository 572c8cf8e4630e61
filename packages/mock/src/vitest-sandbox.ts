// A Vitest globalSetup that starts one sandbox for the whole run, its URL given to tests as
// `inject("sigmamindSandboxUrl")`. Test files running in parallel share it without meeting each other: each
// sends its worker's own key (`sandboxApiKey()`), and every key is a world of its own.
//   // vitest.config.ts
//   export default defineConfig({ test: { globalSetup: ["@sigmamind/mock/vitest/sandbox"] } });
// Set SIGMAMIND_SANDBOX_URL to use a sandbox you started yourself instead.

// The augmented module must be part of the program for `declare module "vitest"` to merge into it.
import type {} from "vitest";
import type { TestProject } from "vitest/node";
import { startSandbox } from "./sandbox/start-sandbox.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the sandbox started for this test run. */
    sigmamindSandboxUrl: string;
    /** Different for every run, so two runs sharing a sandbox never share a world. */
    sigmamindSandboxRun: string;
  }
}

export default async function setup(project: TestProject) {
  project.provide("sigmamindSandboxRun", `run-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`);
  const existing = process.env.SIGMAMIND_SANDBOX_URL;
  if (existing) {
    project.provide("sigmamindSandboxUrl", existing);
    return;
  }
  const sandbox = await startSandbox();
  project.provide("sigmamindSandboxUrl", sandbox.url);
  return () => sandbox.stop();
}
