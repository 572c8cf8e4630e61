// How a call lives on the sandbox's clock: `scheduled`, then `in-progress` once it connects, then `ended`; or,
// for a number that does not answer, `not-connected`. A created call gets a plan when it is placed; a seeded call
// that is `scheduled` or `in-progress` gets one from its own id, so it moves along the same way. Which way a
// created call goes, and how long it lasts, is decided by the sandbox's seed, the world's count of calls placed
// and the numbers, so a test that places the same calls on the same seed sees the same calls every run.
import { faker } from "@faker-js/faker/locale/en";
import type { Call, CreateCallRequest } from "@sigmamind/types";

/** How long a created call waits before it connects, or before a number that does not answer gives up. */
export const CONNECT_AFTER_MS = 5_000;
export const NO_ANSWER_AFTER_MS = 30_000;
/** An answered call lasts from 30 s to 5 min. */
const SHORTEST_CALL_S = 30;
const LONGEST_CALL_S = 300;

export interface Lifecycle {
  readonly createdAt: number;
  /** Undefined for a call that never connects. */
  readonly connectsAt: number | undefined;
  readonly endsAt: number;
  readonly terminationReason: string;
}

/** A stored call: what never changes, and, for a call that is still to end, its plan. */
export interface StoredCall {
  readonly call: Call;
  readonly lifecycle: Lifecycle | undefined;
}

const ID_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/**
 * Plans a call placed at `createdAt`. `placed` counts the calls placed in this world since it (re)started, and
 * decides the call's fate with the seed; `serial` counts every call the sandbox ever placed, and ends its id, so
 * no id is given twice, across worlds and resets.
 */
export function placeCall(
  seed: number,
  placed: number,
  serial: number,
  request: CreateCallRequest,
  createdAt: number,
): StoredCall {
  faker.seed([seed, placed, ...digitsOf(request.fromPhoneNumber), ...digitsOf(request.toPhoneNumber)]);
  const callId = `call-${faker.string.alphanumeric(10)}${base62(serial, 6)}`;
  const agentName = `${faker.person.firstName()} Agent`;
  // One number in five does not answer.
  const answered = faker.number.int({ min: 0, max: 4 }) !== 0;
  const connectsAt = answered ? createdAt + CONNECT_AFTER_MS : undefined;
  const lifecycle: Lifecycle = answered
    ? {
        createdAt,
        connectsAt,
        endsAt: createdAt + CONNECT_AFTER_MS + faker.number.int({ min: SHORTEST_CALL_S, max: LONGEST_CALL_S }) * 1000,
        terminationReason: faker.helpers.arrayElement(["customer_ended_call", "agent_ended_call"]),
      }
    : {
        createdAt,
        connectsAt: undefined,
        endsAt: createdAt + NO_ANSWER_AFTER_MS,
        terminationReason: faker.helpers.arrayElement(["no-answer", "busy"]),
      };
  const call: Call = {
    callId,
    callType: "outbound",
    phoneNumber: { sipPhoneNumber: request.fromPhoneNumber, outboundAgentId: request.agentId, active: true },
    campaign: null,
    status: "scheduled",
    startTime: null,
    endTime: null,
    duration: null,
    terminationReason: null,
    createdAt: iso(createdAt),
    updatedAt: iso(createdAt),
    dynamicVariables: request.dynamicVariables ?? {},
    recordingUrl: null,
    agent: { agentId: request.agentId, name: agentName, status: "active" },
  };
  return { call, lifecycle };
}

/**
 * A seeded call as stored: one that is `scheduled` or `in-progress` at `start` gets a plan, drawn from its id,
 * that connects it within a minute and ends it within five; any other stays as it was seeded.
 */
export function storeSeededCall(call: Call, start: number): StoredCall {
  if (call.status !== "scheduled" && call.status !== "in-progress") return { call, lifecycle: undefined };
  const drawn = hashOf(call.callId);
  const createdAt = call.createdAt === undefined ? start : Date.parse(call.createdAt);
  const connectsAt =
    call.status === "in-progress" && call.startTime
      ? Date.parse(call.startTime)
      : Math.max(createdAt, start) + CONNECT_AFTER_MS * (1 + (drawn % 12));
  const lasts = SHORTEST_CALL_S + (Math.floor(drawn / 12) % (LONGEST_CALL_S - SHORTEST_CALL_S + 1));
  return {
    call,
    lifecycle: {
      createdAt,
      connectsAt,
      // Whole seconds after it connected, as the duration counts them, and after the clock's start.
      endsAt: connectsAt + Math.ceil(Math.max(0, start - connectsAt) / 1000) * 1000 + lasts * 1000,
      terminationReason: drawn % 2 === 0 ? "customer_ended_call" : "agent_ended_call",
    },
  };
}

/** The call's status at `now`, without building the call. */
export function statusAt(stored: StoredCall, now: number): string {
  const { lifecycle } = stored;
  if (!lifecycle) return stored.call.status;
  if (now >= lifecycle.endsAt) return lifecycle.connectsAt === undefined ? "not-connected" : "ended";
  return lifecycle.connectsAt !== undefined && now >= lifecycle.connectsAt ? "in-progress" : "scheduled";
}

/** The call as the API would show it at `now`. */
export function callAt(stored: StoredCall, now: number): Call {
  const { lifecycle } = stored;
  if (!lifecycle) return stored.call;
  const { connectsAt, endsAt } = lifecycle;
  const ended = now >= endsAt;
  const connected = connectsAt !== undefined && now >= connectsAt;
  const changedAt = ended ? endsAt : connected ? (connectsAt as number) : lifecycle.createdAt;
  return {
    ...stored.call,
    status: statusAt(stored, now),
    startTime: connected ? iso(connectsAt as number) : null,
    endTime: ended ? iso(endsAt) : null,
    duration: ended ? (connectsAt === undefined ? 0 : Math.round((endsAt - connectsAt) / 1000)) : null,
    terminationReason: ended ? lifecycle.terminationReason : null,
    updatedAt: iso(changedAt),
  };
}

function digitsOf(phoneNumber: string): number[] {
  return [...phoneNumber.replace(/\D/g, "")].map(Number);
}

function iso(milliseconds: number): string {
  return new Date(milliseconds).toISOString();
}

/** `value` in `width` base-62 digits. */
function base62(value: number, width: number): string {
  let text = "";
  for (let rest = value; text.length < width; rest = Math.floor(rest / 62)) text = ID_ALPHABET.charAt(rest % 62) + text;
  return text;
}

/** FNV-1a: a stable number from a string, so a seeded call's plan depends on nothing but its id. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
