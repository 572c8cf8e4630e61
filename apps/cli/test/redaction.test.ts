// The API key is kept out of everything printed, without mangling the words around it when it is short.
import { refusedUrl } from "@sigmamind/test-support/free-port";
import { describe, expect, test } from "vitest";
import { redact } from "../src/redact.js";
import { runInProcess } from "./support/run-in-process.js";

const LONG_KEY = "sk-live-9d2f7c1a4b6e8f03";

describe("redact", () => {
  test("a one-letter key is replaced where it stands alone, never inside a word", () => {
    expect(redact("Check the network, then try again.", ["k"])).toBe("Check the network, then try again.");
    expect(redact('key=k, "k", Bearer k; k', ["k"])).toBe(
      'key=[redacted], "[redacted]", Bearer [redacted]; [redacted]',
    );
  });

  test("a long key is replaced wherever it appears, glued to other text or not", () => {
    for (const [text, expected] of [
      [`key=${LONG_KEY}`, "key=[redacted]"],
      [`"${LONG_KEY}"`, '"[redacted]"'],
      [`Bearer ${LONG_KEY}`, "Bearer [redacted]"],
      // An echo inside an escaped string (\n) or a URL-encoded query (%3D) glues the key to a letter.
      [`bad key:\\n${LONG_KEY}`, "bad key:\\n[redacted]"],
      [`api_key%3D${LONG_KEY}x`, "api_key%3D[redacted]x"],
    ]) {
      expect(redact(text as string, [LONG_KEY])).toBe(expected);
    }
  });

  test("a key with characters that mean something in a pattern is matched as text", () => {
    expect(redact("a+b.c and a+bxc", ["a+b.c"])).toBe("[redacted] and a+bxc");
    expect(redact("k-1 (k-1)", ["k-1"])).toBe("[redacted] ([redacted])");
  });

  test("every key given is removed; an empty one is ignored", () => {
    expect(redact(`${LONG_KEY} k`, ["", LONG_KEY, "k"])).toBe("[redacted] [redacted]");
  });
});

describe("errors printed with a short key", () => {
  test("a network error keeps its words intact with SIGMAMIND_API_KEY=k", async () => {
    const { code, stderr } = await runInProcess(["calls", "list", "--max-retries", "0"], {
      env: { SIGMAMIND_API_KEY: "k", SIGMAMIND_BASE_URL: (await refusedUrl()).url },
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^sigmamind: Could not reach the SigmaMind API at http:\/\/127\.0\.0\.1:\d+ /);
    expect(stderr).toContain("Check the network");
    expect(stderr).not.toContain("[redacted]");
  });
});
