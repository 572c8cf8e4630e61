// The client against a Prism mock of spec/openapi.yaml: what the client sends must satisfy the contract,
// and what the contract allows the server to send must come back typed.
// Brings in the type of inject("sigmamindMockUrl").
import type {} from "@sigmamind/mock/vitest";
import { describe, expect, expectTypeOf, inject, test } from "vitest";
import {
  AuthenticationError,
  type Call,
  type CallListResponse,
  NotFoundError,
  SigmaMind,
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
    expectTypeOf(page).toEqualTypeOf<CallListResponse>();
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
  ])("%s is rejected with 422", async (_name, params, violation) => {
    prism.expectViolation(violation);
    const error = await client.calls.list(params).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect((error as UnprocessableEntityError).status).toBe(422);
    expect(prism.violations()).toHaveLength(1);
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
