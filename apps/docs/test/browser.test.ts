// The built site in a real browser: headless Chromium (Debian's package) driven by playwright-core, with "try it"
// pointed at a sandbox. Every request that is neither to the site nor to the sandbox fails the run, and nothing
// may log an error. Screenshots are kept in test-results/.
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type RunningSandbox, startSandbox } from "@sigmamind/mock";
import { loadSpec, type SpecOperation } from "@sigmamind/spec";
import { chromiumLaunchOptions, chromiumTool } from "@sigmamind/test-support/chromium";
import { isToolAvailable } from "@sigmamind/test-support/tool-availability";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { loadGuides } from "../src/guides.js";
import { operationAnchor, schemaAnchor } from "../src/reference-search.js";
import { requestSamples } from "../src/samples/request-samples.js";
import { BUILT_SITE, type RunningSite, serveSite } from "../src/serve-site.js";

const spec = await loadSpec();
const guides = loadGuides(fileURLToPath(new URL("../pages/guides", import.meta.url)));
const screenshots = fileURLToPath(new URL("../test-results/", import.meta.url));
let browser: Browser;
let sandbox: RunningSandbox;
let site: RunningSite;
let page: Page;
const offOrigin: string[] = [];
const consoleErrors: string[] = [];

async function screenshot(name: string) {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: `${screenshots}${name}.png` });
}

/**
 * Picks a request sample by its label in an operation's request card. The list box can swallow a click that lands
 * while it is still opening (seen on a loaded machine), so the choice is made again until the card shows it.
 */
async function chooseSample(card: Locator, label: string) {
  const chosen = card.getByRole("button").first();
  for (let attempt = 1; ; attempt++) {
    await chosen.scrollIntoViewIfNeeded();
    await chosen.click();
    const options = page.getByRole("option");
    await options.first().waitFor();
    expect(await options.allTextContents()).toEqual(["curl", "TypeScript", "CLI"]);
    await options.filter({ hasText: label }).click();
    await options.first().waitFor({ state: "detached" });
    if ((await chosen.textContent())?.trim() === label || attempt === 3) return;
  }
}

/** Opens the reference and waits for Scalar to draw it. */
async function openReference(hash = "") {
  await page.goto(`${site.url}/reference.html${hash}`);
  await page.locator('[id="api-1/tag/calls"]').first().waitFor({ timeout: 30_000 });
}

