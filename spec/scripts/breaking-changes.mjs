// Classifies the changes between two versions of the spec as breaking or not, with Optic's breaking-change
// ruleset plus one rule for the open enums it cannot see, and checks them against the pending changesets.
import { compareSpecs } from "@useoptic/openapi-utilities";
import { RuleRunner } from "@useoptic/rulesets-base";
import { BreakingChangesRuleset } from "@useoptic/standard-rulesets";
import { dereference } from "../src/load-spec.mjs";

/** Every package whose public surface is generated from, or bundles, the spec. */
export const PACKAGES_FROM_SPEC = ["@sigmamind/types", "@sigmamind/client", "@sigmamind/mock"];

/**
 * @typedef {{ breaking: boolean, rule: string, message: string, where: string }} SpecChange
 */

/**
 * @param {object} released the spec as last released (parsed)
 * @param {object} current the spec now (parsed)
 * @returns {Promise<SpecChange[]>} breaking changes first
 */
export async function classifySpecChanges(released, current) {
  const sourcemap = { rootFilePath: "openapi.yaml", files: [], refMappings: {} };
  // Optic compares fully resolved documents.
  const result = await compareSpecs(
    { jsonLike: await dereference(released), sourcemap, isEmptySpec: false },
    { jsonLike: await dereference(current), sourcemap, isEmptySpec: false },
    new RuleRunner([new BreakingChangesRuleset()]),
    {},
  );
  const changes = [];
  const seen = new Set();
  for (const finding of result.results) {
    if (finding.passed || finding.exempted) continue;
    const where = finding.location?.jsonPath ?? "";
    // A schema used by several operations is reported once per operation; one line per change is enough.
    const key = `${finding.name}|${finding.error}`;
    if (seen.has(key)) continue;
    seen.add(key);
    changes.push({ breaking: true, rule: finding.name, message: finding.error ?? finding.name, where });
  }
  changes.push(...removedKnownValues(released, current));
  changes.push(...nonBreakingChanges(released, current));
  return changes.sort((a, b) => Number(b.breaking) - Number(a.breaking));
}

/**
 * The spec keeps enums open (`anyOf: [{ enum }, { type: string }]`), which Optic does not read as an enum.
 * Dropping a documented value still breaks a consumer that handles it, so it counts as breaking.
 */
function removedKnownValues(released, current) {
  const changes = [];
  for (const [name, schema] of Object.entries(released.components?.schemas ?? {})) {
    const before = knownValues(schema);
    if (!before) continue;
    const after = knownValues(current.components?.schemas?.[name]) ?? [];
    for (const value of before.filter((value) => !after.includes(value))) {
      changes.push({
        breaking: true,
        rule: "prevent removing a known enum value",
        message: `cannot remove the known value '${value}' from ${name}. This is a breaking change.`,
        where: `/components/schemas/${name}`,
      });
    }
  }
  return changes;
}

/** What changed without breaking anyone: new optional fields, new known values. Reported for the reader. */
function nonBreakingChanges(released, current) {
  const changes = [];
  for (const [name, schema] of Object.entries(current.components?.schemas ?? {})) {
    const before = released.components?.schemas?.[name];
    if (!before) {
      changes.push({
        breaking: false,
        rule: "new schema",
        message: `added schema ${name}`,
        where: `/components/schemas/${name}`,
      });
      continue;
    }
    for (const field of Object.keys(schema.properties ?? {})) {
      if (!(field in (before.properties ?? {})) && !(schema.required ?? []).includes(field)) {
        changes.push({
          breaking: false,
          rule: "new optional field",
          message: `added optional field '${field}' to ${name}`,
          where: `/components/schemas/${name}/properties/${field}`,
        });
      }
    }
    const known = knownValues(schema);
    const knownBefore = knownValues(before) ?? [];
    for (const value of known?.filter((value) => !knownBefore.includes(value)) ?? []) {
      changes.push({
        breaking: false,
        rule: "new known enum value",
        message: `added the known value '${value}' to ${name}`,
        where: `/components/schemas/${name}`,
      });
    }
  }
  return changes;
}

function knownValues(schema) {
  if (Array.isArray(schema?.enum)) return schema.enum;
  const [known, other] = schema?.anyOf ?? [];
  return Array.isArray(known?.enum) && other?.type === "string" ? known.enum : undefined;
}

/**
 * @param {SpecChange[]} changes
 * @param {{ releases: { name: string, type: string }[] }[]} changesets pending changesets, as @changesets/read gives them
 * @returns {{ ok: boolean, missingMajor: string[] }}
 */
export function gate(changes, changesets) {
  if (!changes.some((change) => change.breaking)) return { ok: true, missingMajor: [] };
  const major = new Set(
    changesets.flatMap((changeset) =>
      changeset.releases.filter((release) => release.type === "major").map((release) => release.name),
    ),
  );
  const missingMajor = PACKAGES_FROM_SPEC.filter((name) => !major.has(name));
  return { ok: missingMajor.length === 0, missingMajor };
}

/** The report printed by `pnpm --filter @sigmamind/spec lint:breaking`. */
export function formatGateReport(changes, verdict) {
  const lines = [];
  const breaking = changes.filter((change) => change.breaking);
  const other = changes.filter((change) => !change.breaking);
  if (changes.length === 0) lines.push("spec/openapi.yaml matches the last released spec.");
  if (breaking.length > 0) {
    lines.push(`${breaking.length} breaking change(s) since the last release:`);
    for (const change of breaking) lines.push(`  - ${change.message} (${change.where})`);
  }
  if (other.length > 0) {
    lines.push(`${other.length} non-breaking change(s):`);
    for (const change of other) lines.push(`  - ${change.message}`);
  }
  if (!verdict.ok) {
    lines.push(
      "",
      `A breaking change needs a pending major changeset for ${verdict.missingMajor.join(", ")}.`,
      "Run `pnpm changeset`, pick those packages, choose major, and describe what breaks for users;",
      "or change the spec so that it stays compatible.",
    );
  }
  return lines.join("\n");
}
