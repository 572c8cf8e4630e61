// The records of a resource the sandbox has no store of its own for, in one world: the generated seed records
// (shared by every world, never changed), then what the world's requests add, change or remove.
import { describePage, type PageDescription } from "./paging.js";

export type StoredRecord = Readonly<Record<string, unknown>>;

/** What the generic behaviour reads and writes: a resource's records, by the field that tells them apart. */
export interface RecordStore {
  list(page: number, size: number): { data: StoredRecord[] } & PageDescription;
  get(key: string): StoredRecord | undefined;
  /** The record with `changes` merged in (its key kept); undefined when there is none of that key. */
  update(key: string, changes: Readonly<Record<string, unknown>>): StoredRecord | undefined;
  /** False when there is none of that key. */
  remove(key: string): boolean;
  add(record: StoredRecord): StoredRecord;
  /** How many times a record was added, changed or removed: a remembered read holds while it stays the same. */
  readonly changes: number;
}

/** A store holding `seeded`, in order; a record added comes first, as the newest. */
export function createRecordStore(keyField: string, seeded: readonly StoredRecord[]): RecordStore {
  const records: StoredRecord[] = [...seeded];
  const keyOf = (record: StoredRecord) => String(record[keyField]);
  let changes = 0;
  const find = (key: string) => records.findIndex((record) => keyOf(record) === key);
  return {
    list(page, size) {
      const from = page * size;
      return { data: records.slice(from, from + size), ...describePage(page, size, records.length) };
    },
    get: (key) => records[find(key)],
    update(key, patch) {
      const at = find(key);
      if (at === -1) return undefined;
      const updated = { ...records[at], ...patch, [keyField]: records[at]?.[keyField] };
      records[at] = updated;
      changes++;
      return updated;
    },
    remove(key) {
      const at = find(key);
      if (at === -1) return false;
      records.splice(at, 1);
      changes++;
      return true;
    },
    add(record) {
      records.unshift(record);
      changes++;
      return record;
    },
    get changes() {
      return changes;
    },
  };
}
