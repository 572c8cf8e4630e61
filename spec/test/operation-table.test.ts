// The operation table every package reads its operations from: the naming rule, its override, and what each
// entry says of the spec's operations.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadSpec } from "@sigmamind/spec";
import { operationName, operationTable } from "@sigmamind/spec/operation-table";
import { afterEach, describe, expect, test } from "vitest";

const scratch: string[] = [];
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function tableOf(paths: string) {
  const dir = mkdtempSync(join(tmpdir(), "sigmamind-table-"));
  scratch.push(dir);
  const path = join(dir, "openapi.yaml");
  writeFileSync(path, `openapi: 3.1.0\ninfo: { title: Fixture, version: '1' }\npaths:\n${paths}`);
  return operationTable(await loadSpec(path));
}

describe("the operation table of the spec", () => {
  test("names the calls operations by the rule: resource from the path, method from the operationId", async () => {
    const table = operationTable(await loadSpec());
    expect(table.map(({ id, label, command }) => [id, label, command.join(" ")])).toEqual([
      ["listCalls", "calls.list", "calls list"],
      ["createCall", "calls.create", "calls create"],
      ["getCall", "calls.get", "calls get"],
      ["deleteCall", "calls.delete", "calls delete"],
    ]);
  });

  test("says what each operation takes and gives", async () => {
    const byId = Object.fromEntries(operationTable(await loadSpec()).map((entry) => [entry.id, entry]));
    expect(byId.listCalls?.success).toEqual({ status: 200, kind: "page", schema: "CallListResponse", item: "Call" });
    expect(byId.listCalls?.queryParameters.map(({ name, flag }) => [name, flag])).toEqual([
      ["status", "--status"],
      ["page", "--page"],
      ["size", "--size"],
    ]);
    expect(byId.listCalls?.queryParameters.find(({ name }) => name === "size")?.schema).toMatchObject({
      type: "integer",
      default: 10,
    });
    expect(byId.createCall?.body?.fields.filter(({ required }) => required).map(({ flag }) => flag)).toEqual([
      "--from-phone-number",
      "--to-phone-number",
      "--agent-id",
    ]);
    expect(byId.createCall?.safeToRepeat).toBe(false);
    expect(byId.getCall?.pathParameters).toMatchObject([{ name: "callId", argument: "CALL_ID", required: true }]);
    expect(byId.getCall?.success).toEqual({ status: 200, kind: "object", schema: "Call" });
    expect(byId.deleteCall?.success.kind).toBe("nothing");
    expect(byId.deleteCall?.safeToRepeat).toBe(true);
    expect(byId.getCall?.statuses).toContain(404);
    expect(Object.values(byId).map((entry) => entry?.keyField)).toEqual(["callId", "callId", "callId", "callId"]);
    expect(byId.getCall?.responses.find(({ status }) => status === 404)).toMatchObject({ schema: "ErrorResponse" });
    expect(byId.listCalls?.responses.find(({ status }) => status === 429)?.headers).toContainEqual({
      name: "Retry-After",
      required: expect.any(Boolean),
    });
  });

  test("x-sigmamind-name overrides the rule", async () => {
    const table = await tableOf(
      "  /v1/calls/{callId}/stop:\n    post:\n      operationId: stopCall\n      x-sigmamind-name: calls.hangUp\n      responses: { '204': { description: ok } }\n",
    );
    expect(table[0]).toMatchObject({
      resource: "calls",
      name: "hangUp",
      label: "calls.hangUp",
      command: ["calls", "hang-up"],
    });
  });

  test("a kebab-case path segment becomes a camelCase resource", () => {
    expect(operationName("/v1/phone-numbers", { operationId: "listPhoneNumbers" })).toEqual({
      resource: "phoneNumbers",
      method: "list",
    });
  });

  test("a name the rule cannot give, a bad override or two operations of one name are errors naming the operation", async () => {
    expect(() => operationName("/v1/{id}", { operationId: "getThing" })).toThrow(
      /getThing: its path \/v1\/\{id\} names no resource/,
    );
    expect(() => operationName("/v1/calls", { operationId: "Calls" })).toThrow(/operationId starting with a verb/);
    expect(() => operationName("/v1/calls", { operationId: "x", "x-sigmamind-name": "calls" } as never)).toThrow(
      /x-sigmamind-name must be "resource.method"/,
    );
    await expect(
      tableOf(
        "  /v1/calls:\n    get:\n      operationId: listCalls\n      responses: { '200': { description: ok } }\n  /v2/calls:\n    get:\n      operationId: listCalls2\n      x-sigmamind-name: calls.list\n      responses: { '200': { description: ok } }\n",
      ),
    ).rejects.toThrow(/listCalls2 and listCalls are both named calls.list/);
  });
});
