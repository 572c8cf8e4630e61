// The guides in pages/guides: their titles for the sidebar, and their code samples for the tests.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

export interface Guide {
  /** File name without extension: `01-quick-start`. */
  slug: string;
  title: string;
  markdown: string;
}

/** A code sample from a guide. `ts run` samples run against the mock in the tests; `ts` ones are type-checked. */
export interface CodeSample {
  guide: string;
  index: number;
  language: string;
  run: boolean;
  code: string;
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

export function codeSamples(guide: Guide): CodeSample[] {
  return [...guide.markdown.matchAll(/```(\w+)( run)?\n([\s\S]*?)```/g)].map((match, index) => ({
    guide: guide.slug,
    index,
    language: match[1] as string,
    run: match[2] !== undefined,
    code: match[3] as string,
  }));
}
