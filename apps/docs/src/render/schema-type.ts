import type { OpenAPIV3_1 } from "@sigmamind/spec";
import { escapeHtml, schemaAnchor } from "./html.js";

type SchemaOrReference = OpenAPIV3_1.SchemaObject | OpenAPIV3_1.ReferenceObject;

/** The spec writes an open enum as `anyOf: [{ type: string, enum }, { type: string }]`. */
export function openEnumValues(schema: SchemaOrReference): unknown[] | undefined {
  if ("$ref" in schema) return undefined;
  const [known, other, ...rest] = schema.anyOf ?? [];
  if (!known || !other || "$ref" in known || "$ref" in other) return undefined;
  if (rest.length === 0 && known.enum && other.type === "string" && !other.enum) return known.enum;
  return undefined;
}

/** A schema's type as short HTML: `integer<int32>`, `string or null`, a link to `Call`, `Call[]`. */
export function typeHtml(schema: SchemaOrReference, schemaLink = (name: string) => `#${schemaAnchor(name)}`): string {
  if ("$ref" in schema) {
    const name = schema.$ref.split("/").pop() as string;
    return `<a href="${schemaLink(name)}"><code>${escapeHtml(name)}</code></a>`;
  }
  if (openEnumValues(schema)) return "<code>string</code> (open enum)";
  if (schema.anyOf) return schema.anyOf.map((branch) => typeHtml(branch, schemaLink)).join(" or ");
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.length === 0) return "<code>any</code>";
  return types
    .map((type) => {
      if (type === "array") {
        return `${"items" in schema && schema.items ? typeHtml(schema.items, schemaLink) : "<code>any</code>"}[]`;
      }
      if (type === "object" && schema.additionalProperties && !schema.properties) {
        const values =
          typeof schema.additionalProperties === "object" ? typeHtml(schema.additionalProperties, schemaLink) : "any";
        return `<code>object</code> of ${values}`;
      }
      const format = schema.format && type !== "null" ? `&lt;${escapeHtml(schema.format)}&gt;` : "";
      return `<code>${escapeHtml(type)}${format}</code>`;
    })
    .join(" or ");
}

/** Limits worth telling a reader: pattern, length, range, default, known values. A `$ref` has none of its own. */
export function constraintsHtml(schema: SchemaOrReference): string {
  if ("$ref" in schema) return "";
  const notes: string[] = [];
  const known = openEnumValues(schema) ?? schema.enum;
  if (known) notes.push(`Known values: ${known.map((value) => `<code>${escapeHtml(value)}</code>`).join(", ")}.`);
  if (schema.pattern) notes.push(`Pattern: <code>${escapeHtml(schema.pattern)}</code>.`);
  if (schema.minLength !== undefined) notes.push(`At least ${schema.minLength} characters.`);
  if (schema.maxLength !== undefined) notes.push(`At most ${schema.maxLength} characters.`);
  if (schema.minimum !== undefined) notes.push(`Minimum ${schema.minimum}.`);
  if (schema.maximum !== undefined) notes.push(`Maximum ${schema.maximum}.`);
  if (schema.default !== undefined) notes.push(`Default <code>${escapeHtml(JSON.stringify(schema.default))}</code>.`);
  return notes.join(" ");
}