describe.skipIf(!isToolAvailable(chromiumTool))("the documentation site in Chromium", () => {
  beforeAll(async () => {
    sandbox = await startSandbox();
    site = await serveSite({ root: BUILT_SITE, mockUrl: sandbox.url });
    browser = await chromium.launch(chromiumLaunchOptions());
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // Fully offline: anything but the site itself and the sandbox "try it" calls is refused and remembered.
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if ([site.url, sandbox.url].some((origin) => url.startsWith(`${origin}/`)) || /^(data|blob):/.test(url)) {
        return route.continue();
      }
      offOrigin.push(url);
      return route.abort();
    });
    // The page's own clock, flowing as usual, which a test can move ahead instead of waiting (see addHeader).
    await context.clock.install();
    page = await context.newPage();
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(`${page.url()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
  });

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
    await sandbox?.stop();
  });

  beforeEach(() => {
    consoleErrors.length = 0;
  });

  test("every guide opens from the sidebar, which marks the page being read", async () => {
    await page.goto(`${site.url}/`);
    await page.getByRole("link", { name: "Quick start" }).first().click();
    for (const guide of guides) {
      await page.locator(".VPSidebar").getByRole("link", { name: guide.title, exact: true }).click();
      await page.waitForURL(`**/guides/${guide.slug}.html`);
      await expect.poll(() => page.locator(".vp-doc h1").first().textContent()).toContain(guide.title);
      await expect.poll(() => page.locator(".VPSidebarItem.is-active").first().textContent()).toBe(guide.title);
    }
    // Code is highlighted by Shiki, in the light and the dark theme.
    await expect(page.locator('div[class*="language-"] pre.shiki').count()).resolves.toBeGreaterThan(0);
    await screenshot("guide");
    await page.goto(`${site.url}/changelog.html`);
    await expect(page.locator(".vp-doc h2").allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringContaining("Unreleased")]),
    );
    expect(consoleErrors).toEqual([]);
  });

  test("search finds a guide, an operation and a field, and opens the reference there", async () => {
    await page.goto(`${site.url}/`);
    const search = async (query: string) => {
      await page.locator(".VPNavBarSearch button").click();
      const input = page.locator(".VPLocalSearchBox input");
      const results = page.locator(".VPLocalSearchBox .result");
      // The box keeps the last query and its results: empty it, and wait for them to go, so the ones awaited
      // below are this query's.
      await input.fill("");
      await expect.poll(() => results.count()).toBe(0);
      await input.fill(query);
      await results.first().waitFor();
      return results;
    };
    const guideResults = await search("iterPages");
    await expect(guideResults.first().getAttribute("href")).resolves.toContain("/guides/03-pagination.html");
    await page.keyboard.press("Escape");

    // Every operation, under the anchor Scalar gives it, a path parameter's braces and all.
    for (const { method, path, operation } of spec.operations()) {
      const results = await search(operation.summary as string);
      const anchor = operationAnchor(operation.tags?.[0] ?? "", method, path);
      const href = (await results.first().getAttribute("href")) ?? "";
      expect(decodeURI(href)).toBe(`/reference.html#${anchor}`);
      await page.keyboard.press("Escape");
    }
    const remove = await search("Delete Phone Call");
    await remove.first().click();
    const deleteSection = page.locator(`[id="api-1/${operationAnchor("Calls", "delete", "/v1/calls/{callId}")}"]`);
    await deleteSection.waitFor({ timeout: 30_000 });
    await expect.poll(() => deleteSection.evaluate((element) => element.getBoundingClientRect().top)).toBeLessThan(400);

    await page.goto(`${site.url}/`);
    const field = await search("terminationReason");
    const hrefs = await field.evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    expect(hrefs).toContain(`/reference.html#${schemaAnchor("Call")}`);
    await screenshot("search");
    await field.nth(hrefs.indexOf(`/reference.html#${schemaAnchor("Call")}`)).click();
    const model = page.locator(`[id="api-1/${schemaAnchor("Call")}"]`);
    await model.waitFor({ timeout: 30_000 });
    await expect.poll(() => model.evaluate((element) => element.getBoundingClientRect().top)).toBeLessThan(400);
    expect(consoleErrors).toEqual([]);
  });

  test("the reference shows every operation and schema, response headers, Markdown rendered, and the tested request samples", async () => {
    await openReference();
    for (const { method, path, operation } of spec.operations()) {
      const anchor = operationAnchor(operation.tags?.[0] ?? "", method, path);
      await expect(page.locator(`[id="api-1/${anchor}"]`).count()).resolves.toBe(1);
    }
    await page
      .getByRole("button", { name: /Models/ })
      .first()
      .click();
    for (const name of Object.keys(spec.document.components?.schemas ?? {})) {
      await expect(page.locator(`[id="api-1/${schemaAnchor(name)}"]`).count()).resolves.toBe(1);
    }
    // A response's headers are shown: the 429's Retry-After.
    const tooMany = page.locator(`[id="api-1/${operationAnchor("Calls", "get", "/v1/calls")}.responses.429"]`);
    await tooMany.click();
    const response = tooMany.locator("xpath=..");
    await response
      .getByRole("button", { name: /Headers/ })
      .first()
      .click();
    await expect.poll(() => response.textContent()).toContain("Retry-After");
    // Markdown in descriptions is rendered, not printed.
    expect(await page.locator("body").textContent()).not.toContain("`X-API-Key`");
    // Each operation's request samples are the site's own, generated from the spec and tested, and only those.
    for (const samples of requestSamples(spec)) {
      const { method, path, operation } = spec
        .operations()
        .find((entry) => entry.operation.operationId === samples.operationId) as SpecOperation;
      const card = page
        .locator(`[id="api-1/${operationAnchor(operation.tags?.[0] ?? "", method, path)}"]`)
        .locator(".request-card");
      for (const [label, code] of [
        ["TypeScript", samples.typescript],
        ["CLI", samples.cli],
        ["curl", samples.curl],
      ] as const) {
        await chooseSample(card, label);
        await expect
          .poll(async () => (await card.locator(".code-snippet pre code").first().textContent())?.trimEnd())
          .toBe(code);
      }
    }
    expect(consoleErrors).toEqual([]);
  });

  test("dark mode toggles the guides and the reference together", async () => {
    await openReference();
    const toggle = page.locator(".VPNavBarAppearance .VPSwitchAppearance");
    const isDark = () => page.evaluate(() => document.documentElement.classList.contains("dark"));
    const scalarIsDark = () => page.evaluate(() => document.body.classList.contains("dark-mode"));
    const before = await isDark();
    await toggle.click();
    await expect.poll(isDark).toBe(!before);
    await expect.poll(scalarIsDark).toBe(!before);
    await screenshot(before ? "reference-light" : "reference-dark");
    await toggle.click();
    await expect.poll(isDark).toBe(before);
    await expect.poll(scalarIsDark).toBe(before);
    // Leaving the reference leaves nothing of Scalar's on the page.
    await page.locator(".VPNavBar").getByRole("link", { name: "Guides" }).click();
    await page.waitForURL("**/guides/*.html");
    await expect
      .poll(() =>
        page.evaluate(
          () => document.body.classList.contains("dark-mode") || document.body.classList.contains("light-mode"),
        ),
      )
      .toBe(false);
    expect(consoleErrors).toEqual([]);
  });

  describe("“try it” against the sandbox", () => {
    /** Opens the reference at an operation, sends its "Test Request" as Scalar fills it in, returns the status. */
    async function tryIt(
      method: string,
      path: string,
      { headers = {}, screenshotAs }: { headers?: Record<string, string>; screenshotAs?: string } = {},
    ): Promise<number> {
      const anchor = operationAnchor("Calls", method, path);
      await openReference(`#${anchor}`);
      await page
        .locator(`[id="api-1/${anchor}"]`)
        .getByRole("button", { name: /Test Request/ })
        .click();
      try {
        const send = page.getByRole("button", { name: /^Send/ }).first();
        await send.waitFor();
        for (const [name, value] of Object.entries(headers)) await addHeader(name, value);
        const answered = page.waitForResponse(
          (response) =>
            response.url().startsWith(`${sandbox.url}/`) && response.request().method() === method.toUpperCase(),
        );
        await send.click();
        const status = (await answered).status();
        // The client shows what the sandbox answered.
        await expect
          .poll(async () => (await page.locator(".request-response-header").allTextContents()).join(" "))
          .toMatch(new RegExp(`\\b${status} `));
        if (screenshotAs) await screenshot(screenshotAs);
        return status;
      } finally {
        await page.getByRole("button", { name: "Close Client" }).click();
      }
    }

    /** Types a header into the client's Headers table, on its empty last row. */
    async function addHeader(name: string, value: string) {
      const headersSection = page
        .locator("div")
        .filter({ has: page.locator("span", { hasText: /^Headers$/ }) })
        .filter({ has: page.locator('[data-placeholder="Key"][contenteditable="true"]') })
        .last();
      const keys = headersSection.locator('[data-placeholder="Key"][contenteditable="true"]');
      // By index, not `.last()`: typing a name adds a new empty row, which `.last()` would then point at.
      const row = keys.nth((await keys.count()) - 1).locator('xpath=ancestor::*[.//*[@data-placeholder="Value"]][1]');
      await row.locator('[data-placeholder="Key"]').click();
      await page.keyboard.type(name);
      await row.locator('[data-placeholder="Value"]').click();
      await page.keyboard.type(value);
      await expect.poll(() => row.locator('[data-placeholder="Value"]').textContent()).toBe(value);
      // Scalar takes an edited header into the request after a debounce of up to 500 ms: move the page's clock
      // past it rather than wait.
      await page.clock.fastForward(1_000);
    }

    // The key the reference's "try it" sends (.vitepress/theme/api-reference.ts): each key is a world of its
    // own in the sandbox, so the test looks at the world the page changes.
    const sandboxFetch = (path: string, init: RequestInit = {}) =>
      fetch(`${sandbox.url}${path}`, { ...init, headers: { "X-API-Key": "sandbox-api-key", ...init.headers } });

    test("lists the sandbox's calls", async () => {
      await expect(tryIt("get", "/v1/calls", { screenshotAs: "try-it-list" })).resolves.toBe(200);
    });

    test("asks for a documented error with Prefer", async () => {
      const prefer = { headers: { Prefer: "code=429" }, screenshotAs: "try-it-prefer-429" };
      await expect(tryIt("get", "/v1/calls", prefer)).resolves.toBe(429);
      // Chromium logs every answer of 400 or more; that one is the only error.
      expect(consoleErrors).toEqual([expect.stringMatching(/Failed to load resource: .* 429 \(Too Many Requests\)$/)]);
    });

    test("gets the documented call, creates a call, and deletes the documented call", async () => {
      const getCall = spec.operations().find((entry) => entry.operation.operationId === "getCall");
      const documentedId = getCall?.parameters.find((parameter) => parameter.name === "callId")?.example as string;
      await expect(tryIt("get", "/v1/calls/{callId}")).resolves.toBe(200);

      const before = (await (await sandboxFetch("/v1/calls")).json()).totalCounts;
      await expect(tryIt("post", "/v1/calls")).resolves.toBe(200);
      await expect((await (await sandboxFetch("/v1/calls")).json()).totalCounts).toBe(before + 1);

      await expect(tryIt("delete", "/v1/calls/{callId}")).resolves.toBe(200);
      await expect((await sandboxFetch(`/v1/calls/${documentedId}`)).status).toBe(404);
      expect(sandbox.violations).toEqual([]);
      expect(consoleErrors).toEqual([]);
    });
  });

  test("nothing was requested from any other origin", () => {
    expect(offOrigin).toEqual([]);
  });
});
