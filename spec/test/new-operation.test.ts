// Adding an operation is writing it in the spec: a copy of the workspace whose spec adds `PATCH /v1/calls/{callId}`
// (updateCall) and a second resource (`GET /v1/agents`, `GET /v1/agents/{agentId}`), with no other change, builds
// a client with `calls.update(id, body)` and `agents.list()` / `agents.get(id)`, typed, and paginated where the
// envelope says so; a CLI with `sigmamind calls update` and `sigmamind agents list|get`, with their flags and
// help; a sandbox that answers them by its generic rule, checked against the spec; and the docs' request samples
// and reference search including them. See CONTRIBUTING.md, "Adding an operation".

import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server } from "node:http";
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
const cli = join(dir, "packages", "cli");
const mock = join(dir, "packages", "mock");
const docs = join(dir, "apps", "docs");

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

// One copy of the workspace, built once, for the client and the CLI alike.
beforeAll(async () => {
  await fixtureWorkspace(
    repoRoot,
    dir,
    [
      "spec",
      "packages/types",
      "packages/error-text",
      "packages/client",
      "packages/cli",
      "packages/mock",
      "apps/docs",
      // The docs read the code blocks of their guides with it.
      "tooling/test-support",
    ],
    specWithNewOperations(),
  );
  for (const pkg of ["types", "error-text", "client", "cli", "mock"]) {
    await runIn(join(dir, "packages", pkg), "pnpm", ["run", "--if-present", "generate"]);
    await runIn(join(dir, "packages", pkg), "pnpm", ["run", "build"]);
  }
  await runIn(join(dir, "tooling", "test-support"), "pnpm", ["run", "build"]);
}, 300_000);
// The copy holds a linked node_modules: removing it takes seconds on a busy machine.
afterAll(() => rm(dir, { recursive: true, force: true }), 120_000);

describe("an operation added to the spec alone", () => {
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

/** An API that answers the fixture's operations, recording each request with its body. */
function startFixtureApi(): Promise<{ server: Server; url: string; seen: string[] }> {
  const agents = [
    { agentId: "agent-1", name: "Ada", status: "active" },
    { agentId: "agent-2", name: "Bob", status: "Live" },
  ];
  const seen: string[] = [];
  const read = async (request: IncomingMessage) => {
    let body = "";
    for await (const chunk of request) body += chunk;
    return body;
  };
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const body = await read(request);
    seen.push(`${request.method} ${url.pathname}${url.search} ${body}`.trim());
    response.setHeader("content-type", "application/json");
    if (url.pathname === "/v1/agents") {
      const page = Number(url.searchParams.get("page") ?? 0);
      const data = [agents[page]];
      response.end(
        JSON.stringify({
          data,
          page,
          size: 1,
          totalCounts: 2,
          totalPages: 2,
          hasNext: page === 0,
          hasPrevious: page === 1,
        }),
      );
    } else if (url.pathname.startsWith("/v1/agents/")) {
      response.end(JSON.stringify(agents[0]));
    } else {
      response.end(JSON.stringify({ callId: "call-1", status: "ended", ...JSON.parse(body || "{}") }));
    }
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      resolve({ server, url: `http://127.0.0.1:${port}`, seen });
    });
  });
}

describe("the CLI of an operation added to the spec alone", () => {
  const sigmamind = (args: string[]) =>
    runIn(cli, process.execPath, ["dist/main.js", ...args]).then(
      (output) => ({ code: 0, output }),
      (error: Error) => ({ code: 1, output: error.message }),
    );

  test("has a command with its arguments, flags and help", async () => {
    const { output: groups } = await sigmamind(["--help"]);
    expect(groups).toMatch(/agents/);
    const { output: update } = await sigmamind(["calls", "update", "--help"]);
    expect(update).toContain("sigmamind calls update CALL_ID");
    expect(update).toMatch(/--dynamic-variables NAME=VALUE/);
    const { output: list } = await sigmamind(["agents", "list", "--help"]);
    expect(list).toMatch(/--page N/);
    expect(list).toMatch(/--size N/);
    const { output: get } = await sigmamind(["agents", "get", "--help"]);
    expect(get).toContain("sigmamind agents get AGENT_ID");
  }, 60_000);

  test("sends it and shows the answer; a missing required flag is a usage error naming the flag", async () => {
    const api = await startFixtureApi();
    try {
      const keyFile = join(dir, "api-key");
      writeFileSync(keyFile, "fixture-key-0001\n");
      const flags = ["--base-url", api.url, "--api-key-file", keyFile];
      const listed = await sigmamind(["agents", "list", "--size", "1", ...flags]);
      expect(JSON.parse(listed.output.slice(0, listed.output.lastIndexOf("}") + 1))).toMatchObject({
        data: [{ agentId: "agent-1" }],
        hasNext: true,
      });
      const table = await sigmamind(["agents", "get", "agent-1", "--format", "table", ...flags]);
      expect(table.output).toBe("name\tagentId\tstatus\nAda\tagent-1\tactive\n");
      const updated = await sigmamind([
        "calls",
        "update",
        "call-1",
        "--dynamic-variables",
        "name=Ada",
        "--yes",
        ...flags,
      ]);
      expect(updated.code).toBe(0);
      expect(api.seen).toContain('PATCH /v1/calls/call-1 {"dynamicVariables":{"name":"Ada"}}');
      const before = api.seen.length;
      const missing = await sigmamind(["calls", "update", "call-1", "--yes", ...flags]);
      expect(missing.code).toBe(1);
      expect(missing.output).toContain("sigmamind: --dynamic-variables is required.");
      expect(api.seen.length).toBe(before);
    } finally {
      api.server.close();
    }
  }, 60_000);
});

