// The published "List Phone Calls" page is the contract for GET /v1/calls: these tests read the page itself
// (a verbatim copy in fixtures/) and hold the spec to it.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { resolve, responseExample, spec, validatorFor } from "./load-spec.js";

const page = readFileSync(new URL("./fixtures/list-phone-calls.page.txt", import.meta.url), "utf8");

function pageExample(): unknown {
  const start = page.indexOf("\n{\n");
  const end = page.indexOf("\n}\n", start);
  return JSON.parse(page.slice(start + 1, end + 2));
}

/** The typed field list under a heading of the page: `name`, then a type line such as `integer<int32>`. */
function pageSection(heading: string, nextHeading?: string) {
  const start = page.indexOf(`\n${heading}\n`) + heading.length + 2;
  const end = nextHeading ? page.indexOf(`\n${nextHeading}\n`, start) : page.length;
  const lines = page
    .slice(start, end)
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const fields: { name: string; type: string; defaultValue?: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const type = lines[i + 1];
    if (type && /^(string|integer|boolean|object)/.test(type)) {
      const field: { name: string; type: string; defaultValue?: string } = { name: lines[i] as string, type };
      const next = lines[i + 2];
      if (next?.startsWith("default:")) field.defaultValue = next.slice("default:".length);
      fields.push(field);
      i++;
    }
  }
  return fields;
}

/** `integer<int32>` → { type: integer, format: int32 }; `object[]` → array of objects. */
function schemaShape(pageType: string) {
  const array = pageType.endsWith("[]");
  const [, type, format] = /^(\w+)(?:<(\w[\w-]*)>)?/.exec(pageType) ?? [];
  return { array, type, format };
}

const listCalls = spec.paths["/v1/calls"].get;

describe("GET /v1/calls matches the List Phone Calls page", () => {
  test("the 200 example is the page's example, verbatim", () => {
    const example = responseExample("listCalls", "200", "seed");
    expect(example).toEqual(pageExample());
  });

  test("the page's example validates against CallListResponse", () => {
    const validate = validatorFor("CallListResponse");
    expect(validate(pageExample()), JSON.stringify(validate.errors)).toBe(true);
  });

  test("every response field the page lists has the page's type and format", () => {
    const fields = pageSection("Response", undefined).filter((field) => field.name !== "OK");
    expect(fields.map((field) => field.name)).toEqual([
      "data",
      "page",
      "size",
      "totalCounts",
      "totalPages",
      "hasNext",
      "hasPrevious",
    ]);
    const schema = spec.components.schemas.CallListResponse;
    for (const field of fields) {
      const { array, type, format } = schemaShape(field.type);
      const property = schema.properties[field.name];
      expect(schema.required, field.name).toContain(field.name);
      if (array) {
        expect(property.type, field.name).toBe("array");
        expect(resolve(property.items).type, field.name).toBe(type);
      } else {
        expect(property.type, field.name).toBe(type);
        expect(property.format, field.name).toBe(format);
      }
    }
  });

  test("every query parameter the page lists has the page's type, format and default", () => {
    const fields = pageSection("Query Parameters", "Response");
    expect(fields.map((field) => field.name)).toEqual(["status", "page", "size"]);
    const parameters = listCalls.parameters.map(resolve);
    expect(parameters.map((parameter: { name: string }) => parameter.name)).toEqual(["status", "page", "size"]);
    for (const field of fields) {
      const parameter = parameters.find((candidate: { name: string }) => candidate.name === field.name);
      const { type, format } = schemaShape(field.type);
      const schema = resolve(parameter.schema);
      expect(parameter.in).toBe("query");
      expect(parameter.required ?? false).toBe(false);
      // An open enum is still a string on the wire: every branch of it is a string.
      const types = schema.anyOf ? schema.anyOf.map((branch: { type: string }) => branch.type) : [schema.type];
      expect(new Set(types), field.name).toEqual(new Set([type]));
      expect(schema.format, field.name).toBe(format);
      if (field.defaultValue !== undefined) expect(String(schema.default), field.name).toBe(field.defaultValue);
    }
  });

  test("the key goes in the X-API-Key header, on the page's server", () => {
    const [authName] = pageSection("Authorizations", "Query Parameters").map((field) => field.name);
    const scheme = spec.components.securitySchemes.apiKeyAuth;
    expect(scheme).toMatchObject({ type: "apiKey", in: "header", name: authName });
    expect(spec.security).toEqual([{ apiKeyAuth: [] }]);
    const curlUrl = /--url (\S+)/.exec(page)?.[1];
    expect(curlUrl).toBe(`${spec.servers[0].url}/v1/calls`);
  });
});
