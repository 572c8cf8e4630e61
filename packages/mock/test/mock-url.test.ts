// This package's own Vitest config has no global setup, as a consumer's that forgot it: mockUrl() must fail.
import { expect, test } from "vitest";
import { mockUrl } from "../src/mock-url.js";

test("mockUrl() fails, saying what to add, when no mock was set up", () => {
  expect(() => mockUrl()).toThrow(/No SigmaMind mock was set up.*"@sigmamind\/mock\/vitest" to test\.globalSetup/);
});
