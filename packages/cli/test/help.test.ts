import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { runCli } from "./support/run-cli.js";
import { runInProcess } from "./support/run-in-process.js";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

describe("--help", () => {
  test.each([
    [["--help"], "Usage: sigmamind <command> [options]"],
    [["-h"], "Usage: sigmamind <command> [options]"],
    [["calls", "--help"], "Usage: sigmamind calls <command> [options]"],
    [["calls", "list", "--help"], "Usage: sigmamind calls list [options]"],
    [["calls", "get", "-h"], "Usage: sigmamind calls get ID [options]"],
    [["calls", "create", "--help"], "Usage: sigmamind calls create [options]"],
    [["calls", "delete", "--help"], "Usage: sigmamind calls delete ID [options]"],
    [["--help", "calls", "list"], "Usage: sigmamind calls list [options]"],
    [["calls", "-h"], "Usage: sigmamind calls <command> [options]"],
    [["calls", "list", "-h"], "Usage: sigmamind calls list [options]"],
    [["calls", "create", "-h"], "Usage: sigmamind calls create [options]"],
    [["calls", "delete", "call-1", "-h"], "Usage: sigmamind calls delete ID [options]"],
    [["-h", "calls", "get"], "Usage: sigmamind calls get ID [options]"],
    [[], "Usage: sigmamind <command> [options]"],
  ])("sigmamind %j prints its usage on stdout and exits 0", async (args, usage) => {
    const { code, stdout, stderr } = await runInProcess(args);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout.split("\n")[0]).toBe(usage);
    expect(stdout).toContain("Global options:");
    expect(stdout).toContain("--api-key KEY");
  });

  test("the program's help lists every command", async () => {
    const { stdout } = await runInProcess(["--help"]);
    for (const command of ["calls list", "calls get", "calls create", "calls delete"])
      expect(stdout).toContain(command);
  });

  test("--status lists the statuses the API documents", async () => {
    const { stdout } = await runInProcess(["calls", "list", "--help"]);
    const line = stdout.split("\n").find((text) => text.trimStart().startsWith("--status"));
    expect(line).toContain("scheduled, in-progress, ended, not-connected, error, completed, failed");
  });

  test("--mock and --sandbox are global options, each saying what it serves", async () => {
    const { stdout } = await runInProcess(["calls", "list", "--help"]);
    expect(stdout).toMatch(/--mock\s+.*spec's examples/);
    expect(stdout).toMatch(/--sandbox\s+.*real pages/);
  });

  test("a command's help lists its own flags and examples", async () => {
    const { stdout } = await runInProcess(["calls", "list", "--help"]);
    for (const flag of ["--status S", "--page N", "--size N", "--all", "--format F"]) expect(stdout).toContain(flag);
    expect(stdout).toContain("sigmamind calls list --all --format csv > calls.csv");
    const create = await runInProcess(["calls", "create", "--help"]);
    for (const flag of ["--from E164", "--to E164", "--agent ID", "--var NAME=VALUE", "-y, --yes", "--dry-run"]) {
      expect(create.stdout).toContain(flag);
    }
    expect((await runInProcess(["calls", "delete", "--help"])).stdout).toContain("-y, --yes");
  });

  test("help wins over values that would be refused, without touching the network", async () => {
    const { code, stdout } = await runInProcess(["calls", "list", "--size", "abc", "--format", "xml", "--help"], {
      env: {
        SIGMAMIND_API_KEY: undefined,
      },
    });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: sigmamind calls list/);
  });
});

describe("--version", () => {
  test.each([[["--version"]], [["calls", "list", "--version"]]])(
    "sigmamind %j prints the version of package.json on stdout and exits 0",
    async (args) => {
      const { code, stdout, stderr } = await runInProcess(args, { env: { SIGMAMIND_API_KEY: undefined } });
      expect([code, stderr]).toEqual([0, ""]);
      expect(stdout).toBe(`sigmamind ${version}\n`);
    },
  );

  test("is listed with the global options", async () => {
    const { stdout } = await runInProcess(["--help"]);
    expect(stdout).toMatch(/^ {2}--version +print sigmamind's version$/m);
  });
});

describe("the built program, as a process", () => {
  // Commands are tested in-process; this checks that the bin itself starts, reads argv and sets its exit code.
  test("sigmamind --version exits 0 and a usage error exits 2", async () => {
    const printed = await runCli(["--version"]);
    expect([printed.code, printed.stdout.trim()]).toEqual([0, `sigmamind ${version}`]);
    const usage = await runCli(["calls", "frob"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^sigmamind: unknown command "calls frob"/);
  });
});
