// The built site (`pnpm build` writes dist/site before the tests run): its pages, the document the reference
// renders, what it ships of Scalar, its build report, and that nothing in it loads from another host.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadSpec, type OpenAPIV3_1 } from "@sigmamind/spec";
import { describe, expect, test } from "vitest";
import { type BuildReport, measureSite } from "../src/build-site.js";
import { loadGuides } from "../src/guides.js";
import { requestSamples } from "../src/samples/request-samples.js";
import { BUILT_SITE } from "../src/serve-site.js";
import { DEFAULT_MOCK_URL, SCALAR_BUNDLE, SITE_CONFIG_FILE, SITE_SPEC_FILE } from "../src/site-files.js";
import { siteSpec } from "../src/site-spec.js";

const spec = await loadSpec();
const appRoot = fileURLToPath(new URL("..", import.meta.url));
const guides = loadGuides(join(appRoot, "pages/guides"));
const read = (path: string) => readFileSync(join(BUILT_SITE, path), "utf8");

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

describe("the pages", () => {
  test.each(guides.map((guide) => [guide.slug, guide]))("guide %s, titled by its front matter", (slug, guide) => {
    const html = read(`guides/${slug}.html`);
    expect(html).toContain(`<title>${guide.title} | `);
    expect(html).not.toContain("title:");
    // Every guide is in the sidebar of every page.
    expect(read("changelog.html")).toContain(`href="/guides/${slug}.html"`);
  });

  test("code is highlighted at build time, and `ts run` is an instruction to the tests, not shown", () => {
    const html = read("guides/03-pagination.html");
    expect(html).toContain('class="language-ts');
    expect(html).toContain("shiki");
    expect(html).not.toMatch(/ts run/);
  });

  test("the reference page mounts Scalar, and the changelog lists what is waiting for release", () => {
    expect(read("reference.html")).toContain("api-reference");
    const changelog = read("changelog.html");
    expect(changelog).toContain("Unreleased");
    expect(changelog).toContain("@sigmamind/client");
    expect(changelog).toContain("waitFor");
  });
});

describe("what the reference renders", () => {
  const shipped = JSON.parse(read(SITE_SPEC_FILE)) as OpenAPIV3_1.Document;

  test("is the spec with the site's additions", () => {
    expect(shipped).toEqual(siteSpec(spec));
    expect(shipped.paths).toEqual(
      expect.objectContaining(
        Object.fromEntries(Object.keys(spec.document.paths ?? {}).map((path) => [path, expect.anything()])),
      ),
    );
  });

  test("each operation carries its tested request samples, in curl, TypeScript and the CLI", () => {
    for (const samples of requestSamples(spec)) {
      const entry = spec.operations().find((operation) => operation.operation.operationId === samples.operationId);
      const operation = shipped.paths?.[entry?.path ?? ""]?.[entry?.method ?? "get"] as Record<string, unknown>;
      expect(operation["x-codeSamples"]).toEqual([
        { lang: "Shell", label: "curl", source: samples.curl },
        { lang: "TypeScript", label: "TypeScript", source: samples.typescript },
        { lang: "Shell", label: "CLI", source: samples.cli },
      ]);
    }
  });

  test("a limit Scalar does not print is in the description", () => {
    const body = shipped.components?.schemas?.CreateCallRequest as OpenAPIV3_1.SchemaObject;
    const variables = body.properties?.dynamicVariables as OpenAPIV3_1.SchemaObject;
    expect(variables.maxProperties).toBe(100);
    expect(variables.description).toMatch(/At most 100 entries\.$/);
  });

  test("the introduction says how “try it” reaches the sandbox, and how to ask for an error", () => {
    expect(shipped.info.description).toContain("Prefer: code=429");
    expect(shipped.info.description?.startsWith(spec.document.info.description ?? "")).toBe(true);
  });

  test("the spec itself is untouched", async () => {
    expect(JSON.stringify((await loadSpec()).document)).not.toContain("x-codeSamples");
  });
});

describe("what the site ships", () => {
  test("Scalar's browser bundle, as published", () => {
    const published = join(createRequire(import.meta.url).resolve("@scalar/api-reference"), "../browser/standalone.js");
    expect(readFileSync(join(BUILT_SITE, SCALAR_BUNDLE)).equals(readFileSync(published))).toBe(true);
  });

  test("“try it” defaults to where pnpm start runs the sandbox", () => {
    expect(JSON.parse(read(SITE_CONFIG_FILE))).toEqual({ mockUrl: DEFAULT_MOCK_URL });
  });

  test("no page or stylesheet loads anything from another host", () => {
    const pagesAndStyles = filesUnder(BUILT_SITE).filter((file) => /\.(html|css)$/.test(file));
    expect(pagesAndStyles.length).toBeGreaterThan(guides.length);
    const external =
      /(?:<script[^>]+src|<link[^>]+href|<img[^>]+src)\s*=\s*["']?(?:https?:)?\/\/|@import|url\(\s*["']?(?:https?:)?\/\//i;
    for (const file of pagesAndStyles) {
      const match = external.exec(readFileSync(file, "utf8"));
      expect(match, `${file} loads ${match?.[0]}`).toBeNull();
    }
  });

  test("none of its scripts names Scalar's hosted services or a font CDN", () => {
    const hosted = /fonts\.scalar\.com|proxy\.scalar\.com|fonts\.googleapis\.com|cdn\.jsdelivr\.net|unpkg\.com/;
    for (const file of filesUnder(BUILT_SITE).filter((path) => path.endsWith(".js") && !path.endsWith(SCALAR_BUNDLE))) {
      expect(hosted.exec(readFileSync(file, "utf8")), file).toBeNull();
    }
  });
});

describe("the build report", () => {
  test("states the build's time and the site's size, as the site is", () => {
    const report = JSON.parse(readFileSync(join(appRoot, "dist/build-report.json"), "utf8")) as BuildReport;
    expect(report.seconds).toBeGreaterThan(0);
    const measured = measureSite(BUILT_SITE, report.seconds);
    expect(report).toEqual(measured);
    expect(report.bytesByKind.scalar).toBe(statSync(join(BUILT_SITE, SCALAR_BUNDLE)).size);
  });
});
