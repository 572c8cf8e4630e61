// Adding an operation is writing it in the spec: a copy of the workspace whose spec adds `PATCH /v1/calls/{callId}`
// (updateCall) and a second resource (`GET /v1/agents`, `GET /v1/agents/{agentId}`), with no other change, builds
// a client with `calls.update(id, body)` and `agents.list()` / `agents.get(id)`, typed, and paginated where the
// envelope says so. See CONTRIBUTING.md, "Adding an operation".
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { specPath } from "@sigmamind/spec";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parse, stringify } from "yaml";
import { fixtureWorkspace, runIn } from "./support/fixture-workspace.js";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "sigmamind-new-operation-"));
const client = join(dir, "packages", "client");

/** The workspace's spec with the fixture's paths and schemas added. */
function specWithNewOperations(): string {
  const spec = parse(readFileSync(specPath, "utf8"));
  const added = parse(readFileSync(new URL("./fixtures/new-operations.yaml", import.meta.url), "utf8"));
  for (const [path, item] of Object.entries(added.paths as Record<string, object>)) {
    spec.paths[path] = { ...spec.paths[path], ...item };
  }
  Object.assign(spec.components.schemas, added.schemas);
  return stringify(spec);
}

const CONSUMER = `
import type { Agent, Call } from "@sigmamind/types";
import { type PagePromise, SigmaMind } from "./src/index.js";

export async function use(client: SigmaMind) {
  const updated: Call = await client.calls.update("call-1", { dynamicVariables: { name: "Ada" } });
  const agents: PagePromise<Agent> = client.agents.list({ size: 1 });
  const agent: Agent = await client.agents.get("agent-1");
  // @ts-expect-error an update carries dynamicVariables
  await client.calls.update("call-1", {});
  // @ts-expect-error agents are listed with page and size only
  client.agents.list({ status: "ended" });
  return { updated, agents, agent };
}
`;

/** Runs the built client of the copy against a fetch that answers like the API would, and prints what it saw. */
const RUN = `
import { SigmaMind } from "./dist/index.mjs";
const agents = [{ agentId: "agent-1", name: "Ada" }, { agentId: "agent-2", name: "Bob" }];
const sent = [];
const fetch = async (request) => {
  const url = new URL(request.url);
  sent.push(\`\${request.method} \${url.pathname}\${url.search} \${request.method === "PATCH" ? await request.text() : ""}\`.trim());
  const json = (body) => new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });
  if (url.pathname === "/v1/agents") {
    const page = Number(url.searchParams.get("page") ?? 0);
    return json({ data: [agents[page]], page, size: 1, totalCounts: 2, totalPages: 2, hasNext: page === 0, hasPrevious: page === 1 });
  }
  if (url.pathname.startsWith("/v1/agents/")) return json(agents[0]);
  return json({ callId: "call-1", status: "ended", dynamicVariables: { name: "Ada" } });
};
const client = new SigmaMind({ apiKey: "fixture-key", baseUrl: "http://127.0.0.1:1", fetch, maxRetries: 0 });
const updated = await client.calls.update("call-1", { dynamicVariables: { name: "Ada" } });
const listed = [];
for await (const agent of client.agents.list({ size: 1 })) listed.push(agent.agentId);
const agent = await client.agents.get("agent-1");
let refused;
try { await client.agents.get(".."); } catch (error) { refused = error.name; }
console.log(JSON.stringify({ updated, listed, agent, refused, sent }));
`;

describe("an operation added to the spec alone", () => {
  beforeAll(async () => {
    await fixtureWorkspace(
      repoRoot,
      dir,
      ["spec", "packages/types", "packages/error-text", "packages/client"],
      specWithNewOperations(),
    );
    for (const pkg of ["types", "error-text", "client"]) {
      await runIn(join(dir, "packages", pkg), "pnpm", ["run", "--if-present", "generate"]);
      await runIn(join(dir, "packages", pkg), "pnpm", ["run", "build"]);
    }
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("is a typed client method: calls.update(id, body), agents.list() paginated, agents.get(id)", async () => {
    writeFileSync(join(client, "fixture-consumer.ts"), CONSUMER);
    const tsconfig = { extends: "../../tsconfig.base.json", include: ["src", "fixture-consumer.ts"] };
    writeFileSync(join(client, "tsconfig.fixture.json"), JSON.stringify(tsconfig));
    await runIn(client, "pnpm", ["exec", "tsc", "--noEmit", "-p", "tsconfig.fixture.json"]);
  }, 120_000);

  test("sends what the spec says and reads what comes back, page after page", async () => {
    writeFileSync(join(client, "run-fixture.mjs"), RUN);
    const printed = JSON.parse(await runIn(client, process.execPath, ["run-fixture.mjs"]));
    expect(printed).toEqual({
      updated: { callId: "call-1", status: "ended", dynamicVariables: { name: "Ada" } },
      listed: ["agent-1", "agent-2"],
      agent: { agentId: "agent-1", name: "Ada" },
      refused: "InvalidInputError",
      sent: [
        'PATCH /v1/calls/call-1 {"dynamicVariables":{"name":"Ada"}}',
        "GET /v1/agents?size=1",
        "GET /v1/agents?size=1&page=1",
        "GET /v1/agents/agent-1",
      ],
    });
  }, 120_000);
});
