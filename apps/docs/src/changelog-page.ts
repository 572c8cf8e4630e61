// Puts the changelog (src/changelog.ts) into pages/changelog.md where its marker is, as text to read and nothing
// else. Its summaries are written by people for a terminal and a CHANGELOG.md: `Page<Call>` there is prose, not an
// HTML element, and `{{ }}` is not a Vue expression. So `<` is escaped outside code, and the whole sits in a
// `v-pre` container, which VitePress hands to Vue as a block it must not compile.
import type { MarkdownRenderer } from "vitepress";
import { mapProseLines } from "./changelog.js";

export const CHANGELOG_PAGE = "changelog.md";
export const CHANGELOG_MARKER = "<!-- changelog -->";

/** A markdown-it plugin for VitePress's `markdown.config`: the page's body, and its search index, get the text. */
export function changelogPage(changelog: string): (md: MarkdownRenderer) => void {
  const body = `::: v-pre\n${escapeHtmlOutsideCode(changelog)}\n:::`;
  return (md) => {
    md.core.ruler.before("normalize", "changelog", (state) => {
      if (state.env?.relativePath !== CHANGELOG_PAGE) return;
      const at = state.src.indexOf(CHANGELOG_MARKER);
      if (at === -1) throw new Error(`${CHANGELOG_PAGE} has no ${CHANGELOG_MARKER} where the changelog goes`);
      // Sliced, not String.replace, whose replacement string would read `$&` or `$'` in a summary as patterns.
      state.src = state.src.slice(0, at) + body + state.src.slice(at + CHANGELOG_MARKER.length);
    });
  };
}

/**
 * `<` as an entity, which no HTML can start without, except in fenced code and code spans, which Markdown shows
 * as written anyway. (`>` stays: it is harmless alone, and starts a quotation.)
 */
export function escapeHtmlOutsideCode(markdown: string): string {
  // Odd pieces of a line are code spans: a run of backticks, up to the same run.
  return mapProseLines(markdown, (line) =>
    line
      .split(/(`+[^`]*?`+)/)
      .map((piece, index) => (index % 2 === 1 ? piece : piece.replaceAll("<", "&lt;")))
      .join(""),
  );
}
