// The built site documents every operation, parameter, schema field and example of the spec, and loads nothing
// from outside itself.
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadSpec } from "@sigmamind/spec";
import { beforeAll, describe, expect, test } from "vitest";
import { buildSite } from "../src/build-site.js";
import { escapeHtml } from "../src/render/html.js";
import { requestSamples } from "../src/samples/request-samples.js";

const spec = await loadSpec();
const schemas = spec.document.components?.schemas ?? {};
let site: string;
let reference: string;

function filesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The HTML of one element by id, up to the next section. */
function section(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  expect(start, `no element with id ${id}`).toBeGreaterThan(-1);
  const end = html.indexOf("<section", start + 1);
  return html.slice(start, end === -1 ? undefined : end);
}

beforeAll(async () => {
  site = await buildSite(join(mkdtempSync(join(tmpdir(), "sigmamind-docs-")), "site"));
  reference = readFileSync(join(site, "reference.html"), "utf8");
});

describe("the reference", () => {
  test.each(spec.operations())(
    "$method $path: summary, every parameter, every response and its examples",
    ({ method, path, operation, parameters }) => {
      const html = section(reference, operation.operationId as string);
      expect(html).toContain(`>${method.toUpperCase()}</span>`);
      expect(html).toContain(path.replace(/[{}]/g, (brace) => brace));
      expect(html).toContain(operation.summary);
      for (const parameter of parameters) expect(html).toContain(`<code>${parameter.name}</code>`);
      for (const [status, reference] of Object.entries(operation.responses ?? {})) {
        expect(html).toContain(`>${status}</span>`);
        const examples = spec.resolve(reference).content?.["application/json"]?.examples ?? {};
        for (const name of Object.keys(examples)) expect(html).toContain(`Example <code>${name}</code>`);
      }
      expect(html).toContain(`<form class="try-it" data-method="${method.toUpperCase()}"`);
    },
  );

  test.each(requestSamples(spec))("$operationId: its request samples in curl, TypeScript and the CLI", (samples) => {
    const html = section(reference, samples.operationId);
    for (const code of [samples.curl, samples.typescript, samples.cli]) expect(html).toContain(escapeHtml(code));
  });

  test("the seed example is shown in full", () => {
    const html = section(reference, "listCalls");
    for (const text of ["call-AuUKK371Spr5nHJS", "camp-XiQEBcj9cc5TFRB4", "Support Line - US", "customer_name"]) {
      expect(html).toContain(text);
    }
  });

  test.each(Object.entries(schemas))("schema %s: every field with its type", (name, schema) => {
    const html = section(reference, `schema-${name}`);
    for (const field of Object.keys(schema.properties ?? {})) expect(html).toContain(`<td><code>${field}</code></td>`);
  });

  test("open enums list their known values", () => {
    const html = section(reference, "schema-CallStatus");
    for (const value of ["scheduled", "in-progress", "ended", "not-connected", "error"]) {
      expect(html).toContain(`<code>${value}</code>`);
    }
  });

  test("the E.164 rule and the page defaults are stated", () => {
    expect(section(reference, "schema-E164PhoneNumber")).toContain("^\\+[1-9][0-9]{6,14}$");
    expect(section(reference, "listCalls")).toContain("Default <code>10</code>");
  });
});

describe("the guides", () => {
  test("are titled by their front matter", () => {
    const home = readFileSync(join(site, "index.html"), "utf8");
    for (const title of [
      "Quick start",
      "Authentication",
      "Pagination",
      "Errors and retries",
      "Timeouts and cancellation",
    ]) {
      expect(home).toContain(`>${title}</a>`);
    }
    expect(readFileSync(join(site, "guides/03-pagination.html"), "utf8")).not.toContain("title:");
  });

  test.each([
    "01-quick-start",
    "02-authentication",
    "03-pagination",
    "04-errors-and-retries",
    "05-timeouts",
    "06-testing-with-the-mock",
    "07-cli",
  ])("%s is built and linked from every page", (slug) => {
    expect(statSync(join(site, "guides", `${slug}.html`)).isFile()).toBe(true);
    expect(readFileSync(join(site, "index.html"), "utf8")).toContain(`guides/${slug}.html`);
    expect(reference).toContain(`guides/${slug}.html`);
  });
});

describe("offline", () => {
  test("no page, stylesheet or script loads anything from another host", () => {
    const external =
      /(?:src|href)\s*=\s*["']?(?:https?:)?\/\/|@import|url\(\s*["']?(?:https?:)?\/\/|fonts\.googleapis|cdn\./i;
    for (const file of filesUnder(site)) {
      const text = readFileSync(file, "utf8");
      const match = external.exec(text);
      expect(match, `${file} loads ${match?.[0]}`).toBeNull();
    }
  });
});
