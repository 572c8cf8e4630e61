// Which operation of the spec a request is: its method and path matched against the generated operation table.
import { OPERATIONS } from "../generated/operations.js";
import type { Operation } from "./operation.js";

export interface Route {
  operation: Operation;
  /** Each path parameter's value, percent-decoded. */
  pathValues: Record<string, string>;
}

interface CompiledRoute {
  operation: Operation;
  /** Literal segments as they are, parameters as their name in braces. */
  segments: string[];
}

const ROUTES: CompiledRoute[] = OPERATIONS.map((operation) => ({
  operation,
  segments: operation.path.split("/").slice(1),
}));

/**
 * The operation `method` and `pathname` (still percent-encoded) name: a HEAD is routed as the GET it asks the
 * headers of. Undefined when the API has no such route. A path parameter matches one whole, non-empty segment.
 */
export function routeOf(method: string, pathname: string): Route | undefined {
  const asked = method === "HEAD" ? "GET" : method;
  const segments = pathname.split("/").slice(1);
  for (const { operation, segments: pattern } of ROUTES) {
    if (operation.method !== asked || pattern.length !== segments.length) continue;
    const pathValues: Record<string, string> = {};
    const matches = pattern.every((expected, index) => {
      const segment = segments[index] as string;
      if (!expected.startsWith("{")) return segment === expected;
      if (segment === "") return false;
      pathValues[expected.slice(1, -1)] = decodeURIComponent(segment);
      return true;
    });
    if (matches) return { operation, pathValues };
  }
  return undefined;
}
