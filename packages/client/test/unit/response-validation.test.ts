import { describe, expect, test } from "vitest";
import { ResponseValidationError, SigmaMind } from "../../src/index.js";
import { fakeFetch, json } from "../support/fake-fetch.js";
import { seedPageExample } from "../support/seed-page.js";

const seedPage = seedPageExample() as { data: Record<string, unknown>[] } & Record<string, unknown>;
const seedCall = seedPage.data[0] as Record<string, unknown>;

function client(body: unknown, validateResponses = true) {
  const { fetch } = fakeFetch(() => json(200, body));
  return new SigmaMind({ apiKey: "test-key", fetch, validateResponses });
}

async function validationError(promise: PromiseLike<unknown>): Promise<ResponseValidationError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ResponseValidationError);
    return error as ResponseValidationError;
  }
  throw new Error("expected a ResponseValidationError");
}

describe("with validateResponses on", () => {
  test("the seed page passes", async () => {
    await expect(client(seedPage).calls.list()).resolves.toMatchObject(seedPage);
  });

  test("extra fields, unknown enum values and both phone number forms pass", async () => {
    const drifted = {
      ...seedCall,
      status: "on-hold",
      callType: "sip",
      terminationReason: "network_dropped",
      sentiment: "positive",
      phoneNumber: { ...(seedCall.phoneNumber as object), sipPhoneNumber: "+14155552671", provider: "vonage" },
    };
    await expect(client({ ...seedPage, data: [drifted], nextCursor: "abc" }).calls.list()).resolves.toBeDefined();
    await expect(client(drifted).calls.get(seedCall.callId as string)).resolves.toMatchObject({ status: "on-hold" });
  });

  test.each([
    [
      "a wrong type deep in the list",
      { ...seedPage, data: [seedCall, { ...seedCall, duration: "120" }] },
      "data[1].duration",
      /must be integer/,
    ],
    ["a missing required field", { ...seedPage, data: [{ ...seedCall, callId: undefined }] }, "data[0]", /callId/],
    ["a missing envelope field", { ...seedPage, hasNext: undefined }, "", /hasNext/],
    ["a negative page size", { ...seedPage, size: -1 }, "size", /must be >= 0/],
    [
      "a date that is not a date-time",
      { ...seedPage, data: [{ ...seedCall, createdAt: "yesterday" }] },
      "data[0].createdAt",
      /date-time/,
    ],
    [
      "a nested campaign field",
      { ...seedPage, data: [{ ...seedCall, campaign: { campaignId: 7 } }] },
      "data[0].campaign",
      /./,
    ],
  ])("%s is a ResponseValidationError naming the path", async (_name, body, path, problem) => {
    const error = await validationError(client(JSON.parse(JSON.stringify(body))).calls.list());
    expect(error.operation).toBe("listCalls");
    expect(error.path.startsWith(path)).toBe(true);
    expect(error.message).toMatch(problem);
    expect(error.message).toContain(`breaks the API contract at ${error.path || "the body"}`);
    expect(error.status).toBe(200);
  });

  test("the message names the type found, never the value, which may be personal data", async () => {
    const error = await validationError(
      client({ ...seedCall, duration: "+14155550123" }).calls.get(seedCall.callId as string),
    );
    expect(error.path).toBe("duration");
    expect(error.message).toContain("(got string)");
    expect(error.message).not.toContain("+14155550123");
  });

  test("create's response is checked too", async () => {
    const error = await validationError(
      client({ callId: 1, status: "scheduled" }).calls.create({
        fromPhoneNumber: "+14155552671",
        toPhoneNumber: "+14155550123",
        agentId: "agent-1",
      }),
    );
    expect(error.operation).toBe("createCall");
    expect(error.path).toBe("callId");
  });
});

describe("with validateResponses off (the default)", () => {
  test("a body that breaks the schema is returned as it came", async () => {
    const broken = { ...seedPage, data: [{ ...seedCall, duration: "120" }] };
    const page = await client(broken, false).calls.list();
    expect(page.data[0]?.duration).toBe("120");
  });
});
