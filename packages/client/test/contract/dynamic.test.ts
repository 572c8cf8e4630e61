// Prism's dynamic mode invents responses from the schemas. Whatever the contract allows the server to send,
// the client must parse, and with validateResponses on, accept. Each response has its own seed
// (`Prefer: dynamic=true, seed=…`); a failure prints it, so the case can be replayed.
import type {} from "@sigmamind/mock/vitest";
import { describe, expect, inject, test } from "vitest";
import { type Call, ResponseValidationError, SigmaMind } from "../../src/index.js";
import { recordViolations } from "../support/violations.js";

const BASE_SEED = process.env.SIGMAMIND_CONTRACT_SEED ?? "sigmamind";
const RESPONSES_PER_OPERATION = 200;

const prism = recordViolations();
const client = new SigmaMind({
  apiKey: "test-api-key",
  baseUrl: inject("sigmamindMockUrl"),
  fetch: prism.fetch,
  validateResponses: true,
});

/** Runs `call` once per seed; the first failure names its seed and how to replay it. */
async function forEachSeed(call: (headers: Record<string, string>, index: number) => Promise<void>) {
  for (let index = 0; index < RESPONSES_PER_OPERATION; index++) {
    const seed = `${BASE_SEED}-${index}`;
    try {
      await call({ Prefer: `dynamic=true, seed=${seed}` }, index);
    } catch (error) {
      throw new Error(
        `The dynamic response for seed "${seed}" failed: ${(error as Error).message}\n` +
          `Replay it: curl -H 'X-API-Key: any' -H 'Prefer: dynamic=true, seed=${seed}' <mock url>/v1/calls`,
        { cause: error },
      );
    }
  }
}

/**
 * The call Prism generated for a get. Its id is random, not the one asked for, which the client refuses as another
 * call's after checking everything else against the spec: that refusal carries the generated call.
 */
async function generatedCall(callId: string, headers: Record<string, string>): Promise<Call> {
  try {
    return await client.calls.get(callId, { headers });
  } catch (error) {
    if (error instanceof ResponseValidationError && error.path === "callId") return error.body as Call;
    throw error;
  }
}

describe(`${RESPONSES_PER_OPERATION} seeded dynamic responses per operation (base seed "${BASE_SEED}")`, () => {
  test("list: every generated page parses and validates", async () => {
    const seen = new Set<string>();
    await forEachSeed(async (headers) => {
      const page = await client.calls.list({ size: 5 }, { headers });
      for (const call of page.data) seen.add(call.callId);
    });
    // Each seed gives a different page: these are generated, not the spec's one example.
    expect(seen.size).toBeGreaterThan(RESPONSES_PER_OPERATION);
  }, 120_000);

  test("get: every generated call parses and validates", async () => {
    const seen = new Set<string>();
    await forEachSeed(async (headers, index) => {
      const call = await generatedCall(`call-${index}`, headers);
      seen.add(call.callId);
    });
    expect(seen.size).toBeGreaterThan(RESPONSES_PER_OPERATION / 2);
  }, 120_000);

  test("create: every generated call parses and validates", async () => {
    await forEachSeed(async (headers) => {
      const call = await client.calls.create(
        { fromPhoneNumber: "+14155552671", toPhoneNumber: "+14155550123", agentId: "D5D0p7TUs66TTAEAx" },
        { headers },
      );
      expect(typeof call.callId).toBe("string");
    });
  }, 120_000);

  test("the same seed gives the same response, so a failure can be replayed", async () => {
    const headers = { Prefer: `dynamic=true, seed=${BASE_SEED}-replay` };
    expect(await generatedCall("call-1", headers)).toEqual(await generatedCall("call-1", headers));
  });
});
