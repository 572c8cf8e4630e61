// What the search knows of the reference: every operation and every schema field, under Scalar's anchors.
import { loadSpec } from "@sigmamind/spec";
import { describe, expect, test } from "vitest";
import { operationAnchor, referenceSearchMarkdown, schemaAnchor } from "../src/reference-search.js";

const spec = await loadSpec();
const markdown = referenceSearchMarkdown(spec);

describe("the reference's search text", () => {
  test.each(spec.operations().map((entry) => [entry.operation.operationId, entry]))(
    "%s: its summary under its anchor, its path and its parameters",
    (_id, { method, path, operation, parameters }) => {
      const anchor = operationAnchor(operation.tags?.[0] ?? "", method, path);
      expect(markdown).toContain(`## ${operation.summary} {#${encodeURI(anchor)}}`);
      expect(markdown).toContain(`\`${method.toUpperCase()} ${path}\``);
      for (const parameter of parameters) expect(markdown).toContain(`- \`${parameter.name}\``);
    },
  );

  test.each(Object.entries(spec.document.components?.schemas ?? {}))(
    "schema %s: every field under its anchor",
    (name, schema) => {
      const section = markdown.slice(markdown.indexOf(`## ${name} {#${schemaAnchor(name)}}`));
      expect(section.length).toBeLessThan(markdown.length);
      for (const field of Object.keys(schema.properties ?? {})) expect(section).toContain(`- \`${field}\``);
    },
  );

  test("anchors are Scalar's: tag and method as it writes them", () => {
    expect(operationAnchor("Calls", "delete", "/v1/calls/{callId}")).toBe("tag/calls/DELETE/v1/calls/{callId}");
    expect(schemaAnchor("CallStatus")).toBe("models/CallStatus");
  });
});
