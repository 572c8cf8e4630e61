// The changelog page: what the next release of each published package brings (the changesets waiting in
// .changeset/, read by Changesets' own reader), then what each release brought (the CHANGELOG.md that
// `changeset version` writes beside each package).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import readChangesets from "@changesets/read";
import { publishedPackages } from "./published-packages.js";

interface PublishedChangelog {
  name: string;
  changelog?: string;
}

const BUMP_ORDER = ["major", "minor", "patch", "none"] as const;

export async function changelogMarkdown(workspaceRoot: string): Promise<string> {
  const packages = withChangelogs(workspaceRoot);
  const pending = await readChangesets(workspaceRoot);
  const sections: string[] = ["## Unreleased"];
  if (pending.length === 0) sections.push("Nothing is waiting for the next release.");
  for (const { name } of packages) {
    const entries = pending
      .flatMap((changeset) =>
        changeset.releases
          .filter((release) => release.name === name)
          .map((release) => ({ type: release.type, summary: changeset.summary })),
      )
      .sort((a, b) => BUMP_ORDER.indexOf(a.type) - BUMP_ORDER.indexOf(b.type));
    if (entries.length === 0) continue;
    sections.push(`### ${name}`);
    for (const type of BUMP_ORDER) {
      const ofType = entries.filter((entry) => entry.type === type);
      if (ofType.length === 0) continue;
      sections.push(`#### ${type[0]?.toUpperCase()}${type.slice(1)} changes`);
      sections.push(ofType.map((entry) => listItem(entry.summary)).join("\n"));
    }
  }
  sections.push("## Released");
  const released = packages.filter((pkg) => pkg.changelog !== undefined);
  if (released.length === 0) sections.push("No version has been published yet.");
  for (const pkg of released) sections.push(demoteHeadings(pkg.changelog as string, 2));
  return sections.join("\n\n");
}

/** The published packages, each with its CHANGELOG.md if it has one. */
function withChangelogs(workspaceRoot: string): PublishedChangelog[] {
  return publishedPackages(workspaceRoot).map(({ name, directory }) => {
    const changelogPath = join(directory, "CHANGELOG.md");
    return { name, ...(existsSync(changelogPath) ? { changelog: readFileSync(changelogPath, "utf8") } : {}) };
  });
}

/** A changeset's summary as one list item: its later lines and paragraphs indented under the first. */
function listItem(summary: string): string {
  const [first = "", ...rest] = summary.trim().split("\n");
  return [`- ${first}`, ...rest.map((line) => (line.trim() === "" ? "" : `  ${line}`))].join("\n");
}

/** `# @sigmamind/client` becomes `### @sigmamind/client` for `by` = 2, so a package's file nests under Released. */
function demoteHeadings(markdown: string, by: number): string {
  return mapProseLines(markdown, (line) => (/^#{1,6} /.test(line) ? `${"#".repeat(by)}${line}` : line)).trim();
}

/** `markdown` with `map` applied to each line outside fenced code; the fences and the code are kept as written. */
export function mapProseLines(markdown: string, map: (line: string) => string): string {
  let inFence = false;
  return markdown
    .split("\n")
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) {
        inFence = !inFence;
        return line;
      }
      return inFence ? line : map(line);
    })
    .join("\n");
}
