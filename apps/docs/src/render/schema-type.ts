import type { Schema } from "../load-spec.js";
import { escapeHtml, schemaAnchor } from "./html.js";

/** The spec writes an open enum as `anyOf: [{ type: string, enum }, { type: string }]`. */
export function openEnumValues(schema: Schema): unknown[] | undefined {
  const [known, other, ...rest] = schema.anyOf ?? [];
  if (rest.length === 0 && known?.enum && other?.type === "string" && !other.enum) return known.enum;
  return undefined;
}

/** A schema's type as short HTML: `integer<int32>`, `string or null`, a link to `Call`, `Call[]`. */
export function typeHtml(schema: Schema, schemaLink = (name: string) => `#${schemaAnchor(name)}`): string {
  if (schema.$ref) {
    const name = schema.$ref.split("/").pop() as string;
    return `<a href="${schemaLink(name)}"><code>${escapeHtml(name)}</code></a>`;
  }
  if (openEnumValues(schema)) return "<code>string</code> (open enum)";
  if (schema.anyOf) return schema.anyOf.map((branch) => typeHtml(branch, schemaLink)).join(" or ");
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.length === 0) return "<code>any</code>";
  return types
    .map((type) => {
      if (type === "array") return `${schema.items ? typeHtml(schema.items, schemaLink) : "<code>any</code>"}[]`;
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

/** Limits worth telling a reader: pattern, length, range, default, known values. */
export function constraintsHtml(schema: Schema): string {
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
