// A model of the sandbox's calls, written from the API's documentation and the lifecycle call-lifecycle.ts
// describes, not from the store's code: given what has happened so far, what a list, get, create or delete must
// answer. The model cannot know the sandbox's seeded choices (whether a created call is answered, and for how
// long), so it keeps what it has learned of each call and narrows it with every answer it is shown.
import { loadSpec } from "@sigmamind/spec";
import type { Call } from "@sigmamind/types";
import { expect } from "vitest";
import { CONNECT_AFTER_MS, NO_ANSWER_AFTER_MS } from "../../src/sandbox/call-lifecycle.js";
import { validateAgainst } from "./spec-validators.js";

const spec = await loadSpec();

/** An HTTP answer with its JSON body parsed, or `undefined` when it had none. */
export interface Answer {
  status: number;
  body: unknown;
}

/** A list request's query as sent: each parameter's text, or absent. */
export interface ListQuery {
  page?: string;
  size?: string;
  status?: string;
}

/** Which call a get or delete aims at; the model turns it into an id when the command runs. */
export type Target = { kind: "created" | "seeded" | "deleted"; index: number } | { kind: "unknown"; callId: string };

// An answered call lasts 30 s to 5 min (call-lifecycle.ts); the model needs only these bounds, not the choice.
const SHORTEST_CALL_MS = 30_000;
const LONGEST_CALL_MS = 300_000;
const DEFAULT_PAGE = 0;
const DEFAULT_SIZE = 10;
const INT32_MAX = 2_147_483_647;

/** What the model knows of a call created during the run. */
interface CreatedCall {
  /** The create answer: what does not change as the call lives. */
  readonly placed: Call;
  readonly createdAt: number;
  fate: "undecided" | "answered" | "unanswered";
  /** When an answered call ends, as narrowly as the answers seen so far tell. */
  endsNoEarlierThan: number;
  endsNoLaterThan: number;
  /** Once seen ended: why, which must not change afterwards. */
  terminationReason?: string;
}

/**
 * A seeded call. One that was `scheduled` or `in-progress` at the start moves on: it connects within a minute of
 * the start and ends within five minutes of connecting (call-lifecycle.ts), and the model learns its status by
 * seeing it, as it does a created call's.
 */
interface SeededCall {
  seeded: Call;
  moving: boolean;
  seen?: { at: number; status: string };
}
type ModelCall = SeededCall | { created: CreatedCall };

/** By then every seeded call that moves has ended: a minute to connect, five to end, a second of rounding. */
const SEEDED_ENDED_BY_MS = 60_000 + LONGEST_CALL_MS + 1_000;
const LIFECYCLE_ORDER = ["scheduled", "in-progress", "ended"];

export class SandboxModel {
  #clock: number;
  readonly #start: number;
  /** Newest first, as the API lists them. */
  readonly #calls: ModelCall[];
  readonly #deletedIds: string[] = [];

  /** Learns the seeded calls from a first listing of all of them, at the sandbox's starting time. */
  constructor(start: Date, firstListing: Answer) {
    this.#clock = start.getTime();
    this.#start = this.#clock;
    expectBody(firstListing, 200, "CallListResponse");
    const { data, totalCounts, hasNext } = firstListing.body as { data: Call[]; totalCounts: number; hasNext: boolean };
    expect({ listed: data.length, hasNext }).toEqual({ listed: totalCounts, hasNext: false });
    const createdTimes = data.map((call) => Date.parse(call.createdAt ?? ""));
    expect(createdTimes, "the seeded calls, newest first").toEqual([...createdTimes].sort((a, b) => b - a));
    expect(Math.max(...createdTimes), "the seeded calls, made before the clock starts").toBeLessThanOrEqual(
      this.#clock,
    );
    // The documentation's samples use the spec's example id, so a fresh sandbox holds a call with it, first.
    expect(data[0]?.callId, "the newest seeded call has the spec's example callId").toBe(EXAMPLE_CALL_ID);
    this.#calls = data.map((call) => ({ seeded: call, moving: ["scheduled", "in-progress"].includes(call.status) }));
  }

