// The breaking-change gate, on fixtures made from the current spec by one change each.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, describe, expect, test } from "vitest";
import { stringify } from "yaml";
import { classifySpecChanges, formatGateReport, gate } from "../scripts/breaking-changes.mjs";
import { type Spec, spec } from "./load-spec.js";

type SpecChange = { breaking: boolean; rule: string; message: string; where: string };
const classify = (current: Spec): Promise<SpecChange[]> => classifySpecChanges(spec, current);
const changed = (edit: (draft: Spec) => void): Spec => {
  const draft = structuredClone(spec);
  edit(draft);
  return draft;
};

describe("classifying a change", () => {
  test("no change, nothing to report", async () => {
    expect(await classify(structuredClone(spec))).toEqual([]);
  });

  test.each<[string, (draft: Spec) => void, RegExp]>([
    [
      "a removed response field",
      (draft) => delete draft.components.schemas.Call.properties.duration,
      /remove response property 'duration'/,
    ],
    [
      "a renamed response field",
      (draft) => {
        const { properties } = draft.components.schemas.Call;
        properties.durationSeconds = properties.duration;
        delete properties.duration;
      },
      /remove response property 'duration'/,
    ],
    [
      "a narrowed type",
      (draft) => {
        draft.components.schemas.CallListResponse.properties.totalCounts = { type: "string" };
      },
      /'totalCounts'/,
    ],
    [
      "a new required parameter",
      (draft) => {
        draft.paths["/v1/calls"].get.parameters.push({
          name: "agentId",
          in: "query",
          required: true,
          schema: { type: "string" },
        });
      },
      /required query parameter agentId/,
    ],
    [
      "a removed known enum value",
      (draft) => {
        const known = draft.components.schemas.CallStatus.anyOf[0];
        known.enum = known.enum.filter((value: string) => value !== "failed");
      },
      /remove the known value 'failed' from CallStatus/,
    ],
    ["a removed operation", (draft) => delete draft.paths["/v1/calls/{callId}"].delete, /cannot remove an operation/],
    [
      "a request field made required",
      (draft) => {
        draft.components.schemas.CreateCallRequest.required.push("dynamicVariables");
      },
      /cannot make a request property required.*dynamicVariables/,
    ],
  ])("%s is breaking", async (_name, edit, message) => {
    const changes = await classify(changed(edit));
    const breaking = changes.filter((change) => change.breaking);
    expect(breaking.length).toBeGreaterThan(0);
    expect(breaking.map((change) => `${change.message} ${change.where}`).join("\n")).toMatch(message);
  });

  test.each<[string, (draft: Spec) => void, RegExp]>([
    [
      "an added optional field",
      (draft) => {
        draft.components.schemas.Call.properties.sentiment = { type: "string" };
      },
      /added optional field 'sentiment' to Call/,
    ],
    [
      "a new known enum value",
      (draft) => {
        draft.components.schemas.CallStatus.anyOf[0].enum.push("on-hold");
      },
      /added the known value 'on-hold' to CallStatus/,
    ],
  ])("%s is not breaking", async (_name, edit, message) => {
    const changes = await classify(changed(edit));
    expect(changes.filter((change) => change.breaking)).toEqual([]);
    expect(changes.map((change) => change.message).join("\n")).toMatch(message);
  });
});

describe("the gate", () => {
  const breakingChanges = [
    { breaking: true, rule: "r", message: "cannot remove response property 'duration'", where: "/x" },
  ];
  const major = (...names: string[]) => ({ releases: names.map((name) => ({ name, type: "major" })) });

  test("passes without breaking changes, whatever the changesets", () => {
    expect(gate([{ breaking: false, rule: "r", message: "m", where: "" }], [])).toEqual({ ok: true, missingMajor: [] });
  });

  test("fails a breaking change with no major changeset, listing what broke and what to run", () => {
    const verdict = gate(breakingChanges, [{ releases: [{ name: "@sigmamind/client", type: "minor" }] }]);
    expect(verdict).toEqual({ ok: false, missingMajor: ["@sigmamind/types", "@sigmamind/client", "@sigmamind/mock"] });
    const report = formatGateReport(breakingChanges, verdict);
    expect(report).toContain("cannot remove response property 'duration'");
    expect(report).toContain("Run `pnpm changeset`");
    expect(report).toContain("@sigmamind/types, @sigmamind/client, @sigmamind/mock");
  });

  test("fails when only some affected packages get a major bump", () => {
    expect(gate(breakingChanges, [major("@sigmamind/client")]).missingMajor).toEqual([
      "@sigmamind/types",
      "@sigmamind/mock",
    ]);
  });

  test("passes a breaking change with a pending major changeset for every affected package", () => {
    expect(gate(breakingChanges, [major("@sigmamind/types", "@sigmamind/client"), major("@sigmamind/mock")]).ok).toBe(
      true,
    );
  });
});

describe("lint:breaking, as CI runs it", () => {
  const scratch: string[] = [];
  afterEach(() => {
    for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  /** The edited spec, and a repository root whose .changeset holds `changesets`. */
  function workspace(current: Spec, changesets: Record<string, string>) {
    const root = mkdtempSync(join(tmpdir(), "sigmamind-gate-"));
    scratch.push(root);
    mkdirSync(join(root, ".changeset"));
    writeFileSync(join(root, "openapi.yaml"), stringify(current));
    for (const [name, text] of Object.entries(changesets)) writeFileSync(join(root, ".changeset", name), text);
    return ["--current", join(root, "openapi.yaml"), "--repository-root", root];
  }

  const script = fileURLToPath(new URL("../scripts/check-breaking-changes.mjs", import.meta.url));
  async function run(args: string[]) {
    try {
      const { stdout } = await promisify(execFile)(process.execPath, [script, ...args]);
      return { code: 0, stdout };
    } catch (error) {
      const failed = error as { code: number; stdout: string };
      return { code: failed.code, stdout: failed.stdout };
    }
  }

  const removedDuration = changed((draft) => delete draft.components.schemas.Call.properties.duration);

  test("exits 1 on a breaking change without a major changeset", async () => {
    const result = await run(
      workspace(removedDuration, { "minor.md": '---\n"@sigmamind/client": minor\n---\n\nfeat: x\n' }),
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("cannot remove response property 'duration'");
    expect(result.stdout).toContain("Run `pnpm changeset`");
  });

  test("exits 0 once the major changeset is there", async () => {
    const changeset =
      '---\n"@sigmamind/types": major\n"@sigmamind/client": major\n"@sigmamind/mock": major\n---\n\nfeat!: drop duration\n';
    const result = await run(workspace(removedDuration, { "major.md": changeset }));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("1 breaking change(s)");
  });
});
