// How a call created in the sandbox lives on the sandbox's clock: `scheduled`, then `in-progress` once it
// connects, then `ended`; or, for a number that does not answer, `not-connected`. Which one, and how long the
// call lasts, is decided by the sandbox's seed and the numbers, so a test that places the same call on the same
// seed sees the same call every time.
import { en, Faker } from "@faker-js/faker";
import type { Call, CreateCallRequest } from "@sigmamind/types";

/** How long a created call waits before it connects, or before a number that does not answer gives up. */
export const CONNECT_AFTER_MS = 5_000;
export const NO_ANSWER_AFTER_MS = 30_000;

export interface CreatedCall {
  readonly callId: string;
  readonly request: CreateCallRequest;
  readonly createdAt: number;
  /** Undefined for a call that never connects. */
  readonly connectsAt: number | undefined;
  readonly endsAt: number;
  readonly terminationReason: string;
  readonly agentName: string;
}

/** Plans a call placed at `createdAt`: whether it connects, for how long, and why it ends. */
export function planCall(seed: number, serial: number, request: CreateCallRequest, createdAt: number): CreatedCall {
  const faker = new Faker({ locale: [en] });
  faker.seed([seed, serial, ...digitsOf(request.fromPhoneNumber), ...digitsOf(request.toPhoneNumber)]);
  const callId = `call-${faker.string.alphanumeric(16)}`;
  const agentName = `${faker.person.firstName()} Agent`;
  // One number in five does not answer.
  if (faker.number.int({ min: 0, max: 4 }) === 0) {
    return {
      callId,
      request,
      createdAt,
      connectsAt: undefined,
      endsAt: createdAt + NO_ANSWER_AFTER_MS,
      terminationReason: faker.helpers.arrayElement(["no-answer", "busy"]),
      agentName,
    };
  }
  const connectsAt = createdAt + CONNECT_AFTER_MS;
  return {
    callId,
    request,
    createdAt,
    connectsAt,
    endsAt: connectsAt + faker.number.int({ min: 30, max: 300 }) * 1000,
    terminationReason: faker.helpers.arrayElement(["customer_ended_call", "agent_ended_call"]),
    agentName,
  };
}

/** The call as the API would show it at `now`. */
export function callAt(planned: CreatedCall, now: number): Call {
  const { connectsAt, endsAt, request } = planned;
  const ended = now >= endsAt;
  const connected = connectsAt !== undefined && now >= connectsAt;
  const status = ended
    ? connectsAt === undefined
      ? "not-connected"
      : "ended"
    : connected
      ? "in-progress"
      : "scheduled";
  const changedAt = ended ? endsAt : connected ? (connectsAt as number) : planned.createdAt;
  return {
    callId: planned.callId,
    callType: "outbound",
    phoneNumber: { sipPhoneNumber: request.fromPhoneNumber, outboundAgentId: request.agentId, active: true },
    campaign: null,
    status,
    startTime: connected ? iso(connectsAt as number) : null,
    endTime: ended ? iso(endsAt) : null,
    duration: ended ? (connectsAt === undefined ? 0 : Math.round((endsAt - connectsAt) / 1000)) : null,
    terminationReason: ended ? planned.terminationReason : null,
    createdAt: iso(planned.createdAt),
    updatedAt: iso(changedAt),
    dynamicVariables: request.dynamicVariables ?? {},
    recordingUrl: null,
    agent: { agentId: request.agentId, name: planned.agentName, status: "active" },
  };
}

function digitsOf(phoneNumber: string): number[] {
  return [...phoneNumber.replace(/\D/g, "")].map(Number);
}

function iso(milliseconds: number): string {
  return new Date(milliseconds).toISOString();
}
