import { escapeHtml } from "./html.js";

export interface NavEntry {
  title: string;
  href: string;
}

export interface PageInput {
  title: string;
  siteTitle: string;
  body: string;
  nav: NavEntry[];
  /** Path from this page to the site root: "" at the root, "../" one level down. */
  root: string;
  scripts?: string[];
}

/** A whole page. Everything it loads is served by the site itself: it works offline. */
export function layout(page: PageInput): string {
  const nav = page.nav
    .map(({ title, href }) => `<li><a href="${page.root}${href}">${escapeHtml(title)}</a></li>`)
    .join("\n        ");
  const scripts = (page.scripts ?? [])
    .map((src) => `<script type="module" src="${page.root}${src}"></script>`)
    .join("\n  ");
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(page.title)} · ${escapeHtml(page.siteTitle)}</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="${page.root}assets/style.css">
  ${scripts}
</head>
<body>
  <header class="site-header">
    <a class="brand" href="${page.root}index.html">${escapeHtml(page.siteTitle)}</a>
  </header>
  <div class="page">
    <nav class="sidebar" aria-label="Contents">
      <ul>
        ${nav}
      </ul>
    </nav>
    <main>
${page.body}
    </main>
  </div>
</body>
</html>
`;
}
