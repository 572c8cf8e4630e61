// The sandbox's state: the seeded calls and those created since, on a clock the test moves. Transports (the
// HTTP sandbox, and later MSW handlers) turn requests into these operations; the rules live here, once.
import type { Call, CallListResponse } from "@sigmamind/types";
import { apiError, type ErrorBody } from "./api-error.js";
import { type CreatedCall, callAt, planCall } from "./call-lifecycle.js";
import { readCreateCallRequest } from "./create-call-request.js";
import { describePage } from "./paging.js";
import { seededCalls } from "./seeded-calls.js";

export interface CallStoreOptions {
  /** Same seed, same calls, byte for byte. Default 1. */
  seed?: number;
  /** How many calls the sandbox starts with. Default 57. */
  calls?: number;
  /** Where the sandbox's clock starts. Default 2026-01-01T00:00:00Z, so runs do not depend on the day. */
  startTime?: Date;
}

export interface ListQuery {
  page?: number;
  size?: number;
  status?: string;
}

export type StoreAnswer<T> = { status: 200; body: T } | { status: 400 | 404; body: ErrorBody };

export interface CallStore {
  list(query: ListQuery): StoreAnswer<CallListResponse>;
  get(callId: string): StoreAnswer<Call>;
  create(body: unknown): StoreAnswer<Call>;
  remove(callId: string): StoreAnswer<undefined>;
  /** Moves the clock forward: created calls connect and end as time passes. */
  advance(milliseconds: number): void;
  /** Back to the seeded calls, and the clock back to its start. */
  reset(): void;
  /** The sandbox's clock. */
  now(): Date;
}

export const DEFAULT_SEED = 1;
export const DEFAULT_CALL_COUNT = 57;
export const DEFAULT_START_TIME = new Date("2026-01-01T00:00:00.000Z");
/**
 * The example of the spec's `callId` path parameter, which the documentation's samples and "try it" use: the
 * newest seeded call has it, on every seed, so they find a call in a fresh sandbox.
 */
export const DOCUMENTED_CALL_ID = "call-AuUKK371Spr5nHJS";
const DEFAULT_PAGE_SIZE = 10;
/** The last moment a Date can hold: a clock past it has no date to write in a call. */
const LATEST_DATE_MS = 8.64e15;
/** The spec's bound on page and size (int32). */
const INT32_MAX = 2_147_483_647;

type Entry = { seeded: Call } | { created: CreatedCall };

export function createCallStore(options: CallStoreOptions = {}): CallStore {
  const seed = options.seed ?? DEFAULT_SEED;
  const count = options.calls ?? DEFAULT_CALL_COUNT;
  const startTime = options.startTime ?? DEFAULT_START_TIME;
  if (!Number.isInteger(seed)) throw new TypeError(`seed must be a whole number, got ${seed}`);
  if (!Number.isInteger(count) || count < 0)
    throw new TypeError(`calls must be a whole number of 0 or more, got ${count}`);

  let clock = startTime.getTime();
  let serial = 0;
  // Newest first, as the API lists them.
  let entries: Entry[] = [];
  const reset = () => {
    clock = startTime.getTime();
    serial = 0;
    // The newest takes the spec's example id in place of the one drawn for it; the others are as drawn.
    entries = seededCalls(seed, count, startTime).map((call, index) => ({
      seeded: index === 0 ? { ...call, callId: DOCUMENTED_CALL_ID } : call,
    }));
  };
  reset();

  const view = (entry: Entry): Call => ("seeded" in entry ? entry.seeded : callAt(entry.created, clock));
  const find = (callId: string) => entries.findIndex((entry) => view(entry).callId === callId);
  const error = (status: 400 | 404, message: string, path: string) => apiError(status, message, path, new Date(clock));

  return {
    list({ page = 0, size = DEFAULT_PAGE_SIZE, status }) {
      if (!Number.isInteger(page) || page < 0 || page > INT32_MAX)
        return error(400, `page must be a whole number from 0 to ${INT32_MAX}`, "/v1/calls");
      if (!Number.isInteger(size) || size < 1 || size > INT32_MAX)
        return error(400, `size must be a whole number from 1 to ${INT32_MAX}`, "/v1/calls");
      const matching = entries.map(view).filter((call) => status === undefined || call.status === status);
      return {
        status: 200,
        body: { data: matching.slice(page * size, (page + 1) * size), ...describePage(page, size, matching.length) },
      };
    },
    get(callId) {
      const index = find(callId);
      const entry = entries[index];
      return entry
        ? { status: 200, body: view(entry) }
        : error(404, `No call with id ${callId}`, `/v1/calls/${callId}`);
    },
    create(body) {
      const read = readCreateCallRequest(body);
      if ("problem" in read) return error(400, `Invalid request parameters: ${read.problem}`, "/v1/calls");
      const created = planCall(seed, ++serial, read.request, clock);
      entries.unshift({ created });
      return { status: 200, body: callAt(created, clock) };
    },
    remove(callId) {
      const index = find(callId);
      if (index === -1) return error(404, `No call with id ${callId}`, `/v1/calls/${callId}`);
      entries.splice(index, 1);
      return { status: 200, body: undefined };
    },
    advance(milliseconds) {
      if (!Number.isFinite(milliseconds) || milliseconds < 0) {
        throw new TypeError(`advance(ms) takes a number of milliseconds of 0 or more, got ${milliseconds}`);
      }
      if (clock + milliseconds > LATEST_DATE_MS) {
        throw new TypeError(
          `advance(ms) would move the clock past the last date there is (the year 275760), got ${milliseconds}`,
        );
      }
      clock += milliseconds;
    },
    reset,
    now: () => new Date(clock),
  };
}
