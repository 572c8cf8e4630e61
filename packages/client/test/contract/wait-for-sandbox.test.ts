// calls.waitFor() against the stateful sandbox of @sigmamind/mock, whose calls progress on a clock the test moves:
// the client's sleep moves that clock by each wait instead of waiting, so a call goes from scheduled to its end
// as the polls come, and nothing waits in real time.
import { type RunningSandbox, startSandbox } from "@sigmamind/mock";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { NotFoundError, SigmaMind, WaitTimeoutError } from "../../src/index.js";

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
beforeEach(() => sandbox.reset());
afterAll(async () => {
  await sandbox?.stop();
  expect(sandbox?.violations ?? []).toEqual([]);
});

/** A client whose waits move the sandbox's clock, recording each wait. */
function sandboxClient() {
  const waits: number[] = [];
  const client = new SigmaMind({
    apiKey: "any-key-works",
    baseUrl: sandbox.url,
    sleep: async (milliseconds) => {
      waits.push(milliseconds);
      sandbox.advance(milliseconds);
    },
  });
  return { client, waits };
}

const sum = (numbers: number[]) => numbers.reduce((total, number) => total + number, 0);
const params = { fromPhoneNumber: "+14155552671", toPhoneNumber: "+14155550123", agentId: "D5D0p7TUs66TTAEAx" };

describe("calls.waitFor against the sandbox", () => {
  test("waitFor: a created call, from scheduled to its end", async () => {
    const { client, waits } = sandboxClient();
    const created = await client.calls.create(params);
    expect(created.status).toBe("scheduled");

    const finished = await client.calls.waitFor(created.callId);
    expect(finished.callId).toBe(created.callId);
    expect(finished.status).toBe("ended");
    expect(finished.endTime).toEqual(expect.any(String));
    expect(finished.terminationReason).toEqual(expect.any(String));
    // It polled as the clock moved, and stopped at the first poll after the call ended.
    const clockStart = Date.parse("2026-01-01T00:00:00Z");
    const polledAt = waits.map((_, index) => clockStart + sum(waits.slice(0, index + 1)));
    const endedAt = Date.parse(finished.endTime ?? "");
    expect(polledAt.at(-1)).toBeGreaterThanOrEqual(endedAt);
    expect(polledAt.at(-2)).toBeLessThan(endedAt);
  });

  test("waitFor: a call nobody answers ends not-connected, 30 s after it was placed", async () => {
    const { client, waits } = sandboxClient();
    // The sandbox's seed leaves this number unanswered.
    const created = await client.calls.create({ ...params, toPhoneNumber: "+14155550124" });
    const finished = await client.calls.waitFor(created.callId);
    expect(finished.status).toBe("not-connected");
    expect(sum(waits)).toBeGreaterThanOrEqual(30_000);
    expect(sum(waits) - (waits.at(-1) ?? 0)).toBeLessThan(30_000);
  });

  test("waitFor: until in-progress returns once the call has connected, 5 s after it was placed", async () => {
    const { client, waits } = sandboxClient();
    const created = await client.calls.create(params);
    const connected = await client.calls.waitFor(created.callId, { until: ["in-progress"] });
    expect(connected.status).toBe("in-progress");
    expect(waits).toEqual([1_000, 2_000, 4_000]);
  });

  test("waitFor: timeoutMs shorter than the call rejects with the call as last seen", async () => {
    const { client, waits } = sandboxClient();
    const created = await client.calls.create(params);
    const error = await client.calls.waitFor(created.callId, { timeoutMs: 3_000 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(waits).toEqual([1_000, 2_000]);
    expect((error as WaitTimeoutError).status).toBe("scheduled");
    expect((error as WaitTimeoutError).call?.callId).toBe(created.callId);
  });

  test("waitFor: a deleted call rejects with NotFoundError", async () => {
    const { client, waits } = sandboxClient();
    const created = await client.calls.create(params);
    await client.calls.delete(created.callId);
    await expect(client.calls.waitFor(created.callId)).rejects.toBeInstanceOf(NotFoundError);
    expect(waits).toEqual([]);
  });
});
