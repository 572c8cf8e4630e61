// packages/mock/README.md lists, per operation, the statuses a test can ask the mock for with `Prefer: code=`.
// Prism can send only the statuses an operation documents, so the table must list exactly those of the spec.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { operations } from "./load-spec.js";

const README = new URL("../../packages/mock/README.md", import.meta.url);
const HEADING = "## Asking the mock for a status";

interface Row {
  operation: string;
  request: string;
  codes: string[];
}

/** The rows of the first table under HEADING: `| \`listCalls\` | \`GET /v1/calls\` | 200, 400, ... |`. */
function readmeRows(): Row[] {
  const readme = readFileSync(README, "utf8");
  const start = readme.indexOf(`\n${HEADING}\n`);
  if (start === -1) throw new Error(`packages/mock/README.md has no "${HEADING}" section`);
  const nextSection = readme.indexOf("\n## ", start + 1);
  const section = readme.slice(start, nextSection === -1 ? undefined : nextSection);
  const table = section.split("\n").filter((line) => line.startsWith("|"));
  // The header row and the |---| line.
  return table.slice(2).map((line) => {
    const [operation = "", request = "", codes = ""] = line
      .split("|")
      .slice(1, -1)
      .map((cell) => cell.trim().replace(/^`|`$/g, ""));
    return { operation, request, codes: codes.split(",").map((code) => code.trim()) };
  });
}

function specRows(): Row[] {
  return operations().map(({ method, path, operation }) => ({
    operation: operation.operationId as string,
    request: `${method.toUpperCase()} ${path}`,
    codes: Object.keys(operation.responses ?? {}).sort(),
  }));
}

describe("the mock README's table of Prefer codes", () => {
  test("lists every operation of the spec with exactly the statuses it documents", () => {
    expect(readmeRows(), `"${HEADING}" in packages/mock/README.md disagrees with spec/openapi.yaml`).toEqual(
      specRows(),
    );
  });
});
