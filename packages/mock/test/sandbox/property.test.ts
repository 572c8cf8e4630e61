// Random sequences of list, get, create, delete and advance against one sandbox, through its in-process fetch,
// some asking with `Prefer: code=N` for another answer, each answer held to what a model of the API expects
// (sandbox-model.ts) and to the spec (the sandbox's own check, which must find nothing). fast-check shrinks a failure to a short sequence and prints it with the seed and path that
// replay it.
import fc from "fast-check";
import { expect, test } from "vitest";
import { createSandbox } from "../../src/sandbox/sandbox.js";
import { type Answer, type ListQuery, SandboxModel, type Target } from "./sandbox-model.js";

const SEEDED_CALLS = 12;
const INT32_MAX = 2_147_483_647;

const sandbox = createSandbox({ calls: SEEDED_CALLS });

/** Sends one request, and fails it if the sandbox found its own answer breaking the spec. */
async function send(path: string, init: RequestInit = {}): Promise<Answer> {
  const violationsBefore = sandbox.violations.length;
  const response = await sandbox.fetch(`${sandbox.url}${path}`, {
    ...init,
    headers: { "x-api-key": "sandbox-key", "content-type": "application/json", ...init.headers },
  });
  const text = await response.text();
  expect(sandbox.violations.slice(violationsBefore), "the spec's findings on this answer").toEqual([]);
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

const callPath = (callId: string) => `/v1/calls/${encodeURIComponent(callId)}`;

type Command = fc.AsyncCommand<SandboxModel, unknown>;

class ListCalls implements Command {
  constructor(readonly query: ListQuery) {}
  check = () => true;
  async run(model: SandboxModel) {
    // A filter by status needs the status of every call; the model learns those it cannot predict by a get.
    if (this.query.status !== undefined) {
      for (const callId of model.undecidedIds()) model.expectGetAnswer(callId, await send(callPath(callId)));
    }
    const query = new URLSearchParams(Object.entries(this.query).filter(([, value]) => value !== undefined));
    model.expectListAnswer(this.query, await send(`/v1/calls?${query}`));
  }
  toString = () => `list ${JSON.stringify(this.query)}`;
}

/** A get or delete of the call `target` names, which the model resolves to an id when the command runs. */
class OneCall implements Command {
  callId: string | undefined;
  constructor(
    readonly method: "GET" | "DELETE",
    readonly target: Target,
  ) {}
  check = (model: Readonly<SandboxModel>) => model.idOf(this.target) !== undefined;
  async run(model: SandboxModel) {
    const callId = model.idOf(this.target) as string;
    this.callId = callId;
    const answer = await send(callPath(callId), { method: this.method });
    if (this.method === "GET") model.expectGetAnswer(callId, answer);
    else model.expectDeleteAnswer(callId, answer);
  }
  toString = () => `${this.method.toLowerCase()} ${this.target.kind} ${JSON.stringify(this.callId)}`;
}

class CreateCall implements Command {
  constructor(readonly body: string) {}
  check = () => true;
  async run(model: SandboxModel) {
    model.expectCreateAnswer(this.body, await send("/v1/calls", { method: "POST", body: this.body }));
  }
  toString = () => `create ${this.body}`;
}

/** One of the four operations, asked with `Prefer: code=N` for an answer other than its success. */
class AskForStatus implements Command {
  callId: string | undefined;
  constructor(
    readonly operationId: "listCalls" | "createCall" | "getCall" | "deleteCall",
    readonly prefer: { code: string; header: string },
    readonly target: Target,
    readonly body: string,
  ) {}
  get #onOneCall() {
    return this.operationId === "getCall" || this.operationId === "deleteCall";
  }
  check = (model: Readonly<SandboxModel>) => !this.#onOneCall || model.idOf(this.target) !== undefined;
  async run(model: SandboxModel) {
    if (this.#onOneCall) this.callId = model.idOf(this.target) as string;
    const path = this.callId === undefined ? "/v1/calls" : callPath(this.callId);
    const method = { listCalls: "GET", createCall: "POST", getCall: "GET", deleteCall: "DELETE" }[this.operationId];
    const answer = await send(path, {
      method,
      headers: { prefer: this.prefer.header },
      ...(method === "POST" && { body: this.body }),
    });
    model.expectAskedAnswer(this.operationId, this.prefer.code, answer);
  }
  toString = () =>
    `${this.operationId}${this.callId === undefined ? "" : ` ${JSON.stringify(this.callId)}`} with Prefer: ${this.prefer.header}`;
}

class Advance implements Command {
  constructor(readonly milliseconds: number) {}
  check = () => true;
  async run(model: SandboxModel) {
    sandbox.advance(this.milliseconds);
    model.advance(this.milliseconds);
    expect(sandbox.now().getTime()).toBe(model.now);
  }
  toString = () => `advance ${this.milliseconds}`;
}

const asText = (value: number) => String(value);

const listQuery: fc.Arbitrary<ListQuery> = fc.record(
  {
    page: fc.oneof(
      { weight: 4, arbitrary: fc.nat({ max: 4 }).map(asText) },
      fc.integer({ min: 5, max: INT32_MAX }).map(asText),
      fc.constantFrom("-1", String(INT32_MAX + 1), "1.5", "abc"),
    ),
    size: fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: 1, max: 15 }).map(asText) },
      fc.constantFrom(String(INT32_MAX), "0", "-3", String(INT32_MAX + 1), "ten"),
    ),
    status: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom("scheduled", "in-progress", "ended", "not-connected", "error") },
      fc.constantFrom("completed", "failed", "voicemail", ""),
      fc.string(),
    ),
  },
  { requiredKeys: [] },
);

