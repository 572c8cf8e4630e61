// The spec loader every package reads the spec through: parsing, $ref resolution, operations, dereferencing and
// the errors a broken document gets.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dereference, loadSpec, type OpenAPIV3_1, specPath, withoutDocumentation } from "@sigmamind/spec";
import { afterEach, describe, expect, expectTypeOf, test } from "vitest";

const scratch: string[] = [];
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Writes `text` to a fresh openapi.yaml and returns its path. */
function documentFile(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "sigmamind-spec-"));
  scratch.push(dir);
  const path = join(dir, "openapi.yaml");
  writeFileSync(path, text);
  return path;
}

const HEADER = "openapi: 3.1.0\ninfo: { title: Fixture, version: '1' }\n";

describe("loadSpec", () => {
  test("reads the spec by default, as written", async () => {
    const spec = await loadSpec();
    expect(spec.path).toBe(specPath);
    expect(specPath).toMatch(/openapi\.yaml$/);
    expect(spec.document.openapi).toBe("3.1.0");
    expect(spec.document.paths?.["/v1/calls/{callId}"]?.parameters).toEqual([
      { $ref: "#/components/parameters/CallId" },
    ]);
    expectTypeOf(spec.document).toEqualTypeOf<OpenAPIV3_1.Document>();
  });

  test("resolve follows a $ref to its target and returns any other node as it is", async () => {
    const spec = await loadSpec();
    const notFound = spec.resolve<OpenAPIV3_1.ResponseObject>({ $ref: "#/components/responses/NotFound" });
    expect(notFound).toBe(spec.document.components?.responses?.NotFound);
    const call = spec.document.components?.schemas?.Call;
    expect(spec.resolve(call)).toBe(call);
  });

  test("resolve follows a $ref that leads to another $ref", async () => {
    const spec = await loadSpec(
      documentFile(`${HEADER}paths: {}
components:
  schemas:
    Id: { $ref: '#/components/schemas/Text' }
    Text: { type: string }
    Holder: { properties: { id: { $ref: '#/components/schemas/Id' } } }
`),
    );
    expect(spec.resolve({ $ref: "#/components/schemas/Id" })).toEqual({ type: "string" });
  });

  test("operations: every operation in document order, with the path's parameters resolved", async () => {
    const spec = await loadSpec();
    const operations = spec.operations();
    expect(operations.map(({ method, path, operation }) => `${method} ${path} ${operation.operationId}`)).toEqual([
      "get /v1/calls listCalls",
      "post /v1/calls createCall",
      "get /v1/calls/{callId} getCall",
      "delete /v1/calls/{callId} deleteCall",
    ]);
    const getCall = operations.find(({ operation }) => operation.operationId === "getCall");
    expect(getCall?.parameters).toEqual([spec.document.components?.parameters?.CallId]);
  });

  test("operations: an operation's parameter replaces the path's parameter of the same name and location", async () => {
    const spec = await loadSpec(
      documentFile(`${HEADER}paths:
  /things/{id}:
    parameters:
      - { name: id, in: path, required: true, schema: { type: string } }
      - { name: verbose, in: query, schema: { type: boolean } }
    get:
      operationId: getThing
      parameters:
        - { name: id, in: path, required: true, schema: { type: string, minLength: 3 } }
      responses: { '200': { description: ok } }
`),
    );
    const [getThing] = spec.operations();
    expect(getThing?.parameters.map(({ name, schema }) => [name, schema])).toEqual([
      ["verbose", { type: "boolean" }],
      ["id", { type: "string", minLength: 3 }],
    ]);
  });

  test("responseExample: a named example of an operation's response, or an error naming what is missing", async () => {
    const spec = await loadSpec();
    const seed = spec.responseExample("listCalls", "200", "seed") as { data: { callId: string }[] };
    expect(seed.data[0]?.callId).toBe("call-AuUKK371Spr5nHJS");
    expect(() => spec.responseExample("listCalls", "200", "nope")).toThrow(/listCalls has no 200 example named "nope"/);
    expect(() => spec.responseExample("frob", "200", "seed")).toThrow(/frob has no 200 example/);
  });

  test("broken YAML fails with the file, line and column", async () => {
    // The description is one space short of the summary's indentation.
    const path = documentFile(`${HEADER}paths:\n  /calls:\n    get:\n      summary: List\n     description: Lists\n`);
    await expect(loadSpec(path)).rejects.toThrow(
      `Cannot load the OpenAPI document ${path}: invalid YAML at line 7, column 6: bad indentation of a mapping entry`,
    );
  });

  test("a missing file fails with its path", async () => {
    await expect(loadSpec("/nonexistent/openapi.yaml")).rejects.toThrow(
      /Cannot load the OpenAPI document \/nonexistent\/openapi\.yaml: .*no such file/,
    );
  });

  test("a file that is not an OpenAPI document fails with its path", async () => {
    const path = documentFile("just a sentence\n");
    await expect(loadSpec(path)).rejects.toThrow(`Cannot load the OpenAPI document ${path}`);
  });

  test("a $ref that points at nothing fails, naming the $ref", async () => {
    const path = documentFile(`${HEADER}paths: {}
components:
  schemas:
    Call: { properties: { status: { $ref: '#/components/schemas/CallStatus' } } }
`);
    await expect(loadSpec(path)).rejects.toThrow(
      `Cannot load the OpenAPI document ${path}: $ref points at nothing: #/components/schemas/CallStatus`,
    );
  });
});

describe("dereference", () => {
  test("replaces every $ref with its target and leaves the document it was given alone", async () => {
    const { document } = await loadSpec();
    const before = structuredClone(document);
    const dereferenced = await dereference(document);
    expect(JSON.stringify(dereferenced)).not.toContain('"$ref"');
    expect(dereferenced.paths?.["/v1/calls/{callId}"]?.parameters).toEqual([document.components?.parameters?.CallId]);
    expect(document).toEqual(before);
  });

  test("refuses a recursive schema, which would dereference to a cycle", async () => {
    const { document } = await loadSpec(
      documentFile(`${HEADER}paths: {}
components:
  schemas:
    Node: { type: object, properties: { next: { $ref: '#/components/schemas/Node' } } }
`),
    );
    await expect(dereference(document)).rejects.toThrow(/a \$ref leads back to itself/);
  });
});

test("withoutDocumentation drops only the keywords that document, at every depth, keeps properties of those names, and leaves its input as it was", () => {
  const schema = {
    description: "a call",
    type: "object",
    properties: { status: { title: "Status", enum: ["ended"], examples: ["ended"] }, summary: { type: "string" } },
    anyOf: [{ example: 1, type: "integer" }],
  };
  const copy = structuredClone(schema);
  expect(withoutDocumentation(schema)).toEqual({
    type: "object",
    properties: { status: { enum: ["ended"] }, summary: { type: "string" } },
    anyOf: [{ type: "integer" }],
  });
  expect(schema).toEqual(copy);
});
