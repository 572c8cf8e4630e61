import { afterEach, expect } from "vitest";

/**
 * Prism reports every way a request or response breaks the contract in an `sl-violations` header. This fetch
 * records them; each test ends by asserting there were none, except the ones it said it provokes.
 */
export function recordViolations() {
  let seen: { url: string; violations: unknown[] }[] = [];
  let expected: RegExp[] = [];

  afterEach(() => {
    const unexpected = seen.filter(({ violations }) =>
      violations.some((violation) => !expected.some((pattern) => pattern.test(JSON.stringify(violation)))),
    );
    seen = [];
    expected = [];
    expect(unexpected, "Prism reported contract violations").toEqual([]);
  });

  return {
    fetch: async (request: Request) => {
      const response = await fetch(request);
      const header = response.headers.get("sl-violations");
      if (header) seen.push({ url: request.url, violations: JSON.parse(header) });
      return response;
    },
    /** This test sends a request that breaks the contract on purpose; `pattern` matches the violation. */
    expectViolation(pattern: RegExp) {
      expected.push(pattern);
    },
    violations: () => seen.flatMap(({ violations }) => violations),
  };
}
