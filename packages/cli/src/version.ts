// The CLI's version, as its package.json gives it.
import { readFileSync } from "node:fs";

export function cliVersion(): string {
  // package.json sits one folder above both src/ and dist/, so the same URL works for the tests and the build.
  const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  return String(manifest.version);
}
