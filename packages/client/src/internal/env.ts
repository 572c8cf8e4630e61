/** Reads an environment variable where one exists (Node, Bun, Deno); `undefined` elsewhere, such as browsers. */
export function readEnv(name: string): string | undefined {
  try {
    const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
    const value = env?.[name]?.trim();
    return value ? value : undefined;
  } catch {
    // Deno without --allow-env throws NotCapable on the read, and a host may guard `process.env` in its own way:
    // a variable the client may not read is one the user did not set for it.
    return undefined;
  }
}
