import { describe, expect, test } from "vitest";
import { operations, resolve, responseExample, spec, validatorFor } from "./load-spec.js";

const seedCall = responseExample("listCalls", "200", "seed").data[0];

describe("every operation is documented", () => {
  test.each(operations())("$method $path has an id, summary, description and tags", ({ operation }) => {
    expect(operation.operationId).toMatch(/^[a-z][A-Za-z]+$/);
    expect(operation.summary).toBeTruthy();
    expect(operation.description).toBeTruthy();
    expect(operation.tags).toEqual(["Calls"]);
  });

  test.each(operations())("$method $path documents its error responses", ({ path, operation }) => {
    const statuses = Object.keys(operation.responses ?? {});
    const expected = ["200", "401", "422", "429", "500"];
    if (path.includes("{callId}")) expected.push("404");
    else expected.push("400");
    expect(statuses.sort()).toEqual(expected.sort());
  });

  test.each(operations())("$method $path has a valid example for every response with a body", ({ operation }) => {
    for (const [status, reference] of Object.entries(operation.responses ?? {})) {
      const content = resolve(reference).content?.["application/json"];
      if (!content) continue;
      const examples = Object.values(content.examples ?? {});
      expect(examples.length, status).toBeGreaterThan(0);
      const validate = validatorFor(content.schema);
      for (const example of examples as { value: unknown }[]) {
        expect(validate(example.value), `${status}: ${JSON.stringify(validate.errors)}`).toBe(true);
        if (status !== "200") expect((example.value as { status: number }).status).toBe(Number(status));
      }
    }
  });

  // Prism's static mock sends a header's example; without one it sends the word "string" as the value.
  test.each(operations())("$method $path has a valid example for every response header", ({ operation }) => {
    for (const [status, reference] of Object.entries(operation.responses ?? {})) {
      for (const [name, header] of Object.entries(resolve(reference).headers ?? {})) {
        const { schema, example } = resolve(header);
        expect(example, `${status} ${name}`).toBeDefined();
        const validate = validatorFor(schema);
        expect(validate(example), `${status} ${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
      }
    }
  });

  test("the create request example is valid", () => {
    const content = spec.paths["/v1/calls"].post.requestBody.content["application/json"];
    const validate = validatorFor(content.schema);
    for (const example of Object.values(content.examples) as { value: unknown }[]) {
      expect(validate(example.value), JSON.stringify(validate.errors)).toBe(true);
    }
  });
});

describe("a response the server may send tomorrow still validates", () => {
  const validateCall = validatorFor("Call");

  test.each([
    ["an unknown call status", { status: "on-hold" }],
    ["an older status value", { status: "completed" }],
    ["an unknown call type", { callType: "sip-trunk" }],
    ["an unknown termination reason", { terminationReason: "network_dropped" }],
    ["a call that has not ended", { terminationReason: null, endTime: null, duration: null, recordingUrl: null }],
    ["a call outside a campaign (null)", { campaign: null }],
    ["an extra field", { sentiment: "positive" }],
    ["create's dynamicVariables and transcript", { dynamicVariables: { plan: "gold" }, transcript: "Hi" }],
    ["an unknown provider", { phoneNumber: { ...seedCall.phoneNumber, provider: "vonage" } }],
    ["phone numbers as E.164 strings", { phoneNumber: { ...seedCall.phoneNumber, sipPhoneNumber: "+14155552671" } }],
    ["an unknown campaign status", { campaign: { ...seedCall.campaign, campaignStatus: "archived" } }],
    ["an agent status seen in the docs", { agent: { ...seedCall.agent, status: "Testing" } }],
  ])("%s", (_name, change) => {
    const call = { ...seedCall, ...change };
    expect(validateCall(call), JSON.stringify(validateCall.errors)).toBe(true);
  });

  test("a call without a campaign (absent)", () => {
    const { campaign: _campaign, ...call } = seedCall;
    expect(validateCall(call)).toBe(true);
  });
});

describe("what the spec rejects", () => {
  const validateCall = validatorFor("Call");
  const validateCreate = validatorFor("CreateCallRequest");
  const create = { fromPhoneNumber: "+14155552671", toPhoneNumber: "+14155550123", agentId: "D5D0p7TUs66TTAEAx" };

  test.each([
    ["a call without callId", { callId: undefined }],
    ["a numeric status", { status: 3 }],
    ["a duration as text", { duration: "120" }],
    ["a createdAt that is not a date-time", { createdAt: "yesterday" }],
  ])("%s", (_name, change) => {
    expect(validateCall(JSON.parse(JSON.stringify({ ...seedCall, ...change })))).toBe(false);
  });

  test.each(["page", "size", "totalCounts", "totalPages"])("a list page with a negative %s", (field) => {
    const validateList = validatorFor("CallListResponse");
    const seedPage = responseExample("listCalls", "200", "seed");
    expect(validateList({ ...seedPage, [field]: 0 })).toBe(true);
    expect(validateList({ ...seedPage, [field]: -1 })).toBe(false);
  });

  test("a valid create request passes", () => {
    expect(validateCreate(create), JSON.stringify(validateCreate.errors)).toBe(true);
  });

  test.each([
    ["a number without +", { toPhoneNumber: "14155550123" }],
    ["a number starting with +0", { toPhoneNumber: "+04155550123" }],
    ["a number too short", { fromPhoneNumber: "+12345" }],
    ["a number too long", { fromPhoneNumber: "+1234567890123456" }],
    ["an empty agentId", { agentId: "" }],
    ["an agentId over 64 characters", { agentId: "a".repeat(65) }],
    ["a missing agentId", { agentId: undefined }],
    ["a nested dynamic variable", { dynamicVariables: { customer: { name: "Michael" } } }],
  ])("create with %s", (_name, change) => {
    expect(validateCreate(JSON.parse(JSON.stringify({ ...create, ...change })))).toBe(false);
  });
});
