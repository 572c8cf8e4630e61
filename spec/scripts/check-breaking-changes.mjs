// The breaking-change gate (`pnpm --filter @sigmamind/spec lint:breaking`, part of `pnpm lint`): compares
// openapi.yaml with released/openapi.yaml, the spec as last released, kept here so no network is needed.
// The options exist for the gate's own tests.
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import readChangesets from "@changesets/read";
import { loadSpec, specPath } from "../src/load-spec.mjs";
import { classifySpecChanges, formatGateReport, gate } from "./breaking-changes.mjs";

const at = (path) => fileURLToPath(new URL(path, import.meta.url));
const { values } = parseArgs({
  options: {
    current: { type: "string", default: specPath },
    released: { type: "string", default: at("../released/openapi.yaml") },
    "repository-root": { type: "string", default: at("../..") },
  },
});
const load = async (path) => (await loadSpec(path)).document;
const changes = await classifySpecChanges(await load(values.released), await load(values.current));
const changesets = await (readChangesets.default ?? readChangesets)(values["repository-root"]);
const verdict = gate(changes, changesets);
console.log(formatGateReport(changes, verdict));
process.exitCode = verdict.ok ? 0 : 1;
