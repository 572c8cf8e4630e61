import { afterEach, describe, expect, test, vi } from "vitest";
import { type Logger, SigmaMind } from "../../src/index.js";
import { emptyPage, fakeFetch, json } from "../support/fake-fetch.js";
import { recordingSleep } from "../support/recording-sleep.js";

const SECRET = "sm-live-3f9a2c41d7e8b6a5c0f1e2d3";

function capturingLogger() {
  const lines: { level: string; text: string }[] = [];
  const at =
    (level: string) =>
    (message: string, ...details: unknown[]) =>
      lines.push({ level, text: [message, ...details.map(String)].join(" ") });
  const logger: Logger = { error: at("error"), warn: at("warn"), info: at("info"), debug: at("debug") };
  return { logger, lines };
}

afterEach(() => vi.unstubAllEnvs());

describe("logging", () => {
  test("debug shows method, URL, status, attempt and duration for every attempt", async () => {
    const { logger, lines } = capturingLogger();
    let calls = 0;
    const { fetch } = fakeFetch(() => (calls++ === 0 ? json(503, {}) : json(200, emptyPage)));
    const client = new SigmaMind({ apiKey: SECRET, fetch, logger, logLevel: "debug", sleep: recordingSleep().sleep });
    await client.calls.list({ size: 5 });
    const debug = lines.filter((line) => line.level === "debug").map((line) => line.text);
    expect(debug).toHaveLength(2);
    expect(debug[0]).toMatch(/^GET https:\/\/api\.sigmamind\.ai\/v1\/calls\?size=5 → 503 in \d+ ms \(attempt 1\/3\)$/);
    expect(debug[1]).toMatch(/^GET https:\/\/api\.sigmamind\.ai\/v1\/calls\?size=5 → 200 in \d+ ms \(attempt 2\/3\)$/);
    expect(lines.some((line) => line.level === "info" && /retrying in \d+ ms \(attempt 2\/3\)/.test(line.text))).toBe(
      true,
    );
  });

  test("by default, every level goes to stderr and nothing to stdout, so logs never mix into a program's output", async () => {
    const stdout = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const { fetch } = fakeFetch(() => json(200, emptyPage));
      await new SigmaMind({ apiKey: SECRET, fetch, logLevel: "debug" }).calls.list();
      expect(stdout).not.toHaveBeenCalled();
      expect(stderr).toHaveBeenCalledWith(expect.stringMatching(/^GET https:\/\/api\.sigmamind\.ai\/v1\/calls → 200/));
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
  });

  test("nothing below the level is logged; the default level is warn", async () => {
    const { logger, lines } = capturingLogger();
    const { fetch } = fakeFetch(() => json(200, emptyPage));
    await new SigmaMind({ apiKey: SECRET, fetch, logger }).calls.list();
    expect(lines).toEqual([]);
  });

  test("SIGMAMIND_LOG sets the level", async () => {
    vi.stubEnv("SIGMAMIND_LOG", "debug");
    const { logger, lines } = capturingLogger();
    const { fetch } = fakeFetch(() => json(200, emptyPage));
    await new SigmaMind({ apiKey: SECRET, fetch, logger }).calls.list();
    expect(lines).toHaveLength(1);
  });

  test("a SIGMAMIND_LOG that is not a level is a warning naming it, and the client logs at warn", async () => {
    vi.stubEnv("SIGMAMIND_LOG", "verbose");
    const { logger, lines } = capturingLogger();
    const { fetch } = fakeFetch(() => json(200, emptyPage));
    const client = new SigmaMind({ apiKey: SECRET, fetch, logger });
    expect(lines).toEqual([
      {
        level: "warn",
        text: 'SIGMAMIND_LOG must be one of off, error, warn, info, debug, got "verbose": logging at warn.',
      },
    ]);
    await client.calls.list();
    expect(lines).toHaveLength(1);
  });

  test("a logLevel option that is not a level is still an error: it is in the code, not the environment", () => {
    expect(() => new SigmaMind({ apiKey: SECRET, logLevel: "verbose" as never })).toThrow(
      'new SigmaMind(options): logLevel must be one of off, error, warn, info, debug, got "verbose".',
    );
  });

  test("off logs nothing, even failures", async () => {
    const { logger, lines } = capturingLogger();
    const { fetch } = fakeFetch(() => json(429, {}, { "retry-after": "3600" }));
    await new SigmaMind({ apiKey: SECRET, fetch, logger, logLevel: "off" }).calls.list().catch(() => {});
    expect(lines).toEqual([]);
  });

  test("bad logger options fail at construction", () => {
    expect(() => new SigmaMind({ apiKey: SECRET, logLevel: "loud" as never })).toThrow(/logLevel must be one of/);
    expect(() => new SigmaMind({ apiKey: SECRET, logger: { log() {} } as never })).toThrow(
      /logger must have error, warn, info and debug methods/,
    );
  });

  test("no log line at any level holds the key", async () => {
    const { logger, lines } = capturingLogger();
    let calls = 0;
    const { fetch } = fakeFetch(() => {
      calls++;
      if (calls === 1) throw new TypeError("fetch failed", { cause: { code: "ECONNRESET" } });
      if (calls === 2) return json(500, { message: `echo ${SECRET}?` });
      return json(429, {}, { "retry-after": "3600" });
    });
    const client = new SigmaMind({ apiKey: SECRET, fetch, logger, logLevel: "debug", sleep: recordingSleep().sleep });
    await client.calls.list().catch(() => {});
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const line of lines) expect(line.text).not.toContain(SECRET);
  });
});
