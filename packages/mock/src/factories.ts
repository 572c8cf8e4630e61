// Calls and pages for a consumer's own unit tests: typed, seeded (the same arguments give the same value), and
// valid against the spec, from the same generator as the sandbox's calls.
//   const call = buildCall({ status: "ended" });
//   const page = buildCallListResponse({ page: 1, size: 5, totalCounts: 12 });
import type { Call, CallListResponse } from "@sigmamind/types";
import { DEFAULT_START_TIME } from "./sandbox/clock.js";
import { describePage } from "./sandbox/paging.js";
import { DEFAULT_SEED, seededCalls } from "./sandbox/seeded-calls.js";

export interface BuildOptions {
  /** Same seed, same values. Default 1, the sandbox's default seed. */
  seed?: number;
}

/** Enough seeded calls to hold every documented status and call type together. */
const VARIETY = 42;
/** Past this many, generating seeded calls takes seconds: a page that far down takes its `data` from the caller. */
const MAX_GENERATED_CALLS = 100_000;
/** Seeded calls drawn per call asked for, so that enough of them have the status asked for. */
const DRAWN_PER_CALL = 20;

/**
 * A call valid against the spec, with `overrides` on top. Its other fields suit the status and call type asked
 * for: an `ended` call has an end time, a duration and a reason; a `scheduled` one has none.
 */
export function buildCall(overrides: Partial<Call> = {}, options: BuildOptions = {}): Call {
  return pickCalls("buildCall", 1, overrides, options)[0] as Call;
}

/** `count` different calls, newest first, each fitting `overrides` as `buildCall`'s call does. */
export function buildCalls(count: number, overrides: Partial<Call> = {}, options: BuildOptions = {}): Call[] {
  if (!Number.isInteger(count) || count < 0) {
    throw new TypeError(`buildCalls: count must be a whole number of 0 or more, got ${count}`);
  }
  if (count > 1 && overrides.callId !== undefined) {
    throw new TypeError("buildCalls: a callId override would give every call the same id; use buildCall for each");
  }
  return pickCalls("buildCalls", count, overrides, options);
}

function pickCalls(name: string, count: number, overrides: Partial<Call>, options: BuildOptions): Call[] {
  const seed = seedOf(options, name);
  const drawn = seededCalls(seed, VARIETY + count * DRAWN_PER_CALL, DEFAULT_START_TIME);
  const fits = (call: Call, keys: ("status" | "callType")[]) =>
    keys.every((key) => overrides[key] === undefined || call[key] === overrides[key]);
  // Best first: calls of the status and call type asked for, then of the status, then any (for a status the
  // seeded calls never have, such as a new one the API starts to send).
  const ranked = [
    ...drawn.filter((call) => fits(call, ["status", "callType"])),
    ...drawn.filter((call) => fits(call, ["status"]) && !fits(call, ["status", "callType"])),
    ...drawn.filter((call) => !fits(call, ["status"])),
  ];
  return ranked.slice(0, count).map((call) => ({ ...structuredClone(call), ...overrides }));
}

export interface BuildCallListResponseOptions extends BuildOptions {
  /** Zero-based page number. Default 0. */
  page?: number;
  /** Page size. Default 10. */
  size?: number;
  /** Calls across all pages. Default: just enough for this page. */
  totalCounts?: number;
  /** The page's calls. Default: seeded calls, as many as the page holds. */
  data?: Call[];
}

/** A page of the list response, its numbers consistent as the API documents them. */
export function buildCallListResponse(options: BuildCallListResponseOptions = {}): CallListResponse {
  const seed = seedOf(options, "buildCallListResponse");
  const { page = 0, size = 10 } = options;
  if (!Number.isInteger(page) || page < 0) {
    throw new TypeError(`buildCallListResponse: page must be a whole number of 0 or more, got ${page}`);
  }
  if (!Number.isInteger(size) || size < 1) {
    throw new TypeError(`buildCallListResponse: size must be a whole number of 1 or more, got ${size}`);
  }
  const before = page * size;
  const totalCounts = options.totalCounts ?? before + (options.data?.length ?? size);
  if (!Number.isInteger(totalCounts) || totalCounts < 0) {
    throw new TypeError(`buildCallListResponse: totalCounts must be a whole number of 0 or more, got ${totalCounts}`);
  }
  const onThisPage = Math.min(size, Math.max(0, totalCounts - before));
  // The seeded calls come in order, so a page far down the list needs every call before it generated first.
  if (options.data === undefined && before + onThisPage > MAX_GENERATED_CALLS) {
    throw new TypeError(
      `buildCallListResponse: page ${page} of size ${size} needs ${before + onThisPage} seeded calls generated, more than ${MAX_GENERATED_CALLS}; pass data for a page that far down`,
    );
  }
  const data = options.data ?? seededCalls(seed, before + onThisPage, DEFAULT_START_TIME).slice(before);
  if (data.length !== onThisPage) {
    throw new TypeError(
      `buildCallListResponse: page ${page} of size ${size} with totalCounts ${totalCounts} holds ${onThisPage} calls, but data has ${data.length}`,
    );
  }
  return { data, ...describePage(page, size, totalCounts) };
}

function seedOf(options: BuildOptions, name: string): number {
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(seed)) throw new TypeError(`${name}: seed must be a whole number, got ${seed}`);
  return seed;
}
