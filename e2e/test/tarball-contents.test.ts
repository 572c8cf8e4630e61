// What each published tarball holds, as downloaded from the registry: the build, the docs a user reads on the
// registry page, the license and the manifest; nothing from the repository's sources, tests or secrets.
import { posix } from "node:path";
import { beforeAll, describe, expect, inject, test } from "vitest";
import { downloadTarball, type TarballFiles } from "./support/tarball.js";

const release = inject("release");

const ALLOWED = [/^dist\//, /^README\.md$/, /^CHANGELOG\.md$/, /^LICENSE$/, /^package\.json$/];
const REQUIRED = ["package.json", "README.md", "CHANGELOG.md", "LICENSE"];
const TEST_FILES = /(^|\/)(test|tests|__tests__|__mocks__)\/|\.(test|spec)\.[cm]?[jt]sx?$/;
const SECRET_FILES = /(^|\/)(\.env(\..*)?|\.npmrc)$/;
const SECRETS: [string, RegExp][] = [
  ["a live SigmaMind key", /sm-live-[A-Za-z0-9]/],
  // `SIGMAMIND_API_KEY=...` and `=$VAR` in usage texts are placeholders, not values.
  ["a SIGMAMIND_API_KEY value", /SIGMAMIND_API_KEY=(?!\.\.\.|\$|<)[^\s"'`]+/],
  ["an npm auth token", /_authToken/],
  ["a private key", /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
];

// @sigmamind/error-text is private: the published packages bundle it into dist at build time.
const PRIVATE_IMPORT =
  /(?:from\s*|import\s*\(\s*|require\s*\(\s*|import\s+)["']@sigmamind\/error-text(?:\/[^"']*)?["']/;

describe.each(Object.entries(release.releasedVersions))("the %s@%s tarball", (name, version) => {
  let files: TarballFiles;
  beforeAll(async () => {
    files = await downloadTarball(release.registryUrl, name, version);
  });

  test("holds only dist/, README.md, CHANGELOG.md, LICENSE and package.json", () => {
    const unexpected = [...files.keys()].filter((path) => !ALLOWED.some((pattern) => pattern.test(path)));
    expect(unexpected).toEqual([]);
    expect([...files.keys()].some((path) => path.startsWith("dist/"))).toBe(true);
  });

  test("ships the README, the CHANGELOG written by `changeset version`, and the LICENSE", () => {
    const missing = REQUIRED.filter((path) => !files.has(path));
    expect(missing, "missing from the tarball (is it in package.json `files`?)").toEqual([]);
  });

  test("has no tests, no sources and no packed tarballs", () => {
    const paths = [...files.keys()];
    expect(paths.filter((path) => TEST_FILES.test(path))).toEqual([]);
    expect(paths.filter((path) => path.startsWith("src/") || path.includes("/src/"))).toEqual([]);
    expect(paths.filter((path) => path.endsWith(".tgz"))).toEqual([]);
  });

  test("every source map points at sources inside the tarball", () => {
    const broken: string[] = [];
    for (const [path, content] of files) {
      if (path.endsWith(".map")) {
        const map = JSON.parse(content.toString("utf8")) as { sources?: string[]; sourceRoot?: string };
        for (const source of map.sources ?? []) {
          const target = posix.normalize(posix.join(posix.dirname(path), map.sourceRoot ?? "", source));
          if (!files.has(target)) broken.push(`${path} → ${source}`);
        }
      }
      if (/\.(m|c)?js$/.test(path)) {
        const url = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(content.toString("utf8"))?.[1];
        if (url && !url.startsWith("data:") && !files.has(posix.join(posix.dirname(path), url))) {
          broken.push(`${path} → ${url}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  test("carries no secrets", () => {
    expect([...files.keys()].filter((path) => SECRET_FILES.test(path))).toEqual([]);
    const found: string[] = [];
    for (const [path, content] of files) {
      const text = content.toString("utf8");
      for (const [what, pattern] of SECRETS) if (pattern.test(text)) found.push(`${what} in ${path}`);
    }
    expect(found).toEqual([]);
  });

  test("imports nothing from a private workspace package, which users could not install", () => {
    const importers: string[] = [];
    for (const [path, content] of files) {
      if (/\.d\.[cm]?ts$|\.[cm]?js$/.test(path) && PRIVATE_IMPORT.test(content.toString("utf8"))) importers.push(path);
    }
    expect(importers, "bundle it: see deps.alwaysBundle in the package's tsdown.config.ts").toEqual([]);
  });

  test("its package.json is the released manifest", () => {
    const manifest = JSON.parse(files.get("package.json")?.toString("utf8") ?? "{}") as Record<string, unknown>;
    expect(manifest.name).toBe(name);
    expect(manifest.version).toBe(version);
    expect(JSON.stringify(manifest)).not.toContain("workspace:");
  });
});
