// calls.waitFor(): polls calls.get, waiting longer each time, until the call reaches a final status.
import { describe, expect, test } from "vitest";
import {
  APIUserAbortError,
  InvalidInputError,
  NotFoundError,
  SigmaMind,
  SigmaMindError,
  WaitTimeoutError,
} from "../../src/index.js";
import { fakeFetch, json } from "../support/fake-fetch.js";
import { recordingSleep } from "../support/recording-sleep.js";

/**
 * A client whose fetch answers each poll with the next of `statuses` (the last one repeats), numbering the polls
 * in `duration` so a test can tell which answer it got, and whose sleep records each wait and returns at once.
 */
function pollingClient(...statuses: string[]) {
  let polls = 0;
  const fake = fakeFetch(() => {
    const status = statuses[Math.min(polls, statuses.length - 1)];
    polls++;
    return json(200, { callId: "call-1", status, duration: polls });
  });
  const recorder = recordingSleep();
  const sigmamind = new SigmaMind({ apiKey: "test-key", fetch: fake.fetch, sleep: recorder.sleep });
  return { sigmamind, requests: fake.requests, delays: recorder.delays };
}

const sum = (numbers: number[]) => numbers.reduce((total, number) => total + number, 0);

describe("calls.waitFor: when it resolves", () => {
  test("polls calls.get until the call ends, then resolves with that call", async () => {
    const { sigmamind, requests } = pollingClient("scheduled", "in-progress", "in-progress", "ended");
    const call = await sigmamind.calls.waitFor("call-1");
    expect(call).toEqual({ callId: "call-1", status: "ended", duration: 4 });
    expect(requests.map((request) => `${request.method} ${request.url}`)).toEqual(
      Array(4).fill("GET https://api.sigmamind.ai/v1/calls/call-1"),
    );
  });

  test.each(["ended", "not-connected", "error", "completed", "failed"])(
    "%s is final: one request, no wait",
    async (status) => {
      const { sigmamind, requests, delays } = pollingClient(status);
      await expect(sigmamind.calls.waitFor("call-1")).resolves.toMatchObject({ status });
      expect(requests).toHaveLength(1);
      expect(delays).toEqual([]);
    },
  );

  test("onStatus is told of each status as a poll first finds it, the final one included", async () => {
    const { sigmamind } = pollingClient("scheduled", "scheduled", "in-progress", "in-progress", "ended");
    const seen: string[] = [];
    await sigmamind.calls.waitFor("call-1", { onStatus: (call) => seen.push(`${call.status} ${call.duration}`) });
    expect(seen).toEqual(["scheduled 1", "in-progress 3", "ended 5"]);
  });

  test("an error thrown by onStatus ends the wait with it, and no poll follows", async () => {
    const { sigmamind, requests } = pollingClient("scheduled", "ended");
    const stop = new Error("stop");
    await expect(
      sigmamind.calls.waitFor("call-1", {
        onStatus: () => {
          throw stop;
        },
      }),
    ).rejects.toBe(stop);
    expect(requests).toHaveLength(1);
  });

  test("until adds statuses to stop at", async () => {
    const { sigmamind, requests } = pollingClient("scheduled", "in-progress", "ended");
    await expect(sigmamind.calls.waitFor("call-1", { until: ["in-progress"] })).resolves.toMatchObject({
      status: "in-progress",
    });
    expect(requests).toHaveLength(2);
  });

  test("until does not wait past a final status: a call never leaves one", async () => {
    const { sigmamind } = pollingClient("scheduled", "not-connected", "in-progress");
    await expect(sigmamind.calls.waitFor("call-1", { until: ["in-progress"] })).resolves.toMatchObject({
      status: "not-connected",
    });
  });

  test("until takes a status this version of the client does not know", async () => {
    const { sigmamind } = pollingClient("scheduled", "voicemail-left");
    await expect(sigmamind.calls.waitFor("call-1", { until: ["voicemail-left"] })).resolves.toMatchObject({
      status: "voicemail-left",
    });
  });

  test(".withResponse() gives the last poll's response", async () => {
    const { sigmamind } = pollingClient("scheduled", "ended");
    const { data, response } = await sigmamind.calls.waitFor("call-1").withResponse();
    expect(data.status).toBe("ended");
    expect(response.status).toBe(200);
  });
});

