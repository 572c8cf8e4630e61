// Progress is for a person at a terminal; stdout carries the data alone.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type {} from "@sigmamind/mock/vitest";
import { describe, expect, inject, test } from "vitest";
import { linesOf, runCli } from "./support/run-cli.js";
import { cliCommand, hasScript } from "./support/terminal.js";

const mockUrl = inject("sigmamindMockUrl");

describe("progress", () => {
  test("none when stderr is not a terminal: stdout holds the data and nothing else", async () => {
    const { code, stdout, stderr } = await runCli([
      "calls",
      "list",
      "--all",
      "--format",
      "ndjson",
      "--base-url",
      mockUrl,
    ]);
    expect([code, stderr]).toEqual([0, ""]);
    expect(stdout).not.toContain("\r");
    expect(linesOf(stdout).map((line) => JSON.parse(line).callId)).toEqual(["call-AuUKK371Spr5nHJS"]);
  });

  test.skipIf(!hasScript)("on a terminal's stderr while stdout goes to a file, and never into the file", () => {
    const directory = mkdtempSync(join(tmpdir(), "sigmamind-cli-"));
    try {
      const file = join(directory, "calls.ndjson");
      const command = `${cliCommand(["calls", "list", "--all", "--format", "ndjson", "--base-url", mockUrl])} > "${file}"`;
      const terminal = execFileSync("script", ["-qec", command, "/dev/null"], {
        env: { PATH: process.env.PATH, SIGMAMIND_API_KEY: "any-key" },
        encoding: "utf8",
      });
      expect(terminal).toContain("1 call");
      expect(readFileSync(file, "utf8")).not.toContain("call\r");
      expect(linesOf(readFileSync(file, "utf8")).map((line) => JSON.parse(line).callId)).toEqual([
        "call-AuUKK371Spr5nHJS",
      ]);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
