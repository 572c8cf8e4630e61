// What `pnpm docs:serve` says of the address "try it" will send requests to: a sandbox answers its control route
// (`GET /__sandbox/clock`), anything else that answers is not one, and a refused connection is nothing yet. A
// warning, never a refusal: the site is worth reading either way.

/** How long the look at the address may take: a sandbox answers in milliseconds. */
const PROBE_TIMEOUT_MS = 2_000;

export async function describeTryItTarget(mockUrl: string): Promise<string> {
  const { port } = new URL(mockUrl);
  const startOne = `\`npx sigmamind-mock --sandbox --port ${port || "80"}\``;
  let response: Response;
  try {
    response = await fetch(`${mockUrl}/__sandbox/clock`, {
      headers: { "X-API-Key": "docs-serve" },
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
  } catch {
    return `Nothing answers at ${mockUrl} yet: "try it" needs a sandbox there. \`pnpm start\` runs one with this site on 4010; ${startOne} runs one alone.`;
  }
  const body = (await response.json().catch(() => undefined)) as { clock?: unknown } | undefined;
  if (response.ok && typeof body?.clock === "string") return `"Try it" calls the sandbox at ${mockUrl}.`;
  return `Warning: ${mockUrl} answers, but not as a sandbox does: "try it" would send requests to whatever it is. Stop it, or pass --mock-url with a sandbox's address (${startOne} runs one).`;
}
