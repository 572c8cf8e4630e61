/** Reads an environment variable where one exists (Node, Bun, Deno); `undefined` elsewhere, such as browsers. */
export function readEnv(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = env?.[name]?.trim();
  return value ? value : undefined;
}
