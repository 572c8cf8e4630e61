// What the sandbox does for an operation it has no behaviour of its own for, by the shape the spec gives it (see
// the package README, "Operations the sandbox has no behaviour of its own for"):
// - a GET of the collection answering a page: the world's records of the resource, paged as the calls are;
// - a GET of one record (the path ends in a parameter): that record, or a 404;
// - a PATCH or PUT of one record: its body merged into that record, then the record;
// - a DELETE of one record: removed;
// - a POST to the collection: a record of the body, with a new key.
// The calls' own store serves an operation on calls; any other resource's records start as the spec's seed records.
// Every answer is then checked against the spec like any other.
import { SEED_RECORDS } from "../generated/operations.js";
import type { Behaviour, Outcome } from "./calls-behaviour.js";
import type { Operation } from "./operation.js";
import type { RecordStore, StoredRecord } from "./record-store.js";
import type { World } from "./worlds.js";

/** The generic behaviour of `operation`, or one answering a 500 that says none fits. */
export function genericBehaviour(operation: Operation): Behaviour {
  const { method, one, returns, resource } = operation;
  const keyName = operation.pathParameters.at(-1);
  const singular = resource.replace(/s$/, "");
  const notFound = (key: unknown): Outcome => ({ status: 404, message: `No ${singular} with id ${String(key)}` });
  const success = (body: unknown): Outcome => ({ status: 200, body: returns === "nothing" ? undefined : body });

  if (method === "GET" && !one && returns === "page") {
    return (world, { query }) => success(recordsOf(world, resource).list(query.page as number, query.size as number));
  }
  if (one && keyName !== undefined) {
    const keyOf = (path: Record<string, unknown>) => String(path[keyName]);
    if (method === "GET") {
      return (world, { path }) => {
        const record = recordsOf(world, resource).get(keyOf(path));
        return record ? success(record) : notFound(keyOf(path));
      };
    }
    if (method === "PATCH" || method === "PUT") {
      return (world, { path }, body) => {
        const record = recordsOf(world, resource).update(keyOf(path), (body ?? {}) as Record<string, unknown>);
        return record ? success(record) : notFound(keyOf(path));
      };
    }
    if (method === "DELETE") {
      return (world, { path }) =>
        recordsOf(world, resource).remove(keyOf(path)) ? success(undefined) : notFound(keyOf(path));
    }
  }
  if (method === "POST" && !one) {
    let added = 0;
    return (world, _parameters, body) => {
      const keyField = SEED_RECORDS[resource]?.keyField ?? "id";
      const record = { ...(body as Record<string, unknown>), [keyField]: `${singular}-new-${++added}` };
      return success(recordsOf(world, resource).add(record));
    };
  }
  return () => ({
    status: 500,
    message: `The sandbox has no behaviour for ${operation.id} (${method} ${operation.path}): give it one in CALLS_BEHAVIOUR`,
  });
}

/** The records an operation on `resource` reads and writes in `world`: the calls' own store, or the resource's. */
function recordsOf(world: World, resource: string): RecordStore {
  if (resource !== "calls") return world.records(resource);
  const { store } = world;
  return {
    list: (page, size) => store.list({ page, size, status: undefined }, world.now()),
    get: (key) => store.get(key, world.now()) as StoredRecord | undefined,
    update: (key, changes) => store.update(key, changes, world.now()) as StoredRecord | undefined,
    remove: (key) => store.remove(key),
    add: (record) => record,
    get changes() {
      return store.changes;
    },
  };
}
