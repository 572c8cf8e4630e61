// The published client in a browser: a page script that imports it from the outside ESM project, type-checked as
// a bundler user would (DOM types, moduleResolution Bundler), bundled by esbuild and run in headless Chromium
// against the mock, which answers with CORS headers; and the mock's sandbox handlers, served by MSW's service worker.
import { copyFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import type {} from "@sigmamind/mock/vitest";
import { chromiumLaunchOptions, chromiumTool } from "@sigmamind/test-support/chromium";
import { isToolAvailable } from "@sigmamind/test-support/tool-availability";
import { build } from "esbuild";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { compile } from "./support/fresh-project.js";
import { type RunningPageServer, servePages } from "./support/page-server.js";

const release = inject("release");
const mockUrl = inject("sigmamindMockUrl");
const pageDir = join(release.scratch, "browser-page");

describe.skipIf(!isToolAvailable(chromiumTool))("@sigmamind/client bundled into a page, in Chromium", () => {
  let server: RunningPageServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    await mkdir(pageDir, { recursive: true });
    for (const page of ["index.html", "sandbox.html"]) {
      await copyFile(join(release.esmProject, "browser", page), join(pageDir, page));
    }
    // MSW's service worker, served from the page's origin as MSW requires, from the installed msw.
    const worker = join(release.esmProject, "node_modules", "msw", "lib", "mockServiceWorker.js");
    await copyFile(worker, join(pageDir, "mockServiceWorker.js"));
    server = await servePages(pageDir);
    browser = await chromium.launch(chromiumLaunchOptions());
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  test("the page type-checks with DOM types and moduleResolution Bundler, skipLibCheck: false", async () => {
    await compile(release.esmProject, "browser");
  });

  /** Bundles a page script from the installed packages; resolves to the files esbuild read. */
  async function bundlePage(name: string): Promise<string[]> {
    const bundle = await build({
      entryPoints: [join(release.esmProject, "browser", `${name}.ts`)],
      outfile: join(pageDir, `${name}.js`),
      bundle: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      logLevel: "error",
      metafile: true,
    });
    return Object.keys(bundle.metafile.inputs);
  }

  /** Opens a page and waits for its output element to say done or failed; collects console errors meanwhile. */
  async function openPage(path: string, selector: string) {
    const page = await (browser as Browser).newPage();
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`${message.text()} (${message.location().url})`);
    });
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("requestfailed", (request) => errors.push(`request failed: ${request.url()}`));
    await page.goto(`${server?.url}${path}`);
    const output = page.locator(`${selector}[data-status]`);
    await output.waitFor({ timeout: 30_000 });
    const result = { status: await output.getAttribute("data-status"), text: await output.textContent() };
    await page.close();
    return { result, errors };
  }

  test("lists calls and gets one from the mock, with no console errors", async () => {
    const inputs = await bundlePage("page");
    // The bundle was built from the installed package, not from the workspace.
    expect(inputs.some((input) => input.includes("node_modules/@sigmamind/client/dist/"))).toBe(true);
    const { result, errors } = await openPage(`/?mock=${encodeURIComponent(mockUrl)}`, "#call-id");
    expect(result).toEqual({ status: "done", text: "call-AuUKK371Spr5nHJS" });
    expect(errors).toEqual([]);
  });

  test("places, ends and pages through calls on the sandbox's MSW handlers, in the page, with no console errors", async () => {
    const inputs = await bundlePage("sandbox-page");
    expect(inputs.some((input) => input.includes("node_modules/@sigmamind/mock/dist/msw.mjs"))).toBe(true);
    const { result, errors } = await openPage("/sandbox.html", "#sandbox");
    expect(result).toMatchObject({ status: "done" });
    // The same seed, numbers and clock as the Node projects' sandbox scripts: created, over, 23 seeded calls + 1.
    expect(result.text).toMatch(/^scheduled (ended|not-connected) 24$/);
    expect(errors).toEqual([]);
  });
});
