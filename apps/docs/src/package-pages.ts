// The site's package pages: each published package's README, as npm shows it, made a page at build time, so the
// options tables, the error classes and the exit codes a newcomer needs are on the site and never copied by hand.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { publishedPackages } from "./published-packages.js";

export interface PackagePage {
  /** The package's name: `@sigmamind/client`. */
  name: string;
  /** Where the page lives under the site's root, without extension: `packages/client`. */
  slug: string;
  description: string;
  /** The README as published. */
  markdown: string;
}

const NPM_PAGE = /https:\/\/www\.npmjs\.com\/package\/(@sigmamind\/[a-z-]+)/g;

/** The published packages of the workspace, each with its README. */
export function loadPackagePages(workspaceRoot: string): PackagePage[] {
  return publishedPackages(workspaceRoot).map(({ name, folder, directory, description }) => ({
    name,
    slug: `packages/${folder}`,
    description,
    markdown: readFileSync(join(directory, "README.md"), "utf8"),
  }));
}

/**
 * The page's Markdown: the README with a link to a sibling package's npm page turned into a link to its page on this
 * site, so a reader stays on the site. Each page says it is the package's README, so nobody edits it here.
 */
export function packagePageMarkdown(page: PackagePage, pages: readonly PackagePage[]): string {
  const body = page.markdown.replace(NPM_PAGE, (link, name: string) => {
    const sibling = pages.find((candidate) => candidate.name === name);
    return sibling ? `/${sibling.slug}` : link;
  });
  const frontMatter = `---\ntitle: "${page.name}"\ndescription: ${JSON.stringify(page.description)}\n---\n\n`;
  return `${frontMatter}<!-- This page is ${page.name}'s README.md, written here by the site's build. -->\n\n${body}`;
}

/** Writes the package pages under `pagesRoot` (replacing what an earlier build wrote), for VitePress to build. */
export function writePackagePages(pagesRoot: string, pages: readonly PackagePage[]): void {
  const directory = join(pagesRoot, "packages");
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
  for (const page of pages) writeFileSync(join(pagesRoot, `${page.slug}.md`), packagePageMarkdown(page, pages));
}
