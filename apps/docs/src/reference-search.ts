// What the site's search knows of the reference page. Scalar draws that page in the browser, so VitePress's
// search cannot read it; this Markdown, written from the spec, is indexed in its place (never shown): one section
// per operation and per schema, under the anchor Scalar gives it, so a result opens the reference at that spot.
import type { LoadedSpec, OpenAPIV3_1 } from "@sigmamind/spec";

/** Scalar's anchor for an operation: `tag/<tag slug>/<METHOD><path>`. */
export function operationAnchor(tag: string, method: string, path: string): string {
  return `tag/${slug(tag)}/${method.toUpperCase()}${path}`;
}

/** Scalar's anchor for a schema under components: `models/<name>`. */
export function schemaAnchor(name: string): string {
  return `models/${name}`;
}

export function referenceSearchMarkdown(spec: LoadedSpec): string {
  const sections: string[] = ["# API reference"];
  for (const { method, path, operation, parameters } of spec.operations()) {
    const tag = operation.tags?.[0] ?? "default";
    // Percent-encoded: a `{` of a path parameter would end the heading's `{#id}`; Scalar decodes the hash it reads.
    sections.push(
      `## ${operation.summary ?? operation.operationId} {#${encodeURI(operationAnchor(tag, method, path))}}`,
    );
    sections.push(`\`${method.toUpperCase()} ${path}\` ${oneLine(operation.description)}`);
    for (const parameter of parameters) sections.push(`- \`${parameter.name}\` ${oneLine(parameter.description)}`);
  }
  for (const [name, schema] of Object.entries(spec.document.components?.schemas ?? {})) {
    sections.push(`## ${name} {#${schemaAnchor(name)}}`);
    if (schema.description) sections.push(oneLine(schema.description));
    for (const [field, property] of Object.entries(schema.properties ?? {})) {
      const description = (spec.resolve(property) as OpenAPIV3_1.SchemaObject).description;
      sections.push(`- \`${field}\` ${oneLine(description)}`);
    }
  }
  return sections.join("\n\n");
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}

function oneLine(text: string | undefined): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}