  get now(): number {
    return this.#clock;
  }

  advance(milliseconds: number): void {
    this.#clock += milliseconds;
  }

  /** The id a target names now, or `undefined` when there is no such call (a deleted one, before any delete). */
  idOf(target: Target): string | undefined {
    if (target.kind === "unknown") return target.callId;
    const ids =
      target.kind === "deleted"
        ? this.#deletedIds
        : this.#calls.filter((call) => (target.kind === "seeded") === "seeded" in call).map(idOf);
    return ids.length === 0 ? undefined : ids[target.index % ids.length];
  }

  /** Created calls whose status now the model cannot tell: a listing filtered by status needs them seen first. */
  undecidedIds(): string[] {
    return this.#calls.flatMap((call) => {
      if ("seeded" in call) return this.#seededStatus(call) === undefined ? [call.seeded.callId] : [];
      return possibleStatuses(call.created, this.#clock).length > 1 ? [call.created.placed.callId] : [];
    });
  }

  expectListAnswer(asked: ListQuery, answer: Answer): void {
    // An empty value (`status=`) is no value, as the API's framework reads it: the default applies.
    const query = Object.fromEntries(Object.entries(asked).filter(([, value]) => value !== "")) as ListQuery;
    const page = readInteger(query.page, DEFAULT_PAGE, 0);
    const size = readInteger(query.size, DEFAULT_SIZE, 1);
    if (page === undefined || size === undefined) {
      expectError(answer, 400);
      return;
    }
    expectBody(answer, 200, "CallListResponse");
    const matching =
      query.status === undefined ? this.#calls : this.#calls.filter((call) => this.#statusOf(call) === query.status);
    const totalPages = Math.ceil(matching.length / size);
    const expected = {
      ids: matching.slice(page * size, page * size + size).map(idOf),
      page,
      size,
      totalCounts: matching.length,
      totalPages,
      hasNext: page + 1 < totalPages,
      hasPrevious: page > 0,
    };
    const { data, ...paging } = answer.body as { data: Call[] };
    expect({ ids: data.map((call) => call.callId), ...paging }).toEqual(expected);
    for (const call of data) this.#expectCall(call);
  }

  expectGetAnswer(callId: string, answer: Answer): void {
    if (!this.#find(callId)) {
      expectError(answer, 404);
      return;
    }
    expectBody(answer, 200, "Call");
    expect((answer.body as Call).callId).toBe(callId);
    this.#expectCall(answer.body as Call);
  }

  /** `text` is the body as sent; the spec's CreateCallRequest decides whether the API must accept it. */
  expectCreateAnswer(text: string, answer: Answer): void {
    const request = parseJson(text);
    if (request === undefined || !validateAgainst("CreateCallRequest", request.value).valid) {
      expectError(answer, 400);
      return;
    }
    expectBody(answer, 200, "Call");
    const placed = answer.body as Call;
    const { fromPhoneNumber, agentId, dynamicVariables } = request.value as Record<string, unknown>;
    expect(placed).toMatchObject({
      callType: "outbound",
      status: "scheduled",
      phoneNumber: { sipPhoneNumber: fromPhoneNumber, outboundAgentId: agentId },
      agent: { agentId },
      createdAt: iso(this.#clock),
    });
    expect(placed.dynamicVariables).toEqual(dynamicVariables ?? {});
    const usedIds = [...this.#calls.map(idOf), ...this.#deletedIds];
    expect(usedIds, "a new call's id is new").not.toContain(placed.callId);
    const connectsAt = this.#clock + CONNECT_AFTER_MS;
    this.#calls.unshift({
      created: {
        placed,
        createdAt: this.#clock,
        fate: "undecided",
        endsNoEarlierThan: connectsAt + SHORTEST_CALL_MS,
        endsNoLaterThan: connectsAt + LONGEST_CALL_MS,
      },
    });
    this.#expectCall(placed);
  }

  /**
   * A request that asked with `Prefer: code=N` for a status other than the operation's success: an N the
   * operation documents is answered with that status, any other with a 422. Either way nothing changes.
   */
  expectAskedAnswer(operationId: string, code: string, answer: Answer): void {
    const asked = /^\d{3}$/.test(code) ? Number(code) : undefined;
    const documented = asked !== undefined && statusesOf(operationId).includes(asked);
    expectError(answer, documented ? (asked as number) : 422);
  }

  expectDeleteAnswer(callId: string, answer: Answer): void {
    const index = this.#calls.findIndex((call) => idOf(call) === callId);
    if (index === -1) {
      expectError(answer, 404);
      return;
    }
    expect(answer.status).toBe(200);
    this.#calls.splice(index, 1);
    this.#deletedIds.push(callId);
  }

  #find(callId: string): ModelCall | undefined {
    return this.#calls.find((call) => idOf(call) === callId);
  }

  /** A seeded call's status now, when the model can tell it. */
  #seededStatus(call: SeededCall): string | undefined {
    if (!call.moving) return call.seeded.status;
    if (this.#clock >= this.#start + SEEDED_ENDED_BY_MS) return "ended";
    return call.seen?.at === this.#clock ? call.seen.status : undefined;
  }

  #statusOf(call: ModelCall): string {
    if ("seeded" in call) {
      const status = this.#seededStatus(call);
      if (status === undefined) throw new Error("the model must see a moving seeded call first");
      return status;
    }
    const [status, ...others] = possibleStatuses(call.created, this.#clock);
    if (others.length > 0 || status === undefined) throw new Error("the model must see an undecided call first");
    return status;
  }

  /** A call as the sandbox shows it: a seeded call never changes; a created one follows its lifecycle. */
  #expectCall(shown: Call): void {
    const call = this.#find(shown.callId);
    if (call === undefined) throw new Error(`the sandbox showed ${shown.callId}, a call the model does not hold`);
    if ("seeded" in call) {
      if (!call.moving) {
        expect(shown, "a seeded call that has ended never changes").toEqual(call.seeded);
        return;
      }
      const { status, startTime, endTime, duration, terminationReason, updatedAt } = shown;
      const asSeeded = { ...call.seeded, status, startTime, endTime, duration, terminationReason, updatedAt };
      expect(shown, "all but the lifecycle's fields stay as seeded").toEqual(asSeeded);
      const known = this.#seededStatus(call);
      if (known !== undefined) expect(status, `${shown.callId}'s status now`).toBe(known);
      const before = call.seen?.status ?? call.seeded.status;
      expect(LIFECYCLE_ORDER.indexOf(status), `${shown.callId} moves only forward`).toBeGreaterThanOrEqual(
        LIFECYCLE_ORDER.indexOf(before),
      );
      if (status === "ended") {
        expect(Date.parse(endTime ?? "") - Date.parse(startTime ?? "")).toBe((duration ?? 0) * 1000);
        expect(["customer_ended_call", "agent_ended_call"]).toContain(terminationReason);
      }
      call.seen = { at: this.#clock, status };
      return;
    }
    const known = call.created;
    const { status, startTime, endTime, duration, terminationReason, updatedAt } = shown;
    const asPlaced = { ...known.placed, status, startTime, endTime, duration, terminationReason, updatedAt };
    expect(shown, "all but the lifecycle's fields stay as created").toEqual(asPlaced);
    expect(possibleStatuses(known, this.#clock), `${shown.callId}'s status now`).toContain(status);

    const connectedAt = iso(known.createdAt + CONNECT_AFTER_MS);
    if (status === "scheduled") {
      expect({ startTime, endTime, duration, terminationReason, updatedAt }).toEqual({
        ...NOT_ENDED,
        startTime: null,
        updatedAt: iso(known.createdAt),
      });
      if (this.#clock - known.createdAt >= CONNECT_AFTER_MS) known.fate = "unanswered";
    } else if (status === "in-progress") {
      expect({ startTime, endTime, duration, terminationReason, updatedAt }).toEqual({
        ...NOT_ENDED,
        startTime: connectedAt,
        updatedAt: connectedAt,
      });
      known.fate = "answered";
      known.endsNoEarlierThan = Math.max(known.endsNoEarlierThan, this.#clock + 1);
    } else if (status === "ended") {
      const endsAt = Date.parse(endTime ?? "");
      expect(endsAt).toBeGreaterThanOrEqual(known.endsNoEarlierThan);
      expect(endsAt).toBeLessThanOrEqual(Math.min(known.endsNoLaterThan, this.#clock));
      expect({ startTime, duration, updatedAt }).toEqual({
        startTime: connectedAt,
        duration: (endsAt - Date.parse(connectedAt)) / 1000,
        updatedAt: endTime,
      });
      known.fate = "answered";
      known.endsNoEarlierThan = endsAt;
      known.endsNoLaterThan = endsAt;
      this.#expectTerminationReason(known, terminationReason);
    } else {
      expect({ startTime, endTime, duration, updatedAt }).toEqual({
        startTime: null,
        endTime: iso(known.createdAt + NO_ANSWER_AFTER_MS),
        duration: 0,
        updatedAt: iso(known.createdAt + NO_ANSWER_AFTER_MS),
      });
      known.fate = "unanswered";
      this.#expectTerminationReason(known, terminationReason);
    }
  }

  #expectTerminationReason(known: CreatedCall, shown: string | null | undefined): void {
    expect(typeof shown, "an ended call says why it ended").toBe("string");
    known.terminationReason ??= shown as string;
    expect(shown, "why a call ended does not change").toBe(known.terminationReason);
  }
}

const NOT_ENDED = { endTime: null, duration: null, terminationReason: null };

/** The example of the spec's `callId` path parameter. */
const EXAMPLE_CALL_ID = spec
  .operations()
  .flatMap(({ parameters }) => parameters)
  .find((parameter) => parameter.name === "callId")?.example;

/** The statuses an operation documents in the spec. */
function statusesOf(operationId: string): number[] {
  const found = spec.operations().find(({ operation }) => operation.operationId === operationId);
  if (!found) throw new Error(`the spec has no operation ${operationId}`);
  return Object.keys(found.operation.responses ?? {}).map(Number);
}

/** The statuses a created call may show at `now`, from what the model knows of it. */
function possibleStatuses(call: CreatedCall, now: number): string[] {
  const age = now - call.createdAt;
  if (age < CONNECT_AFTER_MS) return ["scheduled"];
  const unanswered = age < NO_ANSWER_AFTER_MS ? "scheduled" : "not-connected";
  const answered =
    now < call.endsNoEarlierThan ? ["in-progress"] : now >= call.endsNoLaterThan ? ["ended"] : ["in-progress", "ended"];
  if (call.fate === "answered") return answered;
  if (call.fate === "unanswered") return [unanswered];
  return [unanswered, ...answered];
}

function idOf(call: ModelCall): string {
  return "seeded" in call ? call.seeded.callId : call.created.placed.callId;
}

/** A query parameter as the spec reads it (int32, at least `minimum`), or `undefined` when the API must refuse it. */
function readInteger(text: string | undefined, fallback: number, minimum: number): number | undefined {
  if (text === undefined) return fallback;
  const value = /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
  return value >= minimum && value <= INT32_MAX ? value : undefined;
}

function parseJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

function expectBody(answer: Answer, status: number, schema: string): void {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  const { valid, errors } = validateAgainst(schema, answer.body);
  expect(valid, `the answer is a valid ${schema}: ${errors} in ${JSON.stringify(answer.body)}`).toBe(true);
}

function expectError(answer: Answer, status: number): void {
  expectBody(answer, status, "ErrorResponse");
  expect((answer.body as { status: number }).status).toBe(status);
}

function iso(milliseconds: number): string {
  return new Date(milliseconds).toISOString();
}
