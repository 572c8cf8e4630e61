// The seed example of GET /v1/calls (its 200 response's `examples.seed`), read from the spec itself so the
// benchmark serves exactly what the spec documents.
import { loadSpec } from "@sigmamind/spec";

/**
 * @typedef {{ data: Record<string, unknown>[], page: number, size: number, totalCounts: number,
 *   totalPages: number, hasNext: boolean, hasPrevious: boolean }} SeedPage
 */

/** @returns {Promise<SeedPage>} */
export async function readSeedPage() {
  const seed = /** @type {SeedPage} */ ((await loadSpec()).responseExample("listCalls", "200", "seed"));
  if (!Array.isArray(seed?.data) || seed.data.length !== 1) {
    throw new Error("spec/openapi.yaml: the seed example of GET /v1/calls no longer holds exactly one call.");
  }
  return seed;
}
