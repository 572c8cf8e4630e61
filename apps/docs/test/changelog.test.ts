// The changelog page's text, from a workspace made for each test: pending changesets and released CHANGELOG.md.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { changelogMarkdown } from "../src/changelog.js";

let workspace: string;

function makeWorkspace(options: {
  packages: { folder: string; name: string; private?: boolean; changelog?: string }[];
  changesets: Record<string, string>;
}): string {
  workspace = mkdtempSync(join(tmpdir(), "sigmamind-changelog-"));
  mkdirSync(join(workspace, ".changeset"));
  for (const [id, text] of Object.entries(options.changesets))
    writeFileSync(join(workspace, ".changeset", `${id}.md`), text);
  for (const pkg of options.packages) {
    mkdirSync(join(workspace, "packages", pkg.folder), { recursive: true });
    writeFileSync(
      join(workspace, "packages", pkg.folder, "package.json"),
      JSON.stringify({ name: pkg.name, version: "0.1.0", ...(pkg.private ? { private: true } : {}) }),
    );
    if (pkg.changelog) writeFileSync(join(workspace, "packages", pkg.folder, "CHANGELOG.md"), pkg.changelog);
  }
  return workspace;
}

afterEach(() => rmSync(workspace, { recursive: true, force: true }));

describe("the changelog", () => {
  test("lists each published package's pending changes, biggest bump first, and leaves private ones out", async () => {
    const root = makeWorkspace({
      packages: [
        { folder: "client", name: "@sigmamind/client" },
        { folder: "mock", name: "@sigmamind/mock" },
        { folder: "error-text", name: "@sigmamind/error-text", private: true },
      ],
      changesets: {
        "a-fix": '---\n"@sigmamind/client": patch\n---\n\nfix: a small fix\n',
        "b-feature":
          '---\n"@sigmamind/client": minor\n"@sigmamind/mock": minor\n---\n\nfeat: a feature\n\nIn two paragraphs.\n',
        "c-private": '---\n"@sigmamind/error-text": patch\n---\n\ninternal only\n',
      },
    });
    const markdown = await changelogMarkdown(root);
    expect(markdown).toBe(
      [
        "## Unreleased",
        "### @sigmamind/client",
        "#### Minor changes",
        "- feat: a feature\n\n  In two paragraphs.",
        "#### Patch changes",
        "- fix: a small fix",
        "### @sigmamind/mock",
        "#### Minor changes",
        "- feat: a feature\n\n  In two paragraphs.",
        "## Released",
        "No version has been published yet.",
      ].join("\n\n"),
    );
    expect(markdown).not.toContain("internal only");
  });

  test("nests each package's CHANGELOG.md under Released, headings and all, but not inside code", async () => {
    const root = makeWorkspace({
      packages: [
        {
          folder: "types",
          name: "@sigmamind/types",
          changelog: "# @sigmamind/types\n\n## 0.1.0\n\n### Minor Changes\n\n- first\n\n```sh\n# a comment\n```\n",
        },
      ],
      changesets: {},
    });
    const markdown = await changelogMarkdown(root);
    expect(markdown).toContain("## Unreleased\n\nNothing is waiting for the next release.");
    expect(markdown).toContain(
      "## Released\n\n### @sigmamind/types\n\n#### 0.1.0\n\n##### Minor Changes\n\n- first\n\n```sh\n# a comment\n```",
    );
  });
});
