// What each of the spec's operations does to a world: the sandbox's behaviour of the calls resource. The request
// reaching here has been routed, authorised and checked against the spec (its parameters read as their types,
// with the spec's defaults), so this says only what the API does with it.
import type { CreateCallRequest } from "@sigmamind/types";
import type { OperationId } from "../generated/operations.js";
import type { Parameters } from "./spec-check.js";
import type { World } from "./worlds.js";

/** An operation's outcome: a success with its body, or one of the API's documented errors. */
export type Outcome = { status: 200; body: unknown } | { status: 404 | 500; message: string };

export type Behaviour = (world: World, parameters: Parameters, body: unknown) => Outcome;

const notFound = (callId: unknown): Outcome => ({ status: 404, message: `No call with id ${String(callId)}` });

/** The calls' own behaviour; any other operation of the spec gets the generic one (generic-behaviour.ts). */
export const CALLS_BEHAVIOUR: Partial<Record<OperationId, Behaviour>> = {
  listCalls: (world, { query }) => ({
    status: 200,
    body: world.store.list(
      { page: query.page as number, size: query.size as number, status: query.status as string | undefined },
      world.now(),
    ),
  }),
  createCall: (world, _parameters, body) => ({ status: 200, body: world.place(body as CreateCallRequest) }),
  getCall: (world, { path }) => {
    const call = world.store.get(path.callId as string, world.now());
    return call ? { status: 200, body: call } : notFound(path.callId);
  },
  deleteCall: (world, { path }) =>
    world.store.remove(path.callId as string) ? { status: 200, body: undefined } : notFound(path.callId),
};
