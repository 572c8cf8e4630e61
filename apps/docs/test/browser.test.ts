// The built site in a real browser: headless Chromium (Debian's package) driven by playwright-core.
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type {} from "@sigmamind/mock/vitest";
import { loadSpec } from "@sigmamind/spec";
import { chromiumLaunchOptions, chromiumTool } from "@sigmamind/test-support/chromium";
import { isToolAvailable } from "@sigmamind/test-support/tool-availability";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { type RunningSite, serveSite } from "../src/serve-site.js";

const spec = await loadSpec();
const screenshots = fileURLToPath(new URL("../test-results/", import.meta.url));
let browser: Browser;
let site: RunningSite;
let page: Page;
const consoleErrors: string[] = [];

describe.skipIf(!isToolAvailable(chromiumTool))("the documentation site in Chromium", () => {
  beforeAll(async () => {
    site = await serveSite({
      root: fileURLToPath(new URL("../dist/site/", import.meta.url)),
      mockUrl: inject("sigmamindMockUrl"),
    });
    browser = await chromium.launch(chromiumLaunchOptions());
    page = await browser.newPage();
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => consoleErrors.push(error.message));
    page.on("requestfailed", (request) => consoleErrors.push(`request failed: ${request.url()}`));
    await page.goto(`${site.url}/reference.html`);
  });

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  test("shows every operation", async () => {
    for (const { operation, method, path } of spec.operations()) {
      const heading = page.locator(`section#${operation.operationId} h3`);
      await expect(heading.isVisible()).resolves.toBe(true);
      const text = await heading.textContent();
      expect(text).toContain(method.toUpperCase());
      expect(text).toContain(path);
    }
  });

  test("shows every field of Call", async () => {
    const fields = await page.locator("section#schema-Call table tbody tr td:first-child").allTextContents();
    expect(fields).toEqual(Object.keys(spec.document.components?.schemas?.Call?.properties ?? {}));
  });

  test("“try it” lists the seed's calls from the mock", async () => {
    const form = page.locator("section#listCalls form.try-it");
    await form.locator("button").click();
    const output = form.locator(".try-it-output");
    await page.waitForFunction(() =>
      document.querySelector("section#listCalls .try-it-output")?.getAttribute("data-status"),
    );
    expect(await output.getAttribute("data-status")).toBe("200");
    expect(await output.textContent()).toContain('"callId": "call-AuUKK371Spr5nHJS"');
    mkdirSync(screenshots, { recursive: true });
    await form.screenshot({ path: `${screenshots}try-it.png` });
  });

  test("“try it” gets a call by id", async () => {
    const form = page.locator("section#getCall form.try-it");
    await form.locator("button").click();
    await page.waitForFunction(() =>
      document.querySelector("section#getCall .try-it-output")?.getAttribute("data-status"),
    );
    expect(await form.locator(".try-it-output").textContent()).toContain("HTTP 200");
  });

  test("every guide opens, and nothing logged an error", async () => {
    const links = await page
      .locator("nav.sidebar a")
      .evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
    expect(links.length).toBe(8);
    for (const link of links) {
      await page.goto(link);
      await expect(page.locator("main h1").first().isVisible()).resolves.toBe(true);
    }
    await page.goto(`${site.url}/index.html`);
    mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: `${screenshots}home.png`, fullPage: true });
    expect(consoleErrors).toEqual([]);
  });
});
