// What the sandbox takes from the spec, held to it: the generated operation table has every operation with the
// statuses it documents (which `Prefer: code=N` may ask for), and the example callId is the newest seeded call's.
import { loadSpec } from "@sigmamind/spec";
import { expect, test } from "vitest";
import { OPERATIONS } from "../../src/generated/operations.js";
import { documentedStatuses } from "../../src/sandbox/prefer.js";
import { DOCUMENTED_CALL_ID } from "../../src/sandbox/sandbox.js";

const spec = await loadSpec();

test("the operation table lists every operation of spec/openapi.yaml with exactly the statuses it documents", () => {
  const documented = Object.fromEntries(
    spec.operations().map(({ operation }) => [
      operation.operationId,
      Object.keys(operation.responses ?? {})
        .map(Number)
        .sort((a, b) => a - b),
    ]),
  );
  expect(Object.fromEntries(OPERATIONS.map((operation) => [operation.id, documentedStatuses(operation)]))).toEqual(
    documented,
  );
});

test("DOCUMENTED_CALL_ID is the example of the callId parameter of every operation that takes one", () => {
  const examples = spec
    .operations()
    .flatMap(({ parameters }) => parameters.filter((parameter) => parameter.name === "callId"))
    .map((parameter) => parameter.example);
  expect(examples.length).toBeGreaterThan(0);
  expect(new Set(examples)).toEqual(new Set([DOCUMENTED_CALL_ID]));
});
