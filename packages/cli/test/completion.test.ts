// Shell completion: `sigmamind completion bash|zsh|fish` prints a thin script that asks the hidden
// `sigmamind __complete WORD...` what fits where the cursor is. The candidates are tested in-process; the scripts
// are loaded in the real shells and asked to complete lines, through the built CLI on PATH.
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { KNOWN_CALL_STATUSES } from "@sigmamind/client";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { COMMAND_GROUPS } from "../src/command-tree.js";
import { operationCommand } from "../src/commands/operation-command.js";
import { completionCandidates } from "../src/completion/candidates.js";
import { PROFILE_KEYS } from "../src/config/config-file.js";
import { OPERATIONS } from "../src/generated/operations.js";
import { CALL_FIELD_NAMES } from "../src/output/call-fields.js";
import { type FakeApi, startFakeApi } from "./support/fake-api.js";
import { runCli } from "./support/run-cli.js";
import { runInProcess } from "./support/run-in-process.js";
import {
  bashCompletions,
  checkSyntax,
  fishCompletions,
  hasBash,
  hasFish,
  hasZsh,
  type InstalledCli,
  installCli,
  runShell,
  zshCompletions,
} from "./support/shells.js";

const CALLS_COMMANDS = ["list", "create", "get", "delete", "wait"];
const GLOBAL_FLAG_NAMES = [
  "--api-key",
  "--api-key-file",
  "--profile",
  "--base-url",
  "--allow-insecure-http",
  "--mock",
  "--sandbox",
  "--max-retries",
  "--timeout",
  "--debug",
  "--help",
  "--version",
];

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), "sigmamind-completion-"));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** A config folder whose file holds these profiles, readable by its owner only, as `config set` leaves it. */
async function configDirectory(profiles: Record<string, object>, mode = 0o600): Promise<string> {
  const folder = join(directory, "sigmamind");
  await mkdir(folder, { recursive: true, mode: 0o700 });
  await writeFile(join(folder, "config.json"), JSON.stringify({ profiles }));
  await chmod(join(folder, "config.json"), mode);
  return folder;
}

function commandNamed(groupName: string, commandName: string) {
  const group = COMMAND_GROUPS.find((candidate) => candidate.name === groupName);
  const command = group?.commands.find((candidate) => candidate.name === commandName);
  if (!command) throw new Error(`sigmamind has no command "${groupName} ${commandName}"`);
  return command;
}

/** The candidates `sigmamind __complete` prints for these words, the last being the one under the cursor. */
async function complete(words: readonly string[], env: Record<string, string | undefined> = {}) {
  const { code, stdout, stderr } = await runInProcess(["__complete", ...words], {
    env: { SIGMAMIND_CONFIG_DIR: join(directory, "none"), ...env },
  });
  expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
  return stdout.split("\n").filter((line) => line !== "");
}

