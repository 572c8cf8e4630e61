// The package pages: every published package's README is on the site, and every link in a published README works
// where npm shows it, which has no repository around it.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { loadPackagePages, type PackagePage, packagePageMarkdown } from "../src/package-pages.js";
import { BUILT_SITE } from "../src/serve-site.js";

const workspaceRoot = fileURLToPath(new URL("../../..", import.meta.url));
const pages = loadPackagePages(workspaceRoot);

/** The anchor GitHub and npm give a heading: lower case, punctuation dropped, spaces as hyphens. */
function headingAnchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, "")
    .replaceAll(" ", "-");
}

function linksOf(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, "");
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g), ...prose.matchAll(/href="([^"]+)"/g)].map(
    (match) => match[1] as string,
  );
}

describe("the published packages", () => {
  test("are every package not marked private, each with its README", () => {
    expect(pages.map((page) => page.name)).toEqual([
      "@sigmamind/cli",
      "@sigmamind/client",
      "@sigmamind/mcp",
      "@sigmamind/mock",
      "@sigmamind/types",
    ]);
    for (const page of pages) expect(page.markdown).toMatch(new RegExp(`^# ${page.name}\\n`));
  });

  test.each(pages.map((page) => [page.name, page]))(
    "every link in %s's README resolves on npm: an address, or a heading of the README itself",
    (_name, page: PackagePage) => {
      const anchors = new Set(
        [...page.markdown.replace(/```[\s\S]*?```/g, "").matchAll(/^#{1,6} (.+)$/gm)].map((match) =>
          headingAnchor(match[1] as string),
        ),
      );
      const links = linksOf(page.markdown);
      for (const link of links) {
        if (link.startsWith("#")) expect(anchors, `${link} in ${page.name}`).toContain(link.slice(1));
        else expect(link, `a link in ${page.name}`).toMatch(/^https:\/\//);
      }
    },
  );
});

describe("a package's page", () => {
  const types = pages.find((page) => page.name === "@sigmamind/types") as PackagePage;

  test("is its README, with a link to a sibling's npm page made a link to the sibling's page on the site", () => {
    const markdown = packagePageMarkdown(types, pages);
    expect(types.markdown).toContain("https://www.npmjs.com/package/@sigmamind/mock");
    expect(markdown).toContain("](/packages/mock)");
    expect(markdown).not.toContain("https://www.npmjs.com/package/@sigmamind/mock");
    expect(markdown).toContain(
      types.markdown.replaceAll("https://www.npmjs.com/package/@sigmamind/mock", "/packages/mock"),
    );
    expect(markdown).toMatch(/^---\ntitle: "@sigmamind\/types"\n/);
  });

  test("leaves a link to a package that is not in the workspace as it is", () => {
    const page = {
      ...types,
      markdown: "[zod](https://www.npmjs.com/package/zod) [x](https://www.npmjs.com/package/@sigmamind/nope)",
    };
    expect(packagePageMarkdown(page, pages)).toContain(page.markdown);
  });

  test.each(pages.map((page) => [page.slug, page]))(
    "%s is built, with its README's tables, and linked from the nav",
    (_slug, page: PackagePage) => {
      const html = readFileSync(join(BUILT_SITE, `${page.slug}.html`), "utf8");
      expect(html).toContain(page.name);
      expect(html).toContain(`href="/${page.slug}`);
      expect(existsSync(join(BUILT_SITE, `${page.slug}.md`))).toBe(true);
    },
  );

  test("the client's page carries its options table and error classes, the CLI's its exit codes", () => {
    const client = readFileSync(join(BUILT_SITE, "packages/client.html"), "utf8");
    expect(client).toContain("maxRetries");
    expect(client).toContain("RateLimitError");
    const cli = readFileSync(join(BUILT_SITE, "packages/cli.html"), "utf8");
    expect(cli.toLowerCase()).toContain("exit");
  });

  test.each(pages.map((page) => [page.slug]))("every in-page link of %s leads to a heading the site drew", (slug) => {
    const html = readFileSync(join(BUILT_SITE, `${slug}.html`), "utf8");
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]));
    const anchors = [...html.matchAll(/href="#([^"]+)"/g)].map((match) => match[1]);
    for (const anchor of anchors) expect(ids, `#${anchor} in ${slug}`).toContain(anchor);
  });

  test("llms-full.txt carries every package page", () => {
    const full = readFileSync(join(BUILT_SITE, "llms-full.txt"), "utf8");
    for (const page of pages) expect(full).toContain(`# ${page.name}`);
  });
});