/** The copy's client against the copy's sandbox, in-process: what each new operation answers. */
const SANDBOX_RUN = `
import { SigmaMind } from "../client/dist/index.mjs";
import { createSandbox } from "./dist/index.mjs";
const sandbox = createSandbox();
const client = new SigmaMind({ apiKey: "fixture-key", baseUrl: sandbox.url, fetch: sandbox.fetch, maxRetries: 0 });
const callId = "call-AuUKK371Spr5nHJS";
const updated = await client.calls.update(callId, { dynamicVariables: { name: "Ada" } });
const again = await client.calls.get(callId);
const agents = [];
for await (const agent of client.agents.list({ size: 2 })) agents.push(agent.agentId);
const one = await client.agents.get("agent-2");
let missing;
try { await client.agents.get("agent-9"); } catch (error) { missing = error.status; }
let otherWorld;
const other = new SigmaMind({ apiKey: "another-key", baseUrl: sandbox.url, fetch: sandbox.fetch });
otherWorld = (await other.calls.get(callId)).dynamicVariables ?? null;
console.log(JSON.stringify({
  updated: updated.dynamicVariables, again: again.dynamicVariables, otherWorld, agents, one, missing,
  violations: sandbox.violations.map((violation) => violation.description),
}));
`;

describe("the sandbox of an operation added to the spec alone", () => {
  test("answers by its generic rule: an update merges its body, lists and gets serve seed records made from the schema", async () => {
    writeFileSync(join(mock, "run-fixture.mjs"), SANDBOX_RUN);
    const printed = JSON.parse(await runIn(mock, process.execPath, ["run-fixture.mjs"]));
    expect(printed).toMatchObject({
      updated: { name: "Ada" },
      again: { name: "Ada" },
      agents: ["agent-1", "agent-2", "agent-3"],
      one: { agentId: "agent-2", name: "name 2", status: "Live" },
      missing: 404,
      violations: [],
    });
    // Another key is another world: the update was this one's.
    expect(printed.otherWorld).not.toEqual({ name: "Ada" });
  }, 60_000);
});

/** The copy's docs: the request samples and the reference search written from its spec. */
const DOCS_RUN = `
import { loadSpec } from "@sigmamind/spec";
import { requestSamples } from "./dist/lib/samples/request-samples.js";
import { referenceSearchMarkdown } from "./dist/lib/reference-search.js";
const spec = await loadSpec();
const samples = Object.fromEntries(requestSamples(spec).map((sample) => [sample.operationId, sample]));
console.log(JSON.stringify({ samples, search: referenceSearchMarkdown(spec) }));
`;

describe("the docs of an operation added to the spec alone", () => {
  test("give its samples in curl, TypeScript and the CLI, and find it in the reference search", async () => {
    await runIn(docs, "pnpm", ["exec", "tsc", "-p", "tsconfig.build.json"]);
    writeFileSync(join(docs, "run-fixture.mjs"), DOCS_RUN);
    const { samples, search } = JSON.parse(await runIn(docs, process.execPath, ["run-fixture.mjs"]));
    expect(samples.updateCall.typescript).toContain("await client.calls.update(");
    expect(samples.updateCall.curl).toContain(`-X PATCH "\${SIGMAMIND_BASE_URL:-https://api.sigmamind.ai}/v1/calls/`);
    expect(samples.updateCall.typescript).toMatch(
      /client\.calls\.update\("[^"]+", \{\n {2}dynamicVariables: \{\n {4}name: "Ada"/,
    );
    expect(samples.updateCall.cli).toMatch(/^sigmamind calls update \S+ --dynamic-variables name=Ada$/);
    expect(samples.updateCall.cliAsks).toBe(true);
    expect(samples.listAgents.typescript).toContain("await client.agents.list(");
    expect(samples.listAgents.cli).toMatch(/^sigmamind agents list/);
    expect(samples.getAgent.cliAsks).toBe(false);
    expect(search).toContain("## Update Phone Call");
    expect(search).toContain("## List Agents");
    expect(search).toContain("## AgentListResponse");
  }, 120_000);
});
