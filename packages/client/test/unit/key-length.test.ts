// A key is a few dozen characters. One far longer is not a key (a file pasted in, a whole .env), and is refused
// at construction with its length, never its text.
import { describe, expect, test } from "vitest";
import { InvalidInputError, SigmaMind } from "../../src/index.js";

const TOO_LONG = `sm-live-${"x".repeat(5_000)}`;

describe("the key's length", () => {
  test("a key of 1,024 characters is taken", () => {
    expect(() => new SigmaMind({ apiKey: "k".repeat(1_024) })).not.toThrow();
  });

  test.each([
    ["given as apiKey", () => new SigmaMind({ apiKey: TOO_LONG })],
    [
      "read from SIGMAMIND_API_KEY",
      () => {
        process.env.SIGMAMIND_API_KEY = TOO_LONG;
        try {
          return new SigmaMind();
        } finally {
          delete process.env.SIGMAMIND_API_KEY;
        }
      },
    ],
  ])("a longer key %s is refused with its length and the limit, not its text", (_where, construct) => {
    let error: unknown;
    try {
      construct();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toBe(
      "The SigmaMind API key is 5008 characters long, more than the 1024 a key can be. Copy it again from the dashboard settings.",
    );
    expect(String((error as Error).stack)).not.toContain("xxxxxxxx");
  });
});
