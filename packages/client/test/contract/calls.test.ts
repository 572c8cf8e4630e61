// The client against a Prism mock of spec/openapi.yaml: what the client sends must satisfy the contract,
// and what the contract allows the server to send must come back typed.
// Brings in the type of inject("sigmamindMockUrl").
import type {} from "@sigmamind/mock/vitest";
import { describe, expect, expectTypeOf, inject, test } from "vitest";
import {
  AuthenticationError,
  type Call,
  type CallListResponse,
  type CallsPage,
  NotFoundError,
  SigmaMind,
  SigmaMindError,
  UnprocessableEntityError,
} from "../../src/index.js";
import { seedPageExample } from "../support/seed-page.js";
import { recordViolations } from "../support/violations.js";

const baseUrl = inject("sigmamindMockUrl");
const prism = recordViolations();
const client = new SigmaMind({ apiKey: "test-api-key", baseUrl, fetch: prism.fetch });

describe("calls.list", () => {
  test("list: only required params", async () => {
    const page = await client.calls.list();
    expectTypeOf(page).toEqualTypeOf<CallsPage>();
    expectTypeOf(page).toExtend<CallListResponse>();
    expect(page).toEqual(seedPageExample());
  });

  test("list: required and optional params", async () => {
    const page = await client.calls.list({ status: "ended", page: 0, size: 10 });
    expect(page.data[0]?.callId).toBe("call-AuUKK371Spr5nHJS");
    expectTypeOf(page.data).toEqualTypeOf<Call[]>();
  });

  test("a request without a key is rejected with 401", async () => {
    prism.expectViolation(/"code":401/);
    const keyless = new SigmaMind({
      apiKey: "unused",
      baseUrl,
      fetch: (request) => {
        request.headers.delete("X-API-Key");
        return prism.fetch(request);
      },
    });
    await expect(keyless.calls.list()).rejects.toBeInstanceOf(AuthenticationError);
    expect(prism.violations()).toHaveLength(1);
  });

  test.each([
    ["a negative page", { page: -1 }, /"page"/],
    ["a size below 1", { size: 0 }, /"size"/],
    ["a page that is not an integer", { page: 1.5 }, /"page"/],
    ["a size that is not a number", { size: "ten" as unknown as number }, /"size"/],
  ])("the mock rejects %s with 422, and the client refuses it before sending", async (_name, params, violation) => {
    prism.expectViolation(violation);
    const { error, response } = await client.raw.GET("/v1/calls", { params: { query: params } });
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(prism.violations()).toHaveLength(1);

    await expect(client.calls.list(params)).rejects.toThrow(SigmaMindError);
    expect(prism.violations()).toHaveLength(1);
  });

  test("a 422 from the server surfaces as UnprocessableEntityError", async () => {
    const error = await client.calls.list({}, { headers: { Prefer: "code=422" } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect((error as UnprocessableEntityError).status).toBe(422);
  });
});

describe("calls.get", () => {
  test("get: only required params", async () => {
    const call = await client.calls.get("call-AuUKK371Spr5nHJS");
    expectTypeOf(call).toEqualTypeOf<Call>();
    expect(call.callId).toBe("call-AuUKK371Spr5nHJS");
    expect(call.status).toBe("ended");
  });

  test("a 404 surfaces as NotFoundError with the server's body", async () => {
    const error = await client.calls
      .get("call-missing", { headers: { Prefer: "code=404" } })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).error?.message).toBe("Call not found");
  });
});

describe("calls.create", () => {
  test("create: only required params", async () => {
    const call = await client.calls.create({
      fromPhoneNumber: "+14155552671",
      toPhoneNumber: "+14155550123",
      agentId: "D5D0p7TUs66TTAEAx",
    });
    expect(call.callId).toBe("call_AuUKK371Spr5nHJS");
    expect(call.terminationReason).toBeNull();
  });

  test("create: required and optional params", async () => {
    const call = await client.calls.create({
      fromPhoneNumber: "+14155552671",
      toPhoneNumber: "+14155550123",
      agentId: "D5D0p7TUs66TTAEAx",
      dynamicVariables: { customer_name: "Michael", attempt: 2, vip: true },
    });
    expect(call.dynamicVariables).toEqual({ customer_name: "Michael" });
  });
});

describe("calls.delete", () => {
  test("delete: only required params", async () => {
    await expect(client.calls.delete("call-AuUKK371Spr5nHJS")).resolves.toBeUndefined();
  });
});

describe("with validateResponses on, every example the mock serves is accepted", () => {
  const validating = new SigmaMind({ apiKey: "test-api-key", baseUrl, fetch: prism.fetch, validateResponses: true });

  test("list, get and create", async () => {
    await expect(validating.calls.list()).resolves.toMatchObject({ totalCounts: 123 });
    await expect(validating.calls.get("call-AuUKK371Spr5nHJS")).resolves.toMatchObject({ status: "ended" });
    await expect(
      validating.calls.create({ fromPhoneNumber: "+14155552671", toPhoneNumber: "+14155550123", agentId: "a-1" }),
    ).resolves.toMatchObject({ status: "scheduled" });
  });

  test("iterating the list yields the mock's call and stops at maxItems", async () => {
    const ids: string[] = [];
    for await (const call of validating.calls.list({ size: 1 }, { maxItems: 1, prefetchPages: 2 }))
      ids.push(call.callId);
    expect(ids).toEqual(["call-AuUKK371Spr5nHJS"]);
  });
});
