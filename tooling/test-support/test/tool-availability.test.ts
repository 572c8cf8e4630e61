import { afterEach, describe, expect, test, vi } from "vitest";
import { isToolAvailable } from "../src/tool-availability.js";

const missing = { name: "Chromium", executable: "/nonexistent/chromium", install: "apt-get install -y chromium" };

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("isToolAvailable", () => {
  test("an installed tool is available", () => {
    vi.stubEnv("CI", "true");
    expect(isToolAvailable({ name: "Node.js", executable: process.execPath, install: "" })).toBe(true);
  });

  test("a missing tool fails the run under CI, naming where it was looked for and how to install it", () => {
    vi.stubEnv("CI", "true");
    expect(() => isToolAvailable(missing)).toThrow(
      "Chromium is missing at /nonexistent/chromium: apt-get install -y chromium",
    );
  });

  test("a missing tool is skipped elsewhere, with the same hint", () => {
    vi.stubEnv("CI", "");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(isToolAvailable(missing)).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("apt-get install -y chromium"));
  });

  test("a platform with no build of the tool is missing too", () => {
    vi.stubEnv("CI", "true");
    expect(() => isToolAvailable({ name: "Bun", executable: undefined, install: "pnpm install" })).toThrow(
      "Bun is missing: pnpm install",
    );
  });

  test("a tool can say how to tell it is installed", () => {
    vi.stubEnv("CI", "true");
    const terminal = { name: "util-linux `script`", install: "apt-get install -y bsdutils" };
    expect(isToolAvailable({ ...terminal, isInstalled: () => true })).toBe(true);
    expect(() => isToolAvailable({ ...terminal, isInstalled: () => false })).toThrow(
      "util-linux `script` is missing: apt-get install -y bsdutils",
    );
  });
});
