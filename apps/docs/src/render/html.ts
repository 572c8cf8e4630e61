/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: unknown): string {
  return String(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** A value as indented JSON in a code block. */
export function jsonBlock(value: unknown): string {
  return `<pre class="code"><code class="language-json">${escapeHtml(JSON.stringify(value, null, 2))}</code></pre>`;
}

/** An anchor id for a schema: `schema-Call`. */
export function schemaAnchor(name: string): string {
  return `schema-${name}`;
}
