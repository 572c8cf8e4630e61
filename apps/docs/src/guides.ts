// The guides in pages/guides: their titles for the sidebar, and their code samples for the tests.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type CodeBlock, codeBlocks } from "@sigmamind/test-support/code-blocks";
import { parse } from "yaml";

export interface Guide {
  /** File name without extension: `01-quick-start`. */
  slug: string;
  title: string;
  markdown: string;
}

export function loadGuides(directory: string): Guide[] {
  return readdirSync(directory)
    .filter((file) => file.endsWith(".md"))
    .sort()
    .map((file) => {
      const source = readFileSync(join(directory, file), "utf8");
      const frontMatter = /^---\n([\s\S]*?)\n---\n/.exec(source);
      const meta = (frontMatter ? parse(frontMatter[1] as string) : {}) as { title?: string };
      if (!meta.title) throw new Error(`${file}: the front matter has no title, which the sidebar shows`);
      return {
        slug: file.replace(/\.md$/, ""),
        title: meta.title,
        markdown: frontMatter ? source.slice(frontMatter[0].length) : source,
      };
    });
}

/** A code sample from a guide or a package's README, as `codeBlocks` reads it, with the document it is in. */
export interface CodeSample extends CodeBlock {
  guide: string;
}

export function codeSamples(guide: Pick<Guide, "slug" | "markdown">): CodeSample[] {
  return codeBlocks(guide.markdown).map((block) => ({ guide: guide.slug, ...block }));
}
