import { describe, expectTypeOf, test } from "vitest";
import type {
  Agent,
  Call,
  CallListResponse,
  CallStatus,
  CallType,
  Campaign,
  CreateCallRequest,
  ErrorResponse,
  operations,
  PhoneNumber,
  PhoneNumberValue,
  paths,
  TerminationReason,
} from "../src/index.js";

describe("open enums", () => {
  test("known values are part of the type, so editors offer them", () => {
    expectTypeOf<"ended">().toExtend<CallStatus>();
    expectTypeOf<"inbound" | "outbound" | "web">().toExtend<CallType>();
    expectTypeOf<"customer_ended_call">().toExtend<TerminationReason>();
    expectTypeOf<CallStatus>().not.toEqualTypeOf<string>();
  });

  test("a value the server adds tomorrow still type-checks", () => {
    expectTypeOf<"on-hold">().toExtend<CallStatus>();
    expectTypeOf<string>().toExtend<CallType>();
  });
});

describe("Call", () => {
  test("identity and status are always present", () => {
    expectTypeOf<Call["callId"]>().toEqualTypeOf<string>();
    expectTypeOf<Call["status"]>().toEqualTypeOf<CallStatus>();
  });

  test("fields that are null until the call ends say so", () => {
    expectTypeOf<null>().toExtend<Call["terminationReason"]>();
    expectTypeOf<null>().toExtend<Call["endTime"]>();
    expectTypeOf<null>().toExtend<Call["campaign"]>();
    expectTypeOf<undefined>().toExtend<Call["campaign"]>();
  });

  test("nesting follows the seed page", () => {
    expectTypeOf<NonNullable<Call["phoneNumber"]>>().toEqualTypeOf<PhoneNumber>();
    expectTypeOf<NonNullable<Call["campaign"]>>().toEqualTypeOf<Campaign>();
    expectTypeOf<NonNullable<Campaign["agent"]>>().toEqualTypeOf<Agent>();
    expectTypeOf<NonNullable<Campaign["phoneNumber"]>>().toEqualTypeOf<PhoneNumber>();
  });

  test("phone numbers come as JSON numbers or strings", () => {
    expectTypeOf<PhoneNumberValue>().toEqualTypeOf<number | string>();
  });
});

describe("operations", () => {
  test("the list returns the page envelope", () => {
    type Ok = operations["listCalls"]["responses"][200]["content"]["application/json"];
    expectTypeOf<Ok>().toEqualTypeOf<CallListResponse>();
    expectTypeOf<CallListResponse["data"]>().toEqualTypeOf<Call[]>();
  });

  test("list query parameters are optional and typed", () => {
    type Query = NonNullable<paths["/v1/calls"]["get"]["parameters"]["query"]>;
    expectTypeOf<Query>().toEqualTypeOf<{ status?: CallStatus; page?: number; size?: number }>();
  });

  test("create requires both numbers and the agent", () => {
    expectTypeOf<CreateCallRequest>().toHaveProperty("fromPhoneNumber");
    expectTypeOf<{ fromPhoneNumber: string }>().not.toExtend<CreateCallRequest>();
  });

  test("errors carry the documented body", () => {
    type NotFound = operations["getCall"]["responses"][404]["content"]["application/json"];
    expectTypeOf<NotFound>().toEqualTypeOf<ErrorResponse>();
  });
});