// Ids that are not URL dot segments, which fetch would resolve away before sending.
const unknownCallId = fc.string({ unit: "binary", minLength: 1 }).filter((id) => id !== "." && id !== "..");
const target: fc.Arbitrary<Target> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("created" as const), index: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("seeded" as const), index: fc.nat() }) },
  fc.record({ kind: fc.constant("deleted" as const), index: fc.nat() }),
  fc.record({ kind: fc.constant("unknown" as const), callId: unknownCallId }),
);

const phoneNumber = fc.stringMatching(/^\+[1-9][0-9]{6,14}$/);
// Characters outside ASCII too: the spec counts a length in characters, not in UTF-16 units.
const agentId = fc.oneof(
  fc.string({ minLength: 1, maxLength: 64 }),
  fc.string({ unit: "binary", minLength: 1, maxLength: 64 }),
);
const variables = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, n) => [`v${n}`, n]));
const dynamicVariables = fc.oneof(
  fc.dictionary(
    fc.string(),
    fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean()),
    { maxKeys: 4 },
  ),
  fc.constant(variables(100)),
);
// A field the spec does not name is allowed: CreateCallRequest does not forbid additional properties.
const validBody = fc.record(
  { fromPhoneNumber: phoneNumber, toPhoneNumber: phoneNumber, agentId, dynamicVariables, note: fc.string() },
  { requiredKeys: ["fromPhoneNumber", "toPhoneNumber", "agentId"] },
);
// Each breaks the spec's CreateCallRequest one way; the model asks the spec, not this list, what must be refused.
const brokenBody = fc.oneof(
  fc.tuple(validBody, fc.constantFrom("fromPhoneNumber", "toPhoneNumber", "agentId")).map(([body, field]) => {
    const { [field]: _dropped, ...rest } = body;
    return rest;
  }),
  fc
    .tuple(
      validBody,
      fc.constantFrom("fromPhoneNumber", "toPhoneNumber"),
      fc.oneof(
        fc.constantFrom(
          "14155552671",
          "+04155552671",
          "+123456",
          "+1234567890123456",
          "+1 415 555 2671",
          "+14155552671\n",
        ),
        fc.string(),
        fc.integer(),
      ),
    )
    .map(([body, field, value]) => ({ ...body, [field]: value })),
  fc
    .tuple(validBody, fc.constantFrom("", "a".repeat(65), 7, null))
    .map(([body, value]) => ({ ...body, agentId: value })),
  fc
    .tuple(validBody, fc.constantFrom(null, [], "name=Ada", { name: null }, { name: { first: "Ada" } }, variables(101)))
    .map(([body, value]) => ({ ...body, dynamicVariables: value })),
  fc.constantFrom(null, [], "a call", 42),
);
const createBody = fc.oneof(
  { weight: 3, arbitrary: validBody.map((body) => JSON.stringify(body)) },
  { weight: 1, arbitrary: brokenBody.map((body) => JSON.stringify(body)) },
  fc.constantFrom("", "{", "not json", '{"agentId":'),
);

// Statuses other than the success: documented by some operations or by none, and codes that are no status at all.
const preferredCode = fc.constantFrom("400", "401", "404", "422", "429", "500", "201", "418", "0404", "abc", "");
const preference = preferredCode.chain((code) =>
  fc
    .constantFrom(`code=${code}`, `CODE=${code}`, `example=notFound, code=${code}`, `code=${code}; x=y, dynamic=maybe`)
    .map((header) => ({ code, header })),
);
const askForStatus = fc
  .tuple(fc.constantFrom("listCalls", "createCall", "getCall", "deleteCall"), preference, target, createBody)
  .map(([operationId, prefer, aimed, body]) => new AskForStatus(operationId, prefer, aimed, body));

const advanceBy = fc.oneof(
  fc.constantFrom(0, 1, 4_999, 5_000, 25_000, 30_000, 300_000),
  fc.integer({ min: 1, max: 60_000 }),
  fc.integer({ min: 0, max: 100_000_000 }),
);

// Create and advance are listed twice, to be drawn twice as often: calls to age, and time for them to age in.
const commands = fc.commands(
  [
    listQuery.map((query) => new ListCalls(query)),
    target.map((aimed) => new OneCall("GET", aimed)),
    target.map((aimed) => new OneCall("DELETE", aimed)),
    createBody.map((body) => new CreateCall(body)),
    createBody.map((body) => new CreateCall(body)),
    advanceBy.map((milliseconds) => new Advance(milliseconds)),
    advanceBy.map((milliseconds) => new Advance(milliseconds)),
    askForStatus,
  ],
  { maxCommands: 30, size: "max" },
);

test("any sequence of list, get, create, delete, advance and Prefer: code=N answers as the model of the API expects", async () => {
  await fc.assert(
    fc.asyncProperty(commands, (sequence) =>
      fc.asyncModelRun(async () => {
        sandbox.reset();
        const start = sandbox.now();
        const model = new SandboxModel(start, await send(`/v1/calls?size=${INT32_MAX}`));
        return { model, real: undefined };
      }, sequence),
    ),
    { numRuns: 50 },
  );
  expect(sandbox.violations).toEqual([]);
});
