// --mock and --sandbox: a fake API started for the run, from @sigmamind/mock, which is installed only on purpose.
import { createRequire } from "node:module";
import { describe, expect, test, vi } from "vitest";
import { linesOf } from "./support/run-cli.js";
import { runInProcess } from "./support/run-in-process.js";

const loading = vi.hoisted(() => ({ missing: false, old: false, withoutPrism: false }));
vi.mock(import("../src/load-mock.js"), async (importOriginal) => {
  const actual = await importOriginal();
  return {
    ...actual,
    loadMock: async () => {
      if (loading.missing) {
        throw Object.assign(new Error("Cannot find package '@sigmamind/mock' imported from /x/main.js"), {
          code: "ERR_MODULE_NOT_FOUND",
        });
      }
      if (loading.old) {
        return { startMock: async () => ({ url: "http://127.0.0.1:9", stop: async () => {} }) } as never;
      }
      const mock = await actual.loadMock();
      if (!loading.withoutPrism) return mock;
      // startMock as it fails where @stoplight/prism-cli cannot be resolved (packages/mock/test/without-prism.test.ts).
      const cause = Object.assign(new Error("Cannot find module '@stoplight/prism-cli/dist/index.js'"), {
        code: "MODULE_NOT_FOUND",
      });
      const notInstalled = new mock.MockStartError("Stoplight Prism is not installed.", { cause });
      return { ...mock, startMock: () => Promise.reject(notInstalled) };
    },
  };
});

describe("--sandbox", () => {
  test("lists the sandbox's seeded calls, with real pages", async () => {
    const { code, stdout, stderr } = await runInProcess(["calls", "list", "--sandbox", "--size", "5"], {
      terminal: { stdout: true },
      env: { SIGMAMIND_API_KEY: undefined },
    });
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const lines = linesOf(stdout);
    expect(lines).toHaveLength(1 + 5 + 2);
    expect(lines.at(-1)).toBe("page 0 of 12 (counting from 0), 57 calls in all. Next: --page 1; every call: --all");
  });

  test("--sandbox with --mock or --base-url is a usage error", async () => {
    for (const other of [["--mock"], ["--base-url", "http://127.0.0.1:9"]]) {
      const { code, stderr } = await runInProcess(["calls", "list", "--sandbox", ...other]);
      expect(code).toBe(2);
      expect(stderr).toMatch(/--sandbox and --(mock|base-url) cannot be used together/);
    }
  });
});

describe("with an @sigmamind/mock too old for --sandbox", () => {
  test("it says to install a newer one, and exits 2", async () => {
    loading.old = true;
    try {
      const { code, stderr } = await runInProcess(["calls", "list", "--sandbox"]);
      expect(code).toBe(2);
      expect(stderr).toMatch(
        /^sigmamind: --sandbox needs a newer @sigmamind\/mock, whose installed version has no startSandbox/,
      );
    } finally {
      loading.old = false;
    }
  });
});

describe("without @sigmamind/mock installed", () => {
  test.each(["--mock", "--sandbox"])("%s says how to install it, and exits 2", async (flag) => {
    loading.missing = true;
    try {
      const { code, stdout, stderr } = await runInProcess(["calls", "list", flag]);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toMatch(
        new RegExp(
          `^sigmamind: ${flag} needs @sigmamind/mock, which is not installed: npm install --global @sigmamind/mock`,
        ),
      );
    } finally {
      loading.missing = false;
    }
  });
});

describe("with @sigmamind/mock installed but not Stoplight Prism", () => {
  test("--mock says how to install Prism, and exits 2", async () => {
    loading.withoutPrism = true;
    try {
      const { code, stdout, stderr } = await runInProcess(["calls", "list", "--mock"]);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      const { peerDependencies } = createRequire(import.meta.url)("@sigmamind/mock/package.json");
      expect(stderr).toMatch(/^sigmamind: --mock needs @stoplight\/prism-cli beside @sigmamind\/mock/);
      expect(stderr).toContain(
        `npm install --global @stoplight/prism-cli@${peerDependencies["@stoplight/prism-cli"]} (or add it to your project)`,
      );
      expect(stderr).toContain("--sandbox needs only @sigmamind/mock");
    } finally {
      loading.withoutPrism = false;
    }
  });

  test("--sandbox does not need it", async () => {
    loading.withoutPrism = true;
    try {
      const { code, stdout } = await runInProcess(["calls", "list", "--sandbox", "--size", "1", "--format", "json"]);
      expect(code).toBe(0);
      expect(JSON.parse(stdout).data).toHaveLength(1);
    } finally {
      loading.withoutPrism = false;
    }
  });
});
