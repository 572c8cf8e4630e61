// The sandbox's worlds: one for each distinct API key, so that test files, workers or people sharing one
// sandbox never see each other's calls, clock or faults. A world is made on first use, as if it had been there
// since the sandbox started (the same seeded calls, the sandbox's time), and the least recently used ones are
// dropped beyond a bound, which keeps a long-running sandbox's memory flat.
import type { CreateCallRequest } from "@sigmamind/types";
import { SEED_RECORDS } from "../generated/operations.js";
import { placeCall, type StoredCall } from "./call-lifecycle.js";
import { type CallStore, createCallStore } from "./call-store.js";
import { checkAdvance, LATEST_CLOCK_MS, type SandboxClock } from "./clock.js";
import { checkedFault, type Fault } from "./faults.js";
import { createRecordStore, type RecordStore } from "./record-store.js";
import type { SandboxAnswer } from "./sandbox-request.js";

/** One API key's state. */
export interface World {
  readonly store: CallStore;
  /** The records of a resource other than the calls, made from the spec's seed records on first use. */
  records(resource: string): RecordStore;
  /** The world's time, in milliseconds since 1970. */
  now(): number;
  advance(milliseconds: number): void;
  /** Back to the seeded calls, the clock's start and the sandbox's `faults` option. */
  reset(): void;
  /** Queues faults for this world's next API requests, after those already queued. */
  failNext(...faults: Fault[]): void;
  /** The next queued fault, taken off the queue. */
  takeFault(): Fault | undefined;
  /** Places a call created now. */
  place(request: CreateCallRequest): Call;
  /** Answers to reads, kept until the world changes (a call placed or deleted, its clock moved, a reset). */
  readonly answers: AnswerMemo;
}

/** A few recent answers, by what was asked and when; forgotten as soon as the world changes. */
export interface AnswerMemo {
  get(key: string): SandboxAnswer | undefined;
  set(key: string, answer: SandboxAnswer): void;
}

const REMEMBERED_ANSWERS = 4;

type Call = ReturnType<CallStore["add"]>;

export interface WorldsOptions {
  seed: number;
  clock: SandboxClock;
  /** The seeded calls, made once and shared by every world. */
  seeded: () => readonly StoredCall[];
  /** Faults each world starts with, and starts with again on reset. */
  faults: readonly Fault[];
  /** How many worlds are kept; the least recently used beyond it is dropped. */
  maxWorlds: number;
}

export interface Worlds {
  /** The world of `apiKey`, made on first use. */
  of(apiKey: string): World;
  /** Every world now kept. */
  all(): IterableIterator<World>;
  /** Drops every world: each starts afresh on its next request. */
  clear(): void;
  readonly size: number;
}

export function createWorlds(options: WorldsOptions): Worlds {
  const { seed, clock, maxWorlds } = options;
  // In order of last use: a Map keeps insertion order, and a world used again is moved to the end.
  const worlds = new Map<string, World>();
  // Every call the sandbox places ends its id with this count, so no id is ever given twice.
  let serial = 0;

  const makeWorld = (): World => {
    // The world's time is the sandbox's plus this: 0 at first, as if the world had been there from the start.
    let offset = 0;
    let placed = 0;
    let store = createCallStore(options.seeded());
    let records = new Map<string, RecordStore>();
    /** Every change of the world's data: its calls' and its other records'. */
    const changes = () => {
      let count = store.changes;
      for (const kept of records.values()) count += kept.changes;
      return count;
    };
    const queued: Fault[] = [...options.faults];
    // A real clock stops at the last time the sandbox can show, however fast it runs.
    const now = () => Math.min(clock.startTime + clock.elapsed() + offset, LATEST_CLOCK_MS);
    // Keyed by the store's count of changes too, so a change clears it; a time in the key covers the clock.
    const remembered = new Map<string, SandboxAnswer>();
    let rememberedFor = -1;
    const answers: AnswerMemo = {
      get(key) {
        return rememberedFor === changes() ? remembered.get(key) : undefined;
      },
      set(key, answer) {
        if (rememberedFor !== changes()) remembered.clear();
        rememberedFor = changes();
        if (remembered.size >= REMEMBERED_ANSWERS) remembered.delete(remembered.keys().next().value as string);
        remembered.set(key, answer);
      },
    };
    return {
      answers,
      get store() {
        return store;
      },
      records(resource) {
        let kept = records.get(resource);
        if (!kept) {
          const seed = SEED_RECORDS[resource];
          kept = createRecordStore(seed?.keyField ?? "id", seed?.records ?? []);
          records.set(resource, kept);
        }
        return kept;
      },
      now,
      advance(milliseconds) {
        checkAdvance(now(), milliseconds);
        offset += milliseconds;
      },
      reset() {
        offset = -clock.elapsed();
        placed = 0;
        store = createCallStore(options.seeded());
        records = new Map();
        remembered.clear();
        rememberedFor = -1;
        queued.splice(0, queued.length, ...options.faults);
      },
      failNext(...faults) {
        queued.push(...faults.map(checkedFault));
      },
      takeFault: () => queued.shift(),
      place(request) {
        const at = now();
        return store.add(placeCall(seed, ++placed, ++serial, request, at), at);
      },
    };
  };

  return {
    of(apiKey) {
      let world = worlds.get(apiKey);
      if (world) {
        worlds.delete(apiKey);
      } else {
        world = makeWorld();
        if (worlds.size >= maxWorlds) worlds.delete(worlds.keys().next().value as string);
      }
      worlds.set(apiKey, world);
      return world;
    },
    all: () => worlds.values(),
    clear: () => worlds.clear(),
    get size() {
      return worlds.size;
    },
  };
}