describe("calls.waitFor: the waits between polls", () => {
  test("start at 1 s and double up to 5 s, through the client's sleep", async () => {
    const { sigmamind, delays } = pollingClient("scheduled", ...Array(6).fill("in-progress"), "ended");
    await sigmamind.calls.waitFor("call-1");
    expect(delays).toEqual([1_000, 2_000, 4_000, 5_000, 5_000, 5_000, 5_000]);
  });

  test("pollIntervalMs sets the first wait", async () => {
    const { sigmamind, delays } = pollingClient(...Array(7).fill("in-progress"), "ended");
    await sigmamind.calls.waitFor("call-1", { pollIntervalMs: 200 });
    expect(delays).toEqual([200, 400, 800, 1_600, 3_200, 5_000, 5_000]);
  });

  test("a pollIntervalMs above 5 s is kept as it is", async () => {
    const { sigmamind, delays } = pollingClient(...Array(3).fill("in-progress"), "ended");
    await sigmamind.calls.waitFor("call-1", { pollIntervalMs: 30_000 });
    expect(delays).toEqual([30_000, 30_000, 30_000]);
  });

  test("a client made by withOptions() waits through the same sleep", async () => {
    const { sigmamind, delays } = pollingClient("scheduled", "ended");
    await sigmamind.withOptions({ maxRetries: 0 }).calls.waitFor("call-1");
    expect(delays).toEqual([1_000]);
  });

  test("each poll is a get: a 503 is retried within the poll, with the retry's own wait", async () => {
    let answers = 0;
    const { fetch, requests } = fakeFetch(() =>
      answers++ === 0 ? json(503, {}) : json(200, { callId: "call-1", status: "ended" }),
    );
    const recorder = recordingSleep();
    const sigmamind = new SigmaMind({ apiKey: "test-key", fetch, sleep: recorder.sleep });
    await expect(sigmamind.calls.waitFor("call-1")).resolves.toMatchObject({ status: "ended" });
    expect(requests).toHaveLength(2);
    expect(recorder.delays).toHaveLength(1);
    expect(recorder.delays[0]).toBeLessThanOrEqual(500);
  });
});

