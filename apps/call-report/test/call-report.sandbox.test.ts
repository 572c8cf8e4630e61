// The report against the SigmaMind sandbox: a stateful fake of the API that checks itself against the spec, for
// what the static mock's one example call cannot show: a status spread over several pages, and a call that
// changes while the app runs.
import { type Call, type ClientOptions, SigmaMind } from "@sigmamind/client";
import { type RunningSandbox, startSandbox } from "@sigmamind/mock";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { buildCallReport } from "../src/call-report.js";

let sandbox: RunningSandbox;
beforeAll(async () => {
  // Enough seeded calls that the ended ones alone fill more than one of the report's pages.
  sandbox = await startSandbox({ calls: 1000 });
});
beforeEach(() => sandbox.reset());
afterAll(async () => {
  await sandbox?.stop();
  // Every answer the tests were given matched the spec.
  expect(sandbox?.violations).toEqual([]);
});

function sandboxClient(options: ClientOptions = {}) {
  return new SigmaMind({ apiKey: "any-key-works-on-the-sandbox", baseUrl: sandbox.url, ...options });
}

describe("buildCallReport against the sandbox", () => {
  test("reports every ended call, across every page, as the sandbox counts them", async () => {
    const requested: { page: number; size: number }[] = [];
    const client = sandboxClient({
      fetch: (request, init) => {
        const query = new URL(request.url).searchParams;
        requested.push({ page: Number(query.get("page") ?? 0), size: Number(query.get("size")) });
        return fetch(request, init);
      },
    });

    const report = await buildCallReport(client, { status: "ended" });

    const { totalCounts } = await sandboxClient().calls.list({ status: "ended" });
    // One page holding all of them, to sum up independently of the report's paging.
    const all = (await sandboxClient().calls.list({ status: "ended", size: totalCounts })).data;
    const size = requested[0]?.size as number;
    const everyPage = Array.from({ length: Math.ceil(totalCounts / size) }, (_, page) => ({ page, size }));
    expect(everyPage.length, "pages of ended calls").toBeGreaterThan(1);
    expect(requested.sort((a, b) => a.page - b.page)).toEqual(everyPage);
    expect(report.calls).toBe(totalCounts);
    expect(report.byStatus).toEqual({ ended: totalCounts });
    expect(report.totalDurationSeconds).toBe(all.reduce((sum, call) => sum + (call.duration ?? 0), 0));
  });

  test("a call placed now is in the report once the sandbox's clock has ended it", async () => {
    const client = sandboxClient();
    // The seeded calls still scheduled or in progress end within minutes too: past that, only the new call moves.
    sandbox.advance(10 * 60_000);
    const before = await buildCallReport(client, { status: "ended" });

    // On the sandbox's default seed this number answers; one number in five does not, and ends `not-connected`.
    const placed = await client.calls.create({
      fromPhoneNumber: "+14155552671",
      toPhoneNumber: "+14155550123",
      agentId: "D5D0p7TUs66TTAEAx",
    });
    const seen: string[] = [placed.status];
    let call: Call = placed;
    // A created call connects 5 s after it was placed and lasts at most a few minutes: ten minutes is plenty.
    for (let minute = 0; minute < 10 && call.status !== "ended"; minute++) {
      sandbox.advance(minute === 0 ? 5_000 : 60_000);
      call = await client.calls.get(placed.callId);
      if (seen.at(-1) !== call.status) seen.push(call.status);
    }
    expect(seen).toEqual(["scheduled", "in-progress", "ended"]);

    const after = await buildCallReport(client, { status: "ended" });
    expect(after.calls).toBe(before.calls + 1);
    expect(after.totalDurationSeconds).toBe(before.totalDurationSeconds + (call.duration ?? 0));
    expect(call.duration).toBeGreaterThan(0);
  });
});
