// What the built site gives AI agents (vitepress-plugin-llms, built offline with the site): llms.txt with its
// instructions for agents, llms-full.txt holding every page and the reference's operations, a Markdown copy beside
// every page, and a "copy page as Markdown" control on each page.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadSpec } from "@sigmamind/spec";
import { describe, expect, test } from "vitest";
import { loadGuides } from "../src/guides.js";
import { loadPackagePages } from "../src/package-pages.js";
import { BUILT_SITE } from "../src/serve-site.js";

const spec = await loadSpec();
const appRoot = fileURLToPath(new URL("..", import.meta.url));
const guides = loadGuides(join(appRoot, "pages/guides"));
const read = (path: string) => readFileSync(join(BUILT_SITE, path), "utf8");
const PAGES = [
  "index",
  "reference",
  "changelog",
  ...guides.map((guide) => `guides/${guide.slug}`),
  ...loadPackagePages(join(appRoot, "../..")).map((page) => page.slug),
];

describe("llms.txt", () => {
  const llms = read("llms.txt");

  test("starts with instructions for agents: the sandbox, never a call without the user's confirmation, errors", () => {
    expect(llms).toMatch(/^# SigmaMind API\n/);
    const instructions = llms.slice(llms.indexOf("## Instructions for agents"), llms.indexOf("## Table of Contents"));
    expect(instructions).toContain("Use the sandbox");
    expect(instructions).toContain("Never place one without the user's explicit confirmation");
    expect(instructions).toContain("Read errors by their class and status");
  });

  test("lists every page, and each link is a Markdown copy the site holds", () => {
    const links = [...llms.matchAll(/\]\((\/[^)]+)\)/g)].map((match) => match[1] as string);
    expect(links.sort()).toEqual(PAGES.map((page) => `/${page}.md`).sort());
    for (const link of links) expect(existsSync(join(BUILT_SITE, link)), link).toBe(true);
  });
});

describe("llms-full.txt and the Markdown copies", () => {
  test("every page has a Markdown copy beside it, whose guides keep their code", () => {
    for (const page of PAGES) expect(existsSync(join(BUILT_SITE, `${page}.md`)), page).toBe(true);
    expect(read("guides/03-pagination.md")).toContain("```ts");
  });

  test("the reference's operations, each with its method and path, are in llms-full.txt and reference.md", () => {
    const full = read("llms-full.txt");
    const reference = read("reference.md");
    for (const { method, path, operation } of spec.operations()) {
      for (const text of [full, reference]) {
        expect(text).toContain(`## ${operation.summary}`);
        expect(text).toContain(`\`${method.toUpperCase()} ${path}\``);
      }
    }
    for (const guide of guides) expect(full).toContain(`url: /guides/${guide.slug}.md`);
  });

  test("the reference's Markdown is for agents only: the page people see mounts Scalar and holds none of it", () => {
    const html = read("reference.html");
    expect(html).toContain("api-reference");
    expect(html).not.toContain("List Phone Calls");
    expect(html).not.toContain("llm-only");
  });
});

test("each guide has a control to copy the page as Markdown", () => {
  for (const guide of guides) expect(read(`guides/${guide.slug}.html`), guide.slug).toContain("Copy page");
});
