// Profiles: `sigmamind config set|get|list` writes and reads the config file (in SIGMAMIND_CONFIG_DIR here), and
// `--profile NAME` / SIGMAMIND_PROFILE pick a profile's base URL and key file, against a stand-in API on 127.0.0.1
// that records the key each request carried.
import { execFile } from "node:child_process";
import { chmod, lstat, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { configPath } from "../src/config/config-file.js";
import { type FakeApi, startFakeApi } from "./support/fake-api.js";
import { runCli } from "./support/run-cli.js";
import { runInProcess } from "./support/run-in-process.js";

const execFileAsync = promisify(execFile);

const PAGE = { data: [], page: 0, size: 10, totalCounts: 0, totalPages: 0, hasNext: false, hasPrevious: false };
const STAGING_KEY = "sk-staging-7d1e9b0c4a2f";
const DEFAULT_KEY = "sk-default-3b8a6c1f0e9d";

let staging: FakeApi;
let fallback: FakeApi;
let directory: string;
beforeAll(async () => {
  staging = await startFakeApi(() => ({ status: 200, body: PAGE }));
  fallback = await startFakeApi(() => ({ status: 200, body: PAGE }));
});
afterAll(async () => {
  await staging?.close();
  await fallback?.close();
});
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), "sigmamind-config-"));
  staging.requests.length = 0;
  fallback.requests.length = 0;
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** The environment of a run of the built CLI with this test's config folder. */
const cliEnv = () => ({ SIGMAMIND_API_KEY: undefined, SIGMAMIND_CONFIG_DIR: join(directory, "sigmamind") });

/** The CLI with this test's config folder, no key in the environment unless given, and nothing else. */
function sigmamind(args: string[], env: Record<string, string | undefined> = {}) {
  return runInProcess(args, {
    env: { SIGMAMIND_API_KEY: undefined, SIGMAMIND_CONFIG_DIR: join(directory, "sigmamind"), ...env },
  });
}

async function keyFile(name: string, key: string, mode = 0o600): Promise<string> {
  const path = join(directory, name);
  await writeFile(path, `${key}\n`);
  await chmod(path, mode);
  return path;
}

const configFile = () => join(directory, "sigmamind", "config.json");
const keysSent = (api: FakeApi) => api.requests.map((request) => request.headers["x-api-key"]);

async function setUpProfiles() {
  for (const [profile, url, key] of [
    ["staging", staging.url, await keyFile("staging.key", STAGING_KEY)],
    ["default", fallback.url, await keyFile("default.key", DEFAULT_KEY)],
  ] as const) {
    expect((await sigmamind(["config", "set", "base-url", url, "--profile", profile])).code).toBe(0);
    expect((await sigmamind(["config", "set", "api-key-file", key, "--profile", profile])).code).toBe(0);
  }
}

