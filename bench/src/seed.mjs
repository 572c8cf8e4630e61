// The seed example of GET /v1/calls (its 200 response's `examples.seed`), read from the spec itself so the
// benchmark serves exactly what the spec documents.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { parse } from "yaml";

const require = createRequire(import.meta.url);

/**
 * @typedef {{ data: Record<string, unknown>[], page: number, size: number, totalCounts: number,
 *   totalPages: number, hasNext: boolean, hasPrevious: boolean }} SeedPage
 */

/** @returns {SeedPage} */
export function readSeedPage() {
  const spec = parse(readFileSync(require.resolve("@sigmamind/spec/openapi.yaml"), "utf8"));
  const seed = spec.paths["/v1/calls"].get.responses["200"].content["application/json"].examples.seed.value;
  if (!Array.isArray(seed?.data) || seed.data.length !== 1) {
    throw new Error("spec/openapi.yaml: the seed example of GET /v1/calls no longer holds exactly one call.");
  }
  return seed;
}
