// Every error status the spec documents, forced from the mock with `Prefer: code=…`, surfaces as its class.
import type {} from "@sigmamind/mock/vitest";
import { loadSpec } from "@sigmamind/spec";
import { describe, expect, inject, test } from "vitest";
import {
  type APIError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
  SigmaMind,
  UnprocessableEntityError,
} from "../../src/index.js";
import { recordViolations } from "../support/violations.js";

const spec = await loadSpec();
const prism = recordViolations();
// No retries: a forced 429 or 500 would come back the same each time.
const client = new SigmaMind({
  apiKey: "test-api-key",
  baseUrl: inject("sigmamindMockUrl"),
  fetch: prism.fetch,
  maxRetries: 0,
});

const ERROR_CLASS: Record<string, typeof APIError> = {
  "400": BadRequestError,
  "401": AuthenticationError,
  "404": NotFoundError,
  "422": UnprocessableEntityError,
  "429": RateLimitError,
  "500": InternalServerError,
};

const callOperation: Record<string, (headers: Record<string, string>) => Promise<unknown>> = {
  listCalls: async (headers) => client.calls.list({}, { headers }),
  getCall: (headers) => client.calls.get("call-AuUKK371Spr5nHJS", { headers }),
  createCall: (headers) =>
    client.calls.create(
      { fromPhoneNumber: "+14155552671", toPhoneNumber: "+14155550123", agentId: "D5D0p7TUs66TTAEAx" },
      { headers },
    ),
  deleteCall: (headers) => client.calls.delete("call-AuUKK371Spr5nHJS", { headers }),
};

const cases = spec.operations().flatMap(({ operation }) =>
  Object.keys(operation.responses ?? {})
    .filter((status) => Number(status) >= 400)
    .map((status) => ({ operation: operation.operationId as string, status })),
);

describe("documented error statuses", () => {
  test("every operation is covered", () => {
    expect(new Set(cases.map(({ operation }) => operation))).toEqual(new Set(Object.keys(callOperation)));
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  test.each(cases)(
    "$operation: $status surfaces as its error class with the documented body",
    async ({ operation, status }) => {
      const run = callOperation[operation] as (headers: Record<string, string>) => Promise<unknown>;
      const error = (await run({ Prefer: `code=${status}` }).catch((caught: unknown) => caught)) as APIError;
      expect(error).toBeInstanceOf(ERROR_CLASS[status]);
      expect(error.status).toBe(Number(status));
      expect(error.error?.status).toBe(Number(status));
      expect(error.message).toContain(`${status} ${error.error?.error}`);
    },
  );
});

describe("what the mock adds to a forced status", () => {
  test("a 429 says how long to wait", async () => {
    const error = (await client.calls.list({}, { headers: { Prefer: "code=429" } }).catch((caught) => caught)) as
      | RateLimitError
      | undefined;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error?.retryAfterMs).toBe(2000);
  });

  test("a status the operation does not document is Prism's 404, whose message says so", async () => {
    const error = (await client.calls.list({}, { headers: { Prefer: "code=418" } }).catch((caught) => caught)) as
      | APIError
      | undefined;
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error?.headers.get("content-type")).toBe("application/problem+json");
    expect(error?.message).toContain("Requested status code 418 is not defined in the document");
  });
});