describe("sigmamind config set", () => {
  test("writes the profile to a config file only its owner can read, in a folder only its owner can enter", async () => {
    const key = await keyFile("staging.key", STAGING_KEY);
    const set = await sigmamind(["config", "set", "base-url", staging.url, "--profile", "staging"]);
    expect(set).toMatchObject({ code: 0, stdout: "" });
    expect(set.stderr).toBe(`Set base-url of profile "staging" in ${configFile()}.\n`);
    await sigmamind(["config", "set", "api-key-file", key, "--profile", "staging"]);
    expect(JSON.parse(await readFile(configFile(), "utf8"))).toEqual({
      profiles: { staging: { "base-url": staging.url, "api-key-file": key } },
    });
    expect((await stat(configFile())).mode & 0o777).toBe(0o600);
    expect((await stat(join(directory, "sigmamind"))).mode & 0o777).toBe(0o700);
    // Replaced whole through a temporary file, which is gone.
    expect(await readdir(join(directory, "sigmamind"))).toEqual(["config.json"]);
    // The key file is named, never read into the config.
    expect(await readFile(configFile(), "utf8")).not.toContain(STAGING_KEY);
  });

  test("keeps the other profiles and settings, and acts on SIGMAMIND_PROFILE's profile, else default", async () => {
    await sigmamind(["config", "set", "base-url", staging.url], { SIGMAMIND_PROFILE: "staging" });
    await sigmamind(["config", "set", "base-url", fallback.url]);
    expect(JSON.parse(await readFile(configFile(), "utf8")).profiles).toEqual({
      staging: { "base-url": staging.url },
      default: { "base-url": fallback.url },
    });
  });

  test.each([
    [["config", "set", "password", "x"], 'KEY must be base-url or api-key-file, got "password"'],
    [
      ["config", "set", "base-url", "not a url"],
      'base-url must be a URL such as https://api.sigmamind.ai, got "not a url"',
    ],
    [["config", "set", "base-url", "ftp://example.com"], "base-url must use https: or http:, got ftp:"],
    [["config", "set", "api-key-file", "/nonexistent/key"], 'api-key-file "/nonexistent/key" is not a file'],
    [["config", "set", "base-url", "https://a.example", "--profile", "../x"], "--profile must be a profile name"],
  ])("%j is a usage error, and nothing is written", async (args, message) => {
    const { code, stderr } = await sigmamind(args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    await expect(stat(configFile())).rejects.toThrow(/ENOENT/);
  });

  test("refuses a key file others can read, with the chmod to run", async () => {
    const key = await keyFile("open.key", STAGING_KEY, 0o644);
    const { code, stderr } = await sigmamind(["config", "set", "api-key-file", key]);
    expect(code).toBe(2);
    expect(stderr).toContain(
      `api-key-file "${key}" can be read by other users (permissions 0644), so it is not used: run chmod 600 "${key}"`,
    );
  });
});

describe("--profile and SIGMAMIND_PROFILE", () => {
  test("--profile sends to the profile's base URL with the key in its key file", async () => {
    await setUpProfiles();
    const { code, stderr } = await sigmamind(["--profile", "staging", "calls", "list"]);
    expect(stderr).not.toContain("sigmamind:");
    expect(code).toBe(0);
    expect(keysSent(staging)).toEqual([STAGING_KEY]);
    expect(fallback.requests).toEqual([]);
  });

  test("SIGMAMIND_PROFILE does the same; --profile wins over it", async () => {
    await setUpProfiles();
    await sigmamind(["calls", "list"], { SIGMAMIND_PROFILE: "staging" });
    await sigmamind(["calls", "list", "--profile", "default"], { SIGMAMIND_PROFILE: "staging" });
    expect(keysSent(staging)).toEqual([STAGING_KEY]);
    expect(keysSent(fallback)).toEqual([DEFAULT_KEY]);
  });

  test("a named profile wins over SIGMAMIND_BASE_URL and SIGMAMIND_API_KEY; the flags win over it", async () => {
    await setUpProfiles();
    const env = { SIGMAMIND_BASE_URL: fallback.url, SIGMAMIND_API_KEY: "sk-from-environment-0000" };
    await sigmamind(["--profile", "staging", "calls", "list"], env);
    expect(keysSent(staging)).toEqual([STAGING_KEY]);
    await sigmamind(["--profile", "staging", "--base-url", fallback.url, "calls", "list"], env);
    expect(keysSent(fallback)).toEqual([STAGING_KEY]);
  });

  test("without a named profile, the default profile's URL goes with its key, whatever SIGMAMIND_API_KEY holds", async () => {
    await setUpProfiles();
    await sigmamind(["calls", "list"]);
    await sigmamind(["calls", "list"], { SIGMAMIND_API_KEY: "sk-from-environment-0000" });
    expect(keysSent(fallback)).toEqual([DEFAULT_KEY, DEFAULT_KEY]);
  });

  test("SIGMAMIND_BASE_URL wins over the default profile, and then the profile's key never goes to it", async () => {
    await setUpProfiles();
    const both = await sigmamind(["calls", "list"], {
      SIGMAMIND_BASE_URL: staging.url,
      SIGMAMIND_API_KEY: "sk-from-environment-0000",
    });
    expect(both.code).toBe(0);
    expect(keysSent(staging)).toEqual(["sk-from-environment-0000"]);
    const urlOnly = await sigmamind(["calls", "list"], { SIGMAMIND_BASE_URL: staging.url });
    expect(urlOnly.code).toBe(2);
    expect(urlOnly.stderr).toContain("no API key");
    expect(keysSent(staging)).toEqual(["sk-from-environment-0000"]);
  });

  test("a profile that sets base-url but no key file never gets SIGMAMIND_API_KEY: a usage error, nothing sent", async () => {
    await sigmamind(["config", "set", "base-url", staging.url, "--profile", "gateway"]);
    const { code, stderr } = await sigmamind(["--profile", "gateway", "calls", "list"], {
      SIGMAMIND_API_KEY: "sk-live-production-0000",
    });
    expect(code).toBe(2);
    expect(stderr).toContain(
      'profile "gateway" sets base-url but no api-key-file, and SIGMAMIND_API_KEY is never sent to a profile\'s base URL: run sigmamind config set api-key-file PATH --profile gateway, or pass --api-key-file',
    );
    expect(staging.requests).toEqual([]);
    // A key the person gives on the line is theirs to send.
    const key = await keyFile("given.key", "sk-given-on-the-line-00");
    await sigmamind(["--profile", "gateway", "--api-key-file", key, "calls", "list"]);
    expect(keysSent(staging)).toEqual(["sk-given-on-the-line-00"]);
  });

  test.each(["toString", "constructor", "hasOwnProperty"])(
    "--profile %s, a name every object inherits, is no profile unless the file has it",
    async (name) => {
      await setUpProfiles();
      const { code, stderr } = await sigmamind(["--profile", name, "calls", "list"]);
      expect(code).toBe(2);
      expect(stderr).toContain(`--profile ${name}: there is no such profile`);
    },
  );

  test("an unknown profile is a usage error that lists the profiles and how to add it; nothing is sent", async () => {
    await setUpProfiles();
    const { code, stderr } = await sigmamind(["--profile", "prod", "calls", "list"]);
    expect(code).toBe(2);
    expect(stderr).toContain(
      `--profile prod: there is no such profile in "${configFile()}" (its profiles are staging, default); add it with: sigmamind config set base-url URL --profile prod`,
    );
    expect([...staging.requests, ...fallback.requests]).toEqual([]);
  });

  test("a config file others can read is refused, as ssh refuses such a key, with the chmod to run", async () => {
    await setUpProfiles();
    await chmod(configFile(), 0o644);
    const { code, stderr } = await sigmamind(["--profile", "staging", "calls", "list"]);
    expect(code).toBe(2);
    expect(stderr).toContain(`the config file "${configFile()}" can be read by other users (permissions 0644)`);
    expect(stderr).toContain(`run chmod 600 "${configFile()}"`);
    expect(staging.requests).toEqual([]);
  });

  test("a config folder others can change is refused, unless sticky as /tmp is: they could swap the file", async () => {
    await setUpProfiles();
    const folder = join(directory, "sigmamind");
    await chmod(folder, 0o777);
    for (const args of [
      ["--profile", "staging", "calls", "list"],
      ["config", "set", "base-url", staging.url, "--profile", "other"],
    ]) {
      const { code, stderr } = await sigmamind(args);
      expect(code, args.join(" ")).toBe(2);
      expect(stderr).toContain(
        `the config file's folder "${folder}" can be changed by other users (permissions 0777), so the config file in it is not used: run chmod go-w "${folder}"`,
      );
    }
    expect(staging.requests).toEqual([]);
    await chmod(folder, 0o1777);
    expect((await sigmamind(["--profile", "staging", "calls", "list"])).code).toBe(0);
  });

  test("a profile's key file made readable by others after it was set is refused at use; the key is never shown", async () => {
    await setUpProfiles();
    const key = join(directory, "staging.key");
    await chmod(key, 0o640);
    const { code, stdout, stderr } = await sigmamind(["--profile", "staging", "calls", "list"]);
    expect(code).toBe(2);
    expect(stderr).toContain(`profile "staging"'s api-key-file "${key}" can be read by other users (permissions 0640)`);
    expect(`${stdout}${stderr}`).not.toContain(STAGING_KEY);
  });

  test("a config file that is not JSON is a usage error naming it", async () => {
    await mkdir(join(directory, "sigmamind"), { recursive: true });
    await writeFile(configFile(), "{ profiles: ", { mode: 0o600 });
    const { code, stderr } = await sigmamind(["--profile", "staging", "calls", "list"]);
    expect(code).toBe(2);
    expect(stderr).toContain(`the config file "${configFile()}" is not JSON`);
  });

  test("--sandbox and --mock use no profile: a broken config does not stop them", async () => {
    await mkdir(join(directory, "sigmamind"), { recursive: true });
    await writeFile(configFile(), "not json", { mode: 0o600 });
    const { code } = await sigmamind(["calls", "list", "--sandbox", "--format", "json"], {
      SIGMAMIND_PROFILE: "anything",
    });
    expect(code).toBe(0);
  });
});

describe("the config file as something else than a plain file", () => {
  test("a link to a file elsewhere (a dotfiles repository) is written where it points, and stays a link", async () => {
    const elsewhere = join(directory, "dotfiles");
    await mkdir(elsewhere);
    await mkdir(join(directory, "sigmamind"));
    await writeFile(join(elsewhere, "config.json"), '{"profiles":{}}\n', { mode: 0o600 });
    await symlink(join(elsewhere, "config.json"), configFile());
    expect((await sigmamind(["config", "set", "base-url", staging.url])).code).toBe(0);
    expect((await lstat(configFile())).isSymbolicLink()).toBe(true);
    expect(JSON.parse(await readFile(join(elsewhere, "config.json"), "utf8")).profiles.default).toEqual({
      "base-url": staging.url,
    });
  });

  test("runs of config set at the same time all land", async () => {
    const names = ["p1", "p2", "p3", "p4", "p5", "p6"];
    const runs = await Promise.all(
      names.map((name) => runCli(["config", "set", "base-url", staging.url, "--profile", name], cliEnv())),
    );
    expect(runs.map((run) => run.code)).toEqual(names.map(() => 0));
    expect(Object.keys(JSON.parse(await readFile(configFile(), "utf8")).profiles).sort()).toEqual(names);
    expect(await readdir(join(directory, "sigmamind"))).toEqual(["config.json"]);
  });

  test.each([
    ["a folder", async () => mkdir(configFile(), { recursive: true }), "is not a regular file (it is a folder)"],
    [
      "a pipe",
      async () => mkdir(join(directory, "sigmamind")).then(() => execFileAsync("mkfifo", ["-m", "600", configFile()])),
      "is not a regular file (it is a pipe, a socket or a device)",
    ],
    ["inside a file", async () => writeFile(join(directory, "sigmamind"), "a file"), "is not a folder"],
  ])("a config file that is %s is a usage error saying so, never a hang", async (_kind, make, message) => {
    await make();
    const { code, stderr } = await sigmamind(["config", "list"]);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  test("a relative SIGMAMIND_CONFIG_DIR is refused: it would name another folder from each folder", async () => {
    const { code, stderr } = await sigmamind(["config", "list"], { SIGMAMIND_CONFIG_DIR: "relative/dir" });
    expect(code).toBe(2);
    expect(stderr).toContain('SIGMAMIND_CONFIG_DIR must be an absolute path, got "relative/dir"');
  });
});

describe("sigmamind config get and list", () => {
  test("get prints a setting; one not set is exit 1, saying so", async () => {
    await setUpProfiles();
    expect(await sigmamind(["config", "get", "base-url", "--profile", "staging"])).toMatchObject({
      code: 0,
      stdout: `${staging.url}\n`,
    });
    await sigmamind(["config", "set", "base-url", staging.url, "--profile", "bare"]);
    const unset = await sigmamind(["config", "get", "api-key-file", "--profile", "bare"]);
    expect(unset).toMatchObject({ code: 1, stdout: "" });
    expect(unset.stderr).toBe(`sigmamind: api-key-file is not set in profile "bare" of ${configFile()}.\n`);
  });

  test("list: tab-separated rows into a pipe, the file's profiles as JSON with --format json", async () => {
    await setUpProfiles();
    const rows = await sigmamind(["config", "list"]);
    expect(rows.stdout).toBe(
      [
        ["staging", "base-url", staging.url],
        ["staging", "api-key-file", join(directory, "staging.key")],
        ["default", "base-url", fallback.url],
        ["default", "api-key-file", join(directory, "default.key")],
      ]
        .map((row) => `${row.join("\t")}\n`)
        .join(""),
    );
    const json = await sigmamind(["config", "list", "--format", "json"]);
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(await readFile(configFile(), "utf8")));
    expect(`${rows.stdout}${json.stdout}`).not.toContain(STAGING_KEY);
  });

  test("list with no config file says how to add a profile", async () => {
    const { code, stdout, stderr } = await sigmamind(["config", "list"]);
    expect({ code, stdout }).toEqual({ code: 0, stdout: "" });
    expect(stderr).toBe(`No profiles in ${configFile()} yet: sigmamind config set base-url URL --profile NAME\n`);
  });
});

describe("where the config file lives", () => {
  test("SIGMAMIND_CONFIG_DIR, else $XDG_CONFIG_HOME/sigmamind, else ~/.config/sigmamind; %APPDATA% on Windows", () => {
    expect(configPath({ SIGMAMIND_CONFIG_DIR: "/etc/sm" }, "linux")).toBe("/etc/sm/config.json");
    expect(configPath({ XDG_CONFIG_HOME: "/x", HOME: "/home/a" }, "linux")).toBe("/x/sigmamind/config.json");
    expect(configPath({ HOME: "/home/a" }, "linux")).toBe("/home/a/.config/sigmamind/config.json");
    expect(configPath({ HOME: "/Users/a" }, "darwin")).toBe("/Users/a/.config/sigmamind/config.json");
    expect(configPath({ APPDATA: "C:\\Users\\a\\AppData\\Roaming" }, "win32")).toMatch(
      /AppData.Roaming.sigmamind.config\.json$/,
    );
  });
});