describe("sigmamind __complete", () => {
  test.each([
    [[], COMMAND_GROUPS.map((group) => group.name)],
    [[""], ["calls", "config", "completion"]],
    [["ca"], ["calls"]],
    [["co"], ["config", "completion"]],
    [["nothing-like-it"], []],
    [["calls", ""], CALLS_COMMANDS],
    [["calls", "d"], ["delete"]],
    [
      ["config", ""],
      ["list", "get", "set"],
    ],
    [
      ["completion", ""],
      ["bash", "zsh", "fish"],
    ],
    [["frob", ""], []],
  ])("%j: the command words", async (words, candidates) => {
    expect(await complete(words)).toEqual(candidates);
  });

  test("never offers itself: the hidden command is for the scripts only", async () => {
    expect(await complete(["_"])).toEqual([]);
    expect(await complete([""])).not.toContain("__complete");
  });

  test("a command's own flags, then the global ones, in --name form", async () => {
    const own = Object.keys(commandNamed("calls", "list").flags).map((name) => `--${name}`);
    expect(own).toEqual(expect.arrayContaining(["--status", "--page", "--size", "--all", "--format"]));
    expect(await complete(["calls", "list", "--"])).toEqual([...own, ...GLOBAL_FLAG_NAMES]);
    expect(await complete(["calls", "list", "--st"])).toEqual(["--status"]);
    expect(await complete(["calls", "create", "--wa"])).toEqual(["--wait", "--wait-timeout"]);
  });

  test("short flags too, where a flag has one", async () => {
    const delete_ = await complete(["calls", "delete", "call-1", "-"]);
    expect(delete_).toEqual(expect.arrayContaining(["-y", "--yes", "-h", "--help", "--profile"]));
    expect(await complete(["calls", "list", "-"])).toContain("-h");
    expect(await complete(["calls", "list", "-"])).not.toContain("-y");
  });

  test("before the command words, only the global flags", async () => {
    expect(await complete(["--"])).toEqual(GLOBAL_FLAG_NAMES);
    expect(await complete(["calls", "--s"])).toEqual(["--sandbox"]);
  });

  test("a flag already given is not offered again, unless it may be repeated", async () => {
    const offered = await complete(["calls", "list", "--all", "--format", "csv", "--mock", "--"]);
    expect(offered).not.toContain("--all");
    expect(offered).not.toContain("--format");
    expect(offered).not.toContain("--mock");
    expect(offered).toContain("--status");
    expect(await complete(["calls", "create", "--var", "a=1", "--va"])).toEqual(["--var"]);
  });

  test("global flags and their values before or after the command words do not count as words", async () => {
    expect(await complete(["--profile", "prod", "--mock", "ca"])).toEqual(["calls"]);
    expect(await complete(["--timeout", "5", "calls", "--debug", ""])).toEqual(CALLS_COMMANDS);
    expect(await complete(["calls", "list", "--size", "5", "--"])).not.toContain("--size");
  });

  test("--status: the call statuses the API documents", async () => {
    expect(await complete(["calls", "list", "--status", ""])).toEqual([...KNOWN_CALL_STATUSES]);
    expect(await complete(["calls", "list", "--status", "e"])).toEqual(["ended", "error"]);
    expect(await complete(["calls", "list", "--status=in"])).toEqual(["--status=in-progress"]);
  });

  test("--fields: the call's fields, then after each comma the fields not yet named", async () => {
    expect(await complete(["calls", "list", "--fields", ""])).toEqual([...CALL_FIELD_NAMES]);
    expect(await complete(["calls", "get", "call-1", "--fields", "call"])).toEqual(["callId", "callType"]);
    const afterTwo = await complete(["calls", "list", "--fields", "callId,status,"]);
    expect(afterTwo).toEqual(
      CALL_FIELD_NAMES.filter((name) => name !== "callId" && name !== "status").map((name) => `callId,status,${name}`),
    );
    expect(await complete(["calls", "list", "--fields=status,callI"])).toEqual(["--fields=status,callId"]);
    expect(await complete(["calls", "wait", "call-1", "--fields", ""])).toEqual([]);
  });

  test("--fields reads what is typed as the command does: names trimmed, and nothing after an empty one", async () => {
    expect(await complete(["calls", "list", "--fields", "status, callId,call"])).toEqual(["status, callId,callType"]);
    expect(await complete(["calls", "list", "--fields", "status, callT"])).toEqual(["status, callType"]);
    for (const typed of [",", ",c", "callId,,", "callId, ,"]) {
      expect(await complete(["calls", "list", "--fields", typed]), typed).toEqual([]);
    }
    expect(await complete(["calls", "list", "--fields=,"])).toEqual([]);
  });

  test("a flag that takes a free value, or a positional argument without a list, offers nothing", async () => {
    expect(await complete(["calls", "list", "--size", ""])).toEqual([]);
    expect(await complete(["calls", "get", ""])).toEqual([]);
    expect(await complete(["calls", "create", "--to", "+1"])).toEqual([]);
    expect(await complete(["calls", "list", "--all", ""])).toEqual([]);
  });

  test("a value of a flag is not taken for a flag, even when it starts with -", async () => {
    expect(await complete(["calls", "list", "--status", "-"])).toEqual([]);
  });

  // The formats are declared by each command's flag (`choices`); a command that does not declare them yet offers
  // nothing for --format, and no error.
  test.each([
    [
      ["calls", "list"],
      ["table", "json", "ndjson", "csv"],
    ],
    [
      ["calls", "get", "call-1"],
      ["table", "json"],
    ],
    [
      ["calls", "wait", "call-1"],
      ["table", "ndjson", "json"],
    ],
    [
      ["calls", "create"],
      ["table", "json", "ndjson"],
    ],
    [
      ["config", "list"],
      ["table", "json"],
    ],
  ])("%j --format: the formats the command declares", async (words, formats) => {
    const declared = commandNamed(words[0] ?? "", words[1] ?? "").flags.format?.choices;
    expect(await complete([...words, "--format", ""])).toEqual([...(declared ?? [])]);
    if (declared !== undefined) expect([...declared].sort()).toEqual([...formats].sort());
  });

  test("--format offers what the command's flag declares, as the generic command of an operation does", async () => {
    const operation = OPERATIONS.find((candidate) => candidate.label === "calls.get");
    if (!operation) throw new Error("the spec has no calls.get");
    const groups = [{ name: "calls", summary: "calls", commands: [operationCommand(operation)] }];
    expect(await completionCandidates(["calls", "get", "call-1", "--format", ""], {}, groups)).toEqual([
      "json",
      "table",
    ]);
    expect(await completionCandidates(["calls", "get", "--format=t"], {}, groups)).toEqual(["--format=table"]);
  });

  test("config get and config set: the keys a profile may set", async () => {
    expect(await complete(["config", "set", ""])).toEqual([...PROFILE_KEYS]);
    expect(await complete(["config", "get", "b"])).toEqual(["base-url"]);
    expect(await complete(["config", "set", "base-url", ""])).toEqual([]);
  });

  test("--profile: the profiles of the config file, read at each completion", async () => {
    const folder = await configDirectory({ staging: { "base-url": "https://staging.example" }, prod: {} });
    expect(await complete(["--profile", ""], { SIGMAMIND_CONFIG_DIR: folder })).toEqual(["staging", "prod"]);
    expect(await complete(["calls", "list", "--profile", "st"], { SIGMAMIND_CONFIG_DIR: folder })).toEqual(["staging"]);
    expect(await complete(["--profile=p"], { SIGMAMIND_CONFIG_DIR: folder })).toEqual(["--profile=prod"]);
  });

  test("--profile without a config file offers nothing", async () => {
    expect(await complete(["--profile", ""])).toEqual([]);
  });

  test.each([
    ["not JSON", "{ profiles:", 0o600],
    ["not a config", '{"profiles": {"a": 7}}', 0o600],
    ["readable by others", '{"profiles": {"a": {}}}', 0o644],
  ])("a config file that is %s: no profiles, no error, no output", async (_, text, mode) => {
    const folder = await configDirectory({});
    await writeFile(join(folder, "config.json"), text);
    await chmod(join(folder, "config.json"), mode);
    const { code, stdout, stderr } = await runInProcess(["__complete", "--profile", ""], {
      env: { SIGMAMIND_CONFIG_DIR: folder },
    });
    expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  test("a profile name a shell could not take as one word is not offered", async () => {
    const folder = await configDirectory({ good: {}, "two\nlines": {}, "with space": {} });
    expect(await complete(["--profile", ""], { SIGMAMIND_CONFIG_DIR: folder })).toEqual(["good"]);
  });

  describe("sends nothing and needs no key", () => {
    let api: FakeApi;
    beforeAll(async () => {
      api = await startFakeApi(() => ({ status: 500 }));
    });
    afterAll(() => api.close());

    test("with a base URL, a key file that does not exist, and no key", async () => {
      const words = ["--base-url", api.url, "--api-key-file", join(directory, "missing.key"), "calls", "list", "--"];
      const offered = await complete(words, { SIGMAMIND_API_KEY: undefined, SIGMAMIND_PROFILE: "nowhere" });
      expect(offered).toContain("--status");
      expect(api.requests).toEqual([]);
    });
  });
});

describe("sigmamind completion", () => {
  test("is listed in the help; __complete is not", async () => {
    const { stdout } = await runInProcess(["--help"]);
    for (const shell of ["bash", "zsh", "fish"]) expect(stdout).toContain(`completion ${shell}`);
    expect(stdout).not.toContain("__complete");
  });

  test.each([
    ["bash", "source <(sigmamind completion bash)"],
    ["zsh", `sigmamind completion zsh > "\${fpath[1]}/_sigmamind"`],
    ["fish", "sigmamind completion fish > ~/.config/fish/completions/sigmamind.fish"],
  ])("completion %s --help says how to install it", async (shell, example) => {
    const { code, stdout } = await runInProcess(["completion", shell, "--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain(`Usage: sigmamind completion ${shell} [options]`);
    expect(stdout).toContain(example);
  });

  test("without a shell is a usage error naming the shells", async () => {
    const { code, stderr } = await runInProcess(["completion"], { env: { SIGMAMIND_API_KEY: undefined } });
    expect(code).toBe(2);
    expect(stderr).toContain('"completion" needs a command: bash, zsh, fish');
  });

  test("the scripts ask the hidden command and register for sigmamind", async () => {
    const script = async (shell: string) => {
      const { code, stdout, stderr } = await runInProcess(["completion", shell], {
        env: { SIGMAMIND_API_KEY: undefined },
      });
      expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
      expect(stdout).toContain("sigmamind __complete");
      return stdout;
    };
    expect(await script("bash")).toMatch(/^complete -o default -F _sigmamind sigmamind$/m);
    const zsh = await script("zsh");
    expect(zsh.split("\n")[0]).toBe("#compdef sigmamind");
    expect(zsh).toMatch(/^ {2}compdef _sigmamind sigmamind$/m);
    expect(zsh).toContain("_files");
    const fish = await script("fish");
    expect(fish).toMatch(/^complete --command sigmamind --no-files --arguments '\(__sigmamind_complete\)'$/m);
    expect(fish).toContain("__fish_complete_path");
  });

  test("the built bin prints a bash script that bash reads without a syntax error", async () => {
    const { code, stdout } = await runCli(["completion", "bash"], { SIGMAMIND_API_KEY: undefined });
    expect(code).toBe(0);
    if (hasBash) expect(await checkSyntax("bash", stdout)).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  test("the built bin answers __complete", async () => {
    const { code, stdout, stderr } = await runCli(["__complete", "calls", ""], { SIGMAMIND_API_KEY: undefined });
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toBe(`${CALLS_COMMANDS.join("\n")}\n`);
  });
});

describe("in the shells", () => {
  let cli: InstalledCli;
  let env: Record<string, string>;
  beforeAll(async () => {
    cli = await installCli();
  });
  afterAll(() => cli.remove());
  beforeEach(async () => {
    env = cli.env({ SIGMAMIND_CONFIG_DIR: await configDirectory({ staging: {}, prod: {} }) });
  });

  describe.skipIf(!hasBash)("bash", () => {
    test.each([
      ["sigmamind ", ["calls", "config", "completion"]],
      ["sigmamind ca", ["calls"]],
      ["sigmamind calls ", CALLS_COMMANDS],
      ["sigmamind calls list --st", ["--status"]],
      ["sigmamind calls list --status ", [...KNOWN_CALL_STATUSES]],
      ["sigmamind calls list --status e", ["ended", "error"]],
      ["sigmamind --profile ", ["staging", "prod"]],
      ["sigmamind config set ", [...PROFILE_KEYS]],
      ["sigmamind completion f", ["fish"]],
      // bash splits at "=": what it offers replaces only the part after it.
      ["sigmamind calls list --status=in", ["in-progress"]],
      [
        "sigmamind calls list --status=",
        ["=scheduled", "=in-progress", "=ended", "=not-connected", "=error", "=completed", "=failed"],
      ],
      ["sigmamind calls get ", []],
      ["sigmamind calls list --fields callId,stat", ["callId,status"]],
    ])("%j offers %j", async (line, candidates) => {
      expect(await bashCompletions(line, env)).toEqual(candidates);
    });

    test("completing inside a line: only what is before the cursor counts", async () => {
      // The cursor after "ca" of "sigmamind ca list": bash's COMP_POINT marks it.
      const script = [
        "source <(sigmamind completion bash)",
        "COMP_LINE='sigmamind ca list'; COMP_POINT=12; COMP_WORDS=(sigmamind ca list); COMP_CWORD=1",
        "_sigmamind sigmamind ca sigmamind",
        `printf '%s\\n' "\${COMPREPLY[@]}"`,
      ].join("\n");
      const { stdout, stderr } = await runShell("bash", ["--norc", "-c", script], env);
      expect({ stdout, stderr }).toEqual({ stdout: "calls\n", stderr: "" });
    });

    test("nothing offered, and no error, when sigmamind is not on PATH", async () => {
      expect(await bashCompletions("sigmamind ca", env, { pathAtTab: directory })).toEqual([]);
    });
  });

  describe.skipIf(!hasZsh)("zsh", () => {
    test("zsh reads the script without a syntax error", async () => {
      const { stdout } = await runShell("sigmamind", ["completion", "zsh"], env);
      expect(await checkSyntax("zsh", stdout)).toEqual({ code: 0, stdout: "", stderr: "" });
    });

    test.each([
      ["sigmamind ca", ["calls"]],
      ["sigmamind calls ", CALLS_COMMANDS],
      ["sigmamind calls list --st", ["--status"]],
      ["sigmamind calls list --status ", [...KNOWN_CALL_STATUSES]],
      ["sigmamind calls list --status=e", ["--status=ended", "--status=error"]],
      ["sigmamind --profile ", ["staging", "prod"]],
      ["sigmamind config get ", [...PROFILE_KEYS]],
      ["sigmamind calls list --fields callId,stat", ["callId,status"]],
      // Where sigmamind has nothing to list, zsh completes file names.
      ["sigmamind calls list --api-key-file ", ["(files)"]],
    ])("%j offers %j", async (line, candidates) => {
      expect(await zshCompletions(line, env)).toEqual(candidates);
    });
  });

  describe.skipIf(!hasFish)("fish", () => {
    test("fish reads the script without a syntax error", async () => {
      const { stdout } = await runShell("sigmamind", ["completion", "fish"], env);
      expect(await checkSyntax("fish", stdout)).toEqual({ code: 0, stdout: "", stderr: "" });
    });

    test.each([
      ["sigmamind ca", ["calls"]],
      ["sigmamind calls ", CALLS_COMMANDS],
      ["sigmamind calls list --st", ["--status"]],
      ["sigmamind calls list --status ", [...KNOWN_CALL_STATUSES]],
      ["sigmamind --profile ", ["staging", "prod"]],
      ["sigmamind config set ", [...PROFILE_KEYS]],
      ["sigmamind calls list --fields callId,stat", ["callId,status"]],
    ])("%j offers %j", async (line, candidates) => {
      expect((await fishCompletions(line, env)).sort()).toEqual([...candidates].sort());
    });
  });
});
