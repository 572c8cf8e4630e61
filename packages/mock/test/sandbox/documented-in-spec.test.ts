// What the sandbox takes from the spec, held to it: the statuses each operation documents (which `Prefer: code=N`
// may ask for) and the example callId (which the newest seeded call has). The spec changes; these must follow.
import { loadSpec } from "@sigmamind/spec";
import { expect, test } from "vitest";
import { DOCUMENTED_CALL_ID } from "../../src/sandbox/call-store.js";
import { DOCUMENTED_STATUSES } from "../../src/sandbox/prefer.js";

const spec = await loadSpec();

test("DOCUMENTED_STATUSES lists every operation of spec/openapi.yaml with exactly the statuses it documents", () => {
  const documented = Object.fromEntries(
    spec.operations().map(({ operation }) => [
      operation.operationId,
      Object.keys(operation.responses ?? {})
        .map(Number)
        .sort((a, b) => a - b),
    ]),
  );
  expect(DOCUMENTED_STATUSES).toEqual(documented);
});

test("DOCUMENTED_CALL_ID is the example of the callId parameter of every operation that takes one", () => {
  const examples = spec
    .operations()
    .flatMap(({ parameters }) => parameters.filter((parameter) => parameter.name === "callId"))
    .map((parameter) => parameter.example);
  expect(examples.length).toBeGreaterThan(0);
  expect(new Set(examples)).toEqual(new Set([DOCUMENTED_CALL_ID]));
});
