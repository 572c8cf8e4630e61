// The statuses offered to users (in the CLI's help, in completions) are the spec's, generated, never a copy.
import { loadSpec } from "@sigmamind/spec";
import { expect, test } from "vitest";
import { KNOWN_CALL_STATUSES } from "../../src/index.js";

test("KNOWN_CALL_STATUSES lists the spec's CallStatus values, in its order", async () => {
  const { document, resolve } = await loadSpec();
  const schema = resolve(document.components?.schemas?.CallStatus) as { anyOf: { enum?: string[] }[] };
  expect(KNOWN_CALL_STATUSES).toEqual(schema.anyOf.flatMap((branch) => branch.enum ?? []));
  expect(KNOWN_CALL_STATUSES).toContain("not-connected");
});
