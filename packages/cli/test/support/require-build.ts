// A vitest globalSetup: the tests run the built CLI as a real process, so say so plainly when it is not built.
import { existsSync } from "node:fs";

export default function requireBuild() {
  if (!existsSync(new URL("../../dist/main.js", import.meta.url))) {
    throw new Error("packages/cli/dist/main.js is missing: run `pnpm run build` in packages/cli before `pnpm test`.");
  }
}
