// The documentation site: VitePress for the guides, the changelog, search and the theme; Scalar's API reference
// (its prebuilt browser bundle, served from this site) for the reference page and "try it".
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadSpec } from "@sigmamind/spec";
import { defineConfig, type UserConfig } from "vitepress";
import llmstxt, { copyOrDownloadAsMarkdownButtons } from "vitepress-plugin-llms";
import { AGENT_INSTRUCTIONS, LLMS_TXT_TEMPLATE, referenceForAgents } from "../src/agent-docs.js";
import { changelogMarkdown } from "../src/changelog.js";
import { changelogPage } from "../src/changelog-page.js";
import { loadGuides } from "../src/guides.js";
import { loadPackagePages, writePackagePages } from "../src/package-pages.js";
import { referenceSearchMarkdown } from "../src/reference-search.js";
import { DEFAULT_MOCK_URL, SCALAR_BUNDLE, SITE_CONFIG_FILE, SITE_SPEC_FILE } from "../src/site-files.js";
import { siteSpec } from "../src/site-spec.js";

/** A Vite plugin as VitePress's own Vite types it. */
type VitePressPlugin = NonNullable<NonNullable<UserConfig["vite"]>["plugins"]>[number];

const appRoot = fileURLToPath(new URL("../", import.meta.url));
const workspaceRoot = join(appRoot, "../..");
const spec = await loadSpec();
const guides = loadGuides(join(appRoot, "pages/guides"));
const changelog = await changelogMarkdown(workspaceRoot);
// Written before VitePress reads the pages, which it does once this config is loaded.
const packagePages = loadPackagePages(workspaceRoot);
writePackagePages(join(appRoot, "pages"), packagePages);
// The one file of @scalar/api-reference the site ships: it runs in the browser and needs nothing else.
const scalarBundle = join(createRequire(import.meta.url).resolve("@scalar/api-reference"), "../browser/standalone.js");

export default defineConfig({
  title: spec.document.info.title,
  description: spec.document.info.summary,
  lang: "en-US",
  srcDir: "pages",
  outDir: "dist/site",
  themeConfig: {
    nav: [
      { text: "Guides", link: "/guides/01-quick-start", activeMatch: "^/guides/" },
      { text: "API reference", link: "/reference" },
      { text: "Packages", link: `/${packagePages[0]?.slug}`, activeMatch: "^/packages/" },
      { text: "Changelog", link: "/changelog" },
    ],
    sidebar: [
      { text: "Guides", items: guides.map((guide) => ({ text: guide.title, link: `/guides/${guide.slug}` })) },
      {
        text: "Reference",
        items: [
          { text: "API reference", link: "/reference" },
          { text: "Changelog", link: "/changelog" },
        ],
      },
      { text: "Packages", items: packagePages.map((page) => ({ text: page.name, link: `/${page.slug}` })) },
    ],
    outline: [2, 3],
    search: {
      provider: "local",
      options: {
        // The reference page is drawn in the browser, so its index is written from the spec: each operation and
        // schema under the anchor Scalar gives it, so a result opens the reference there.
        async _render(source, env, md) {
          if (env.relativePath === "reference.md") return md.render(referenceSearchMarkdown(spec), env);
          return md.render(source, env);
        },
      },
    },
  },
  markdown: {
    config(md) {
      changelogPage(changelog)(md);
      // A "copy page as Markdown" control on each page, from the plugin that writes the Markdown copies.
      // Called directly: the plugin is typed against another release of @types/markdown-it than VitePress's.
      copyOrDownloadAsMarkdownButtons(md as unknown as Parameters<typeof copyOrDownloadAsMarkdownButtons>[0]);
    },
  },
  vite: {
    // vitepress-plugin-llms (1.14.0): llms.txt, llms-full.txt and a .md beside every page, from the pages' own
    // Markdown at build time, offline; the maintained plugin for VitePress, rather than a generator of our own.
    plugins: [
      referenceForAgents(spec),
      // Cast: its types import whichever `vite` the workspace hoists (Vitest's), while VitePress runs its own; the
      // hooks it uses are the same in both.
      llmstxt({
        customLLMsTxtTemplate: LLMS_TXT_TEMPLATE,
        customTemplateVariables: { agentInstructions: AGENT_INSTRUCTIONS },
        excludeIndexPage: false,
      }) as unknown as VitePressPlugin,
    ],
  },
  buildEnd({ outDir }) {
    writeFileSync(join(outDir, SITE_SPEC_FILE), JSON.stringify(siteSpec(spec)));
    mkdirSync(join(outDir, SCALAR_BUNDLE, ".."), { recursive: true });
    copyFileSync(scalarBundle, join(outDir, SCALAR_BUNDLE));
    // Where "try it" sends requests; `serveSite` answers this file with the fake it was given.
    writeFileSync(join(outDir, SITE_CONFIG_FILE), JSON.stringify({ mockUrl: DEFAULT_MOCK_URL }));
  },
});
