// What Prism found wrong, as it reports it in the `sl-violations` header of each answer it proxies.

/** One way a request or an answer broke the spec. */
export interface SpecViolation {
  /** True for the answer, false for the request. */
  inResponse: boolean;
  /** Such as `response.body.data.0.status must be equal to one of the allowed values`. */
  description: string;
}

interface PrismViolation {
  location?: unknown;
  severity?: unknown;
  message?: unknown;
}

/** The errors in an `sl-violations` header; warnings and hints are not violations. */
export function readViolations(header: string | null): SpecViolation[] {
  if (!header) return [];
  let reported: unknown;
  try {
    reported = JSON.parse(header);
  } catch {
    return [{ inResponse: true, description: `Prism reported violations the sandbox cannot read: ${header}` }];
  }
  if (!Array.isArray(reported)) return [];
  return (reported as PrismViolation[])
    .filter((violation) => violation.severity === "Error")
    .map((violation) => {
      const location = Array.isArray(violation.location) ? violation.location.map(String) : [];
      return {
        inResponse: location[0] === "response",
        description: `${location.join(".")} ${String(violation.message ?? "")}`.trim(),
      };
    });
}
