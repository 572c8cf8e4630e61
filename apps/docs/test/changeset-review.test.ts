// The review before a release puts side by side what pending changesets say of one API, so an entry a later change
// made false is read beside the one that made it false.
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { formatReview, pendingChangesets, reviewGroups, subjectsOf } from "../src/changeset-review.js";

// Two entries that once waited for one release and contradicted each other.
const earlier = {
  id: "client-direct-requests",
  packages: ["@sigmamind/client"],
  added: 100,
  summary:
    "perf(client): resource methods send their requests straight to `fetch`.\n\n- Middleware registered with `client.raw.use()` now applies to `client.raw` calls only. To see every request, pass your own `fetch`.",
};
const later = {
  id: "client-one-request-path",
  packages: ["@sigmamind/client"],
  added: 200,
  summary:
    "feat(client): every request goes through one openapi-fetch client. Middleware registered with `client.raw.use()` now sees the requests of `client.calls` too.",
};

describe("the changeset review", () => {
  test("names options, constants and calls with their arguments, each written one way", () => {
    expect(
      subjectsOf(
        "`calls.waitFor(callId, { until })`, `client.calls.waitFor()`, `onStatus`, `FINAL_CALL_STATUSES`, `SIGMAMIND_API_KEY`, `fetch`",
      ),
    ).toEqual(["calls.waitFor()", "onStatus", "FINAL_CALL_STATUSES", "SIGMAMIND_API_KEY"]);
  });

  test("names the APIs a summary talks about, not its values", () => {
    expect(
      subjectsOf('`client.raw.use()` and `waitFor()`, `--wait`, `WaitTimeoutError`, `"ended"`, `200`, `fetch`'),
    ).toEqual(["raw.use()", "waitFor()", "--wait", "WaitTimeoutError"]);
  });

  test("puts the contradicting entries side by side, the earlier first, whatever order they are read in", () => {
    const groups = reviewGroups([later, earlier]);
    const use = groups.find((group) => group.subject === "raw.use()");
    expect(use).toEqual({
      package: "@sigmamind/client",
      subject: "raw.use()",
      entries: [
        {
          id: "client-direct-requests",
          sentences: ["Middleware registered with `client.raw.use()` now applies to `client.raw` calls only."],
        },
        {
          id: "client-one-request-path",
          sentences: ["Middleware registered with `client.raw.use()` now sees the requests of `client.calls` too."],
        },
      ],
    });
    expect(formatReview(groups)).toContain(
      "@sigmamind/client: `raw.use()`\n  client-direct-requests: Middleware registered with `client.raw.use()` now applies to `client.raw` calls only.\n  client-one-request-path:",
    );
  });

  test("leaves out an API only one changeset talks about, and the same API in another package", () => {
    const other = { ...later, id: "cli-change", packages: ["@sigmamind/cli"] };
    expect(reviewGroups([earlier, other])).toEqual([]);
    expect(formatReview([])).toMatch(/^No API is talked about/);
  });

  test("reads this workspace's pending changesets with when each was added", async () => {
    const pending = await pendingChangesets(fileURLToPath(new URL("../../..", import.meta.url)));
    expect(pending.length).toBeGreaterThan(0);
    for (const changeset of pending) {
      expect(changeset.packages.length).toBeGreaterThan(0);
      expect(changeset.added).toBeGreaterThan(1_600_000_000);
    }
  });
});
