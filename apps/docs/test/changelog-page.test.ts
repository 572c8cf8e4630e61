// The changelog page's body, rendered by VitePress's own Markdown renderer and compiled by Vue as VitePress does:
// whatever a changeset says, it is shown as text, and the page still builds.

import { createMarkdownRenderer } from "vitepress";
import { describe, expect, test } from "vitest";
import { compileTemplate } from "vue/compiler-sfc";
import { CHANGELOG_MARKER, changelogPage } from "../src/changelog-page.js";

const HOSTILE = [
  "- fix: `calls.list()` returns Page<Call> now",
  '- feat: <script>window.pwned = 1</script> and <img src=x onerror="window.pwned = 2">',
  "- docs: {{ 7 * 191 }} and `{{ 6 * 7 }}` are shown as written",
  "- fix: `$&`, $' and $` and $$5 stay as written",
  "",
  "```ts",
  "const page: Page<Call> = await client.calls.list();",
  "```",
  "",
  "> a quotation stays one",
].join("\n");

const md = await createMarkdownRenderer(process.cwd(), { config: changelogPage(HOSTILE) });
const render = (source: string) => md.render(source, { relativePath: "changelog.md" });
const page = render(`# Changelog\n\nBefore.\n\n${CHANGELOG_MARKER}\n\nAfter.\n`);

describe("the changelog page", () => {
  test("shows HTML in a summary as text, outside code and in it", () => {
    expect(page).not.toMatch(/<script|<img/);
    expect(page).toContain("returns Page&lt;Call&gt; now");
    expect(page).toContain("&lt;script&gt;window.pwned = 1&lt;/script&gt;");
    // In code, `<` is shown as written (highlighted), not escaped twice.
    expect(page).toMatch(/Page<\/span><span[^>]*>&#x3C;<\/span>/);
    expect(page).not.toContain("&amp;lt;");
  });

  test("compiles as Vue compiles a page, with {{ }} left as text", () => {
    const { errors, code } = compileTemplate({ source: `<div>${page}</div>`, filename: "changelog.md", id: "c" });
    expect(errors).toEqual([]);
    expect(page).toMatch(/<div v-pre[^>]*>/);
    expect(code).toContain("{{ 7 * 191 }}");
    expect(code).not.toContain("_toDisplayString");
  });

  test("keeps $ sequences, the text around the marker, and quotations", () => {
    expect(page).toContain("$&amp;");
    expect(page).toContain("$' and $` and $$5 stay as written");
    expect(page).toMatch(/<p>Before\.<\/p>[\s\S]*<p>After\.<\/p>/);
    expect(page).toContain("<blockquote>");
  });

  test("other pages are left alone, and a changelog page without its marker is refused", () => {
    expect(md.render(`x ${CHANGELOG_MARKER}`, { relativePath: "guides/01-quick-start.md" })).not.toContain("Page");
    expect(() => render("# Changelog\n")).toThrow(`changelog.md has no ${CHANGELOG_MARKER} where the changelog goes`);
  });
});