describe("calls.waitFor: timeout", () => {
  test("rejects with WaitTimeoutError carrying the last call seen, after polling at the deadline", async () => {
    const { sigmamind, requests, delays } = pollingClient("scheduled", "in-progress");
    const error = await sigmamind.calls.waitFor("call-1", { timeoutMs: 10_000 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error).toBeInstanceOf(SigmaMindError);
    // The last wait is cut to what is left, so the waits add up to timeoutMs and the last poll is at the deadline.
    expect(delays).toEqual([1_000, 2_000, 4_000, 3_000]);
    expect(requests).toHaveLength(5);
    const timeout = error as WaitTimeoutError;
    expect(timeout.call).toEqual({ callId: "call-1", status: "in-progress", duration: 5 });
    expect(timeout.status).toBe("in-progress");
    expect(timeout.message).toBe(
      'calls.waitFor: call call-1 is still "in-progress" after 10000 ms (timeoutMs); it stops at ended, not-connected, error, completed or failed. Wait longer with a larger timeoutMs, or look again later with calls.get.',
    );
  });

  test("the message names the statuses of until too", async () => {
    const { sigmamind } = pollingClient("scheduled");
    await expect(sigmamind.calls.waitFor("call-1", { timeoutMs: 1_000, until: ["in-progress"] })).rejects.toThrow(
      /still "scheduled" after 1000 ms \(timeoutMs\); it stops at in-progress, ended, not-connected, error, completed or failed\./,
    );
  });

  test("by default it gives up after 10 minutes of waits", async () => {
    const { sigmamind, delays } = pollingClient("in-progress");
    await expect(sigmamind.calls.waitFor("call-1")).rejects.toBeInstanceOf(WaitTimeoutError);
    expect(sum(delays)).toBe(600_000);
    expect(Math.max(...delays)).toBe(5_000);
  });

  test("a timeoutMs shorter than pollIntervalMs cuts the first wait", async () => {
    const { sigmamind, requests, delays } = pollingClient("scheduled");
    await expect(sigmamind.calls.waitFor("call-1", { timeoutMs: 300, pollIntervalMs: 60_000 })).rejects.toBeInstanceOf(
      WaitTimeoutError,
    );
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBeLessThanOrEqual(300);
    expect(requests).toHaveLength(2);
  });
});

describe("calls.waitFor: abort", () => {
  test("aborting during a wait rejects with APIUserAbortError at once, without another poll", async () => {
    const controller = new AbortController();
    const { fetch, requests } = fakeFetch(() => json(200, { callId: "call-1", status: "in-progress" }));
    // The real, timer-based sleep: the abort must cut its 60 s wait short.
    const sigmamind = new SigmaMind({ apiKey: "test-key", fetch });
    const started = Date.now();
    const pending = sigmamind.calls.waitFor("call-1", { signal: controller.signal, pollIntervalMs: 60_000 });
    setTimeout(() => controller.abort(), 10);
    await expect(pending).rejects.toBeInstanceOf(APIUserAbortError);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(requests).toHaveLength(1);
  });

  test("the client's sleep is given a signal that aborts with the caller's", async () => {
    const controller = new AbortController();
    const { fetch, requests } = fakeFetch(() => json(200, { callId: "call-1", status: "in-progress" }));
    const sleep = async (_ms: number, signal: AbortSignal) => {
      controller.abort();
      signal.throwIfAborted();
    };
    const sigmamind = new SigmaMind({ apiKey: "test-key", fetch, sleep });
    await expect(sigmamind.calls.waitFor("call-1", { signal: controller.signal })).rejects.toBeInstanceOf(
      APIUserAbortError,
    );
    expect(requests).toHaveLength(1);
  });

  test("an already aborted signal sends nothing", async () => {
    const { sigmamind, requests } = pollingClient("in-progress");
    await expect(sigmamind.calls.waitFor("call-1", { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      APIUserAbortError,
    );
    expect(requests).toHaveLength(0);
  });
});

describe("calls.waitFor: a call that is not there", () => {
  test("a 404 rejects at once with NotFoundError", async () => {
    const { fetch, requests } = fakeFetch(() => json(404, { error: "Not Found", message: "Call not found" }));
    const recorder = recordingSleep();
    const sigmamind = new SigmaMind({ apiKey: "test-key", fetch, sleep: recorder.sleep });
    await expect(sigmamind.calls.waitFor("call-1")).rejects.toBeInstanceOf(NotFoundError);
    expect(requests).toHaveLength(1);
    expect(recorder.delays).toEqual([]);
  });

  test("a call deleted while waiting rejects with NotFoundError at the next poll", async () => {
    let polls = 0;
    const { fetch, requests } = fakeFetch(() =>
      polls++ < 2 ? json(200, { callId: "call-1", status: "in-progress" }) : json(404, { message: "Call not found" }),
    );
    const recorder = recordingSleep();
    const sigmamind = new SigmaMind({ apiKey: "test-key", fetch, sleep: recorder.sleep });
    await expect(sigmamind.calls.waitFor("call-1")).rejects.toBeInstanceOf(NotFoundError);
    expect(requests).toHaveLength(3);
    expect(recorder.delays).toEqual([1_000, 2_000]);
  });
});

describe("calls.waitFor: options refused before anything is sent", () => {
  test.each([
    [{ pollIntervalMs: 0 }, "pollIntervalMs must be a number of milliseconds from 100 to 2147483647, got 0"],
    [
      { pollIntervalMs: "1000" },
      "pollIntervalMs must be a number of milliseconds from 100 to 2147483647, got a string",
    ],
    [
      { timeoutMs: -1 },
      "timeoutMs must be a positive number of milliseconds, at most 2147483647 (about 24.8 days), got -1",
    ],
    [{ timeoutMs: Number.POSITIVE_INFINITY }, "timeoutMs must be a positive number of milliseconds"],
    [{ until: "ended" }, 'until must be a non-empty array of call statuses, such as ["in-progress"], got a string'],
    [{ until: [] }, 'until must be a non-empty array of call statuses, such as ["in-progress"], got an empty array'],
    [{ until: ["ended", ""] }, "until[1] must be a call status (a non-empty string), got an empty string"],
    [{ until: ["ended", 3] }, "until[1] must be a call status (a non-empty string), got a number"],
    [{ signal: {} }, "signal must be an AbortSignal, got object"],
    [{ timeout: 5_000 }, 'unknown option "timeout". Known: until, signal, timeoutMs, pollIntervalMs'],
    ["soon", "options must be an object, got a string"],
  ])("%o", async (options, message) => {
    const { sigmamind, requests } = pollingClient("ended");
    const error = await sigmamind.calls.waitFor("call-1", options as never).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toContain(`calls.waitFor: ${message}`);
    expect(requests).toHaveLength(0);
  });

  test.each([
    ["", "callId must not be empty"],
    ["..", 'callId cannot be "..", which URLs read as a relative path'],
  ])("callId %o", async (callId, message) => {
    const { sigmamind, requests } = pollingClient("ended");
    await expect(sigmamind.calls.waitFor(callId)).rejects.toThrow(`calls.waitFor: ${message}`);
    expect(requests).toHaveLength(0);
  });

  test("a refused option rejects the promise rather than throwing where it was called", () => {
    const { sigmamind } = pollingClient("ended");
    const pending = sigmamind.calls.waitFor("call-1", { pollIntervalMs: -1 });
    expect(pending).toBeInstanceOf(Promise);
    return expect(pending).rejects.toBeInstanceOf(InvalidInputError);
  });
});
