// The published client in a browser: a page script that imports it from the outside ESM project, type-checked as
// a bundler user would (DOM types, moduleResolution Bundler), bundled by esbuild and run in headless Chromium
// against the mock, which answers with CORS headers.
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
    await copyFile(join(release.esmProject, "browser", "index.html"), join(pageDir, "index.html"));
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

  test("lists calls and gets one from the mock, with no console errors", async () => {
    const bundle = await build({
      entryPoints: [join(release.esmProject, "browser", "page.ts")],
      outfile: join(pageDir, "page.js"),
      bundle: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      logLevel: "error",
      metafile: true,
    });
    // The bundle was built from the installed package, not from the workspace.
    const inputs = Object.keys(bundle.metafile.inputs);
    expect(inputs.some((input) => input.includes("node_modules/@sigmamind/client/dist/"))).toBe(true);

    const page = await (browser as Browser).newPage();
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`${message.text()} (${message.location().url})`);
    });
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("requestfailed", (request) => errors.push(`request failed: ${request.url()}`));

    await page.goto(`${server?.url}/?mock=${encodeURIComponent(mockUrl)}`);
    const output = page.locator("#call-id[data-status]");
    await output.waitFor({ timeout: 30_000 });
    expect({ status: await output.getAttribute("data-status"), text: await output.textContent() }).toEqual({
      status: "done",
      text: "call-AuUKK371Spr5nHJS",
    });
    expect(errors).toEqual([]);
    await page.close();
  });
});
