// Builds the documentation site from spec/openapi.yaml and guides/*.md into dist/site.
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type LoadedSpec, loadSpec } from "@sigmamind/spec";
import { loadGuides, renderGuide } from "./render/guides.js";
import { escapeHtml } from "./render/html.js";
import { layout, type NavEntry } from "./render/layout.js";
import { renderReference } from "./render/reference.js";

export const DEFAULT_MOCK_URL = "http://127.0.0.1:4010";

// This module runs from src/ in tests and from dist/lib/ when built: the app root is where guides/ is.
const appRoot = [new URL("../", import.meta.url), new URL("../../", import.meta.url)].find((candidate) =>
  existsSync(new URL("guides", candidate)),
) as URL;
const at = (path: string) => fileURLToPath(new URL(path, appRoot));

export async function buildSite(outDir = at("dist/site"), spec?: LoadedSpec): Promise<string> {
  const loaded = spec ?? (await loadSpec());
  const { info } = loaded.document;
  const guides = loadGuides(at("guides"));
  const nav: NavEntry[] = [
    ...guides.map((guide) => ({ title: guide.title, href: `guides/${guide.slug}.html` })),
    { title: "API reference", href: "reference.html" },
  ];
  const siteTitle = `${info.title} ${info.version}`;
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(`${outDir}/guides`, { recursive: true });
  mkdirSync(`${outDir}/assets`, { recursive: true });

  const operations = loaded
    .operations()
    .map(
      ({ method, path, operation }) =>
        `<li><a href="reference.html#${operation.operationId}"><code>${method.toUpperCase()} ${escapeHtml(path)}</code></a> ${escapeHtml(operation.summary)}</li>`,
    )
    .join("\n");
  const home = `<h1>${escapeHtml(info.title)}</h1>
<p>${escapeHtml(info.summary ?? "")}</p>
<p>The TypeScript SDK: <code>@sigmamind/client</code> to call the API, <code>@sigmamind/mock</code> to test your app
without it, and the <code>sigmamind</code> CLI. Every page here is generated from the same OpenAPI document.</p>
<h2>Guides</h2>
<ul>${guides.map((guide) => `<li><a href="guides/${guide.slug}.html">${escapeHtml(guide.title)}</a></li>`).join("")}</ul>
<h2>Operations</h2>
<ul>${operations}</ul>`;
  writeFileSync(`${outDir}/index.html`, layout({ title: "Overview", siteTitle, body: home, nav, root: "" }));
  writeFileSync(
    `${outDir}/reference.html`,
    layout({
      title: "API reference",
      siteTitle,
      body: renderReference(loaded),
      nav,
      root: "",
      scripts: ["assets/try-it.js"],
    }),
  );
  for (const guide of guides) {
    writeFileSync(
      `${outDir}/guides/${guide.slug}.html`,
      layout({ title: guide.title, siteTitle, body: renderGuide(guide), nav, root: "../" }),
    );
  }
  for (const asset of ["style.css", "try-it.js"]) copyFileSync(at(`src/assets/${asset}`), `${outDir}/assets/${asset}`);
  // Where "try it" sends requests; `serveSite` answers this file with the mock it was given.
  writeFileSync(`${outDir}/site-config.json`, JSON.stringify({ mockUrl: DEFAULT_MOCK_URL }));
  return outDir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outDir = await buildSite(process.argv[2]);
  console.log(`built the documentation site in ${outDir}`);
}
