// The review of the pending changesets before a release: every API that two or more changesets of one package talk
// about, with what each says of it, oldest first. An entry that a later change made false (a lazy chunk since
// removed, middleware that "applies to client.raw only" until a later change made it see every request) sits
// beside the entry that made it false, where one reading catches it; `pnpm version-packages` runs it first.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline/promises";
import { fileURLToPath } from "node:url";
import readChangesets from "@changesets/read";

export interface PendingChangeset {
  /** The file's name without `.md`. */
  id: string;
  summary: string;
  packages: string[];
  /** When the changeset was added, in seconds since the epoch; the order the entries are read in. */
  added: number;
}

export interface ReviewGroup {
  package: string;
  /** The API the entries talk about, as they write it: `client.raw.use()`, `--wait`, `WaitTimeoutError`. */
  subject: string;
  entries: { id: string; sentences: string[] }[];
}

// A member (`raw.use()`), a call (`waitFor()`), a flag (`--wait`), a class (`WaitTimeoutError`), an option
// (`onStatus`) or a constant or variable (`FINAL_CALL_STATUSES`); not a value such as `"ended"` or `200`, which
// many entries share without talking about the same thing.
const API_NAME =
  /^(?:[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+(?:\(\))?|[A-Za-z_$][\w$]*\(\)|--[a-z][\w-]*|[A-Z][a-z]+(?:[A-Z][a-z]*)+|[a-z]+(?:[A-Z][a-z0-9]*)+|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)$/;

/**
 * The API names a changeset's summary mentions in code spans, each once, written one way: `calls.waitFor(id, {...})`
 * and `client.calls.waitFor()` are both `calls.waitFor()`.
 */
export function subjectsOf(summary: string): string[] {
  const spans = [...summary.matchAll(/`([^`\n]+)`/g)].map((match) =>
    (match[1] as string).replace(/\(.*\)$/, "()").replace(/^client\./, ""),
  );
  return [...new Set(spans.filter((span) => API_NAME.test(span)))];
}

function sentencesMentioning(summary: string, subject: string): string[] {
  return summary
    .split(/(?<=[.!?])\s+|\n+/)
    .map((sentence) => sentence.replace(/^\s*[-*]\s+/, "").trim())
    .filter((sentence) => subjectsOf(sentence).includes(subject));
}

/** Every API that two or more changesets of one package mention, with what each says of it, oldest first. */
export function reviewGroups(changesets: readonly PendingChangeset[]): ReviewGroup[] {
  const ordered = [...changesets].sort((a, b) => a.added - b.added || a.id.localeCompare(b.id));
  const groups = new Map<string, ReviewGroup>();
  for (const changeset of ordered) {
    for (const packageName of changeset.packages) {
      for (const subject of subjectsOf(changeset.summary)) {
        const key = `${packageName}\u0000${subject}`;
        const group = groups.get(key) ?? { package: packageName, subject, entries: [] };
        group.entries.push({ id: changeset.id, sentences: sentencesMentioning(changeset.summary, subject) });
        groups.set(key, group);
      }
    }
  }
  return [...groups.values()]
    .filter((group) => group.entries.length > 1)
    .sort((a, b) => a.package.localeCompare(b.package) || a.subject.localeCompare(b.subject));
}

export function formatReview(groups: readonly ReviewGroup[]): string {
  if (groups.length === 0) return "No API is talked about by more than one pending changeset of a package.\n";
  const lines = [
    `${groups.length} APIs are talked about by more than one pending changeset. Read each group: where a later entry`,
    "made an earlier one false, correct the earlier changeset (its file in .changeset/) before releasing.",
  ];
  for (const group of groups) {
    lines.push("", `${group.package}: \`${group.subject}\``);
    for (const entry of group.entries) {
      for (const sentence of entry.sentences) lines.push(`  ${entry.id}: ${sentence}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

/** The workspace's pending changesets, each with when git first saw it (now, for one not yet committed). */
export async function pendingChangesets(workspaceRoot: string): Promise<PendingChangeset[]> {
  const now = Math.floor(Date.now() / 1000);
  return (await readChangesets(workspaceRoot)).map((changeset) => {
    const added = execFileSync(
      "git",
      ["log", "--diff-filter=A", "--format=%ct", "-1", "--", join(".changeset", `${changeset.id}.md`)],
      { cwd: workspaceRoot, encoding: "utf8" },
    ).trim();
    return {
      id: changeset.id,
      summary: changeset.summary,
      packages: changeset.releases.map((release) => release.name),
      added: added === "" ? now : Number(added),
    };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const workspaceRoot = fileURLToPath(new URL("../../../../", import.meta.url));
  process.stdout.write(formatReview(reviewGroups(await pendingChangesets(workspaceRoot))));
  if (process.argv.includes("--confirm")) {
    if (!process.stdin.isTTY) {
      process.stderr.write("changeset review: run `pnpm version-packages` in a terminal, to confirm the review.\n");
      process.exit(1);
    }
    const prompt = createInterface({ input: process.stdin, output: process.stdout });
    const answer = await prompt.question("Does every entry above still hold? [y/N] ");
    prompt.close();
    if (answer.trim().toLowerCase() !== "y") {
      process.stderr.write("changeset review: correct the changesets above, then run `pnpm version-packages` again.\n");
      process.exit(1);
    }
  }
}
