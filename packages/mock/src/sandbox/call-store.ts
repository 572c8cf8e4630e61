// One world's calls: the seeded ones and those created since, newest first, indexed by id, so that a get, a
// delete or a page costs the same with 5,000 calls as with 57. A call is built for an answer only when it is on
// the page asked for; a filter by status reads each call's status without building it.
import type { Call, CallListResponse, CreateCallRequest } from "@sigmamind/types";
import { callAt, type StoredCall, statusAt } from "./call-lifecycle.js";
import { describePage } from "./paging.js";

export interface ListQuery {
  page: number;
  size: number;
  status: string | undefined;
}

export interface CallStore {
  list(query: ListQuery, now: number): CallListResponse;
  get(callId: string, now: number): Call | undefined;
  add(stored: StoredCall, now: number): Call;
  /** The call with `changes` merged into what it was placed with; undefined when no call has that id. */
  update(callId: string, changes: Readonly<Record<string, unknown>>, now: number): Call | undefined;
  /** False when no call has that id. */
  remove(callId: string): boolean;
  readonly size: number;
  /** How many times a call was added or removed: what was read before is still true while it stays the same. */
  readonly changes: number;
}

export type PlaceCall = (request: CreateCallRequest) => StoredCall;

/** A store holding `seeded`, newest first; they are shared with other worlds and never changed. */
export function createCallStore(seeded: readonly StoredCall[]): CallStore {
  // Newest first, as the API lists them; kept in step with `byId`.
  const calls: StoredCall[] = [...seeded];
  const byId = new Map<string, StoredCall>(seeded.map((stored) => [stored.call.callId, stored]));
  let changes = 0;
  return {
    list({ page, size, status }, now) {
      const matching = status === undefined ? calls : calls.filter((stored) => statusAt(stored, now) === status);
      // The spec bounds page and size by int32, so this product is exact, and past the end the page is empty.
      const from = page * size;
      const data = from < matching.length ? matching.slice(from, from + size).map((stored) => callAt(stored, now)) : [];
      return { data, ...describePage(page, size, matching.length) };
    },
    get(callId, now) {
      const stored = byId.get(callId);
      return stored && callAt(stored, now);
    },
    add(stored, now) {
      calls.unshift(stored);
      byId.set(stored.call.callId, stored);
      changes++;
      return callAt(stored, now);
    },
    update(callId, patch, now) {
      const stored = byId.get(callId);
      if (!stored) return undefined;
      // Seeded calls are shared by every world: the change is a new call of this world's, never an edit of theirs.
      const updated: StoredCall = { ...stored, call: { ...stored.call, ...patch, callId } };
      byId.set(callId, updated);
      calls[calls.indexOf(stored)] = updated;
      changes++;
      return callAt(updated, now);
    },
    remove(callId) {
      const stored = byId.get(callId);
      if (!stored) return false;
      byId.delete(callId);
      calls.splice(calls.indexOf(stored), 1);
      changes++;
      return true;
    },
    get size() {
      return calls.length;
    },
    get changes() {
      return changes;
    },
  };
}
