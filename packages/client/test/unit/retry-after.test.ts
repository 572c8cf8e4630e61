// How long a server's Retry-After asks to wait. Only what RFC 9110 writes counts: delay-seconds or one of the three
// HTTP-date formats. Anything else is no answer, so the client falls back to its own backoff instead of reading
// "-1" as a date in 2001 and retrying at once.
import { describe, expect, test } from "vitest";
import { parseRetryAfterMs } from "../../src/core/errors.js";
import { json } from "../support/fault-server.js";
import { clientOf, serve } from "../support/socket-client.js";

const NOW = Date.UTC(1994, 10, 6, 8, 49, 30);
const waitFor = (headers: Record<string, string>, now = NOW) => parseRetryAfterMs(new Headers(headers), now);

describe("Retry-After in seconds", () => {
  test.each([
    ["0", 0],
    ["3", 3_000],
    [" 120 ", 120_000],
    // Not the spec's delay-seconds, but a decimal of plain digits cannot be negative or mean anything else.
    ["0.5", 500],
  ])("%j is %i ms", (value, expected) => {
    expect(waitFor({ "retry-after": value })).toBe(expected);
  });

  test.each(["-1", "-5", "+5", "1,2", "1e3", "0x10", "5s", ".5", "5.", "Infinity", "NaN", "", "1 2"])(
    "%j is no answer",
    (value) => {
      expect(waitFor({ "retry-after": value })).toBeUndefined();
    },
  );
});

describe("Retry-After as an HTTP date", () => {
  test.each([
    ["IMF-fixdate", "Sun, 06 Nov 1994 08:49:37 GMT"],
    ["the obsolete RFC 850 form", "Sunday, 06-Nov-94 08:49:37 GMT"],
    ["the obsolete asctime form", "Sun Nov  6 08:49:37 1994"],
  ])("%s is the time until then", (_form, value) => {
    expect(waitFor({ "retry-after": value })).toBe(7_000);
  });

  test("a date already past is no wait at all", () => {
    expect(waitFor({ "retry-after": "Sun, 06 Nov 1994 08:49:00 GMT" })).toBe(0);
  });

  test("a two-digit year more than 50 years ahead is the last such year in the past", () => {
    const in2030 = Date.UTC(2030, 0, 1);
    // "94" from 2030 is 1994 (2094 is more than 50 years ahead); "50" is 2050.
    expect(waitFor({ "retry-after": "Sunday, 06-Nov-94 08:49:37 GMT" }, in2030)).toBe(0);
    expect(waitFor({ "retry-after": "Saturday, 01-Jan-50 00:00:00 GMT" }, in2030)).toBe(Date.UTC(2050, 0, 1) - in2030);
  });

  test.each([
    // What Date.parse reads as a date, and no HTTP-date is.
    "Sunday, 06 Nov 1994 08:49:37 GMT",
    "1994-11-06T08:49:37Z",
    "Sun, 06 Nov 1994 08:49:37 +0000",
    "06 Nov 1994 08:49:37 GMT",
    "Sun, 6 Nov 1994 08:49:37 GMT",
    "sun, 06 nov 1994 08:49:37 GMT",
    "Nov 6, 1994",
    // The shape of a date, but not a day of the calendar or of the clock.
    "Thu, 31 Feb 1994 08:49:37 GMT",
    "Sun, 06 Nov 1994 24:00:00 GMT",
    "Sun, 06 Nov 1994 08:60:00 GMT",
    "Sun, 06 Foo 1994 08:49:37 GMT",
  ])("%j is no answer", (value) => {
    expect(waitFor({ "retry-after": value })).toBeUndefined();
  });
});

describe("retry-after-ms", () => {
  test("a non-negative number of milliseconds, ahead of Retry-After", () => {
    expect(waitFor({ "retry-after-ms": "250", "retry-after": "9" })).toBe(250);
    expect(waitFor({ "retry-after-ms": "12.5" })).toBe(12.5);
  });

  test.each(["-1", "+5", "5abc", "1,2", "1e3", ""])("%j is no answer, and Retry-After is read instead", (value) => {
    expect(waitFor({ "retry-after-ms": value, "retry-after": "2" })).toBe(2_000);
    expect(waitFor({ "retry-after-ms": value })).toBeUndefined();
  });
});

test("a 503 with Retry-After: -1 is retried after the client's own backoff, not at once", async () => {
  const server = await serve([
    json(503, {}, { "retry-after": "-1" }),
    json(200, { callId: "call-1", status: "ended" }),
  ]);
  const { client, delays } = clientOf(server.url, { maxRetries: 1 });
  await expect(client.calls.get("call-1")).resolves.toMatchObject({ callId: "call-1" });
  expect(server.requests).toHaveLength(2);
  // The first backoff is 500 ms less up to 25% jitter.
  expect(delays).toHaveLength(1);
  expect(delays[0]).toBeGreaterThanOrEqual(375);
  expect(delays[0]).toBeLessThanOrEqual(500);
});
