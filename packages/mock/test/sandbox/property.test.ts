import { specPath } from "@sigmamind/spec";
import { afterAll, beforeAll, test } from "vitest";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/sandbox-server.js";

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ specPath, calls: 12 });
});
afterAll(async () => {
  await sandbox?.stop();
});
async function call(path: string, init: RequestInit = {}) {
  const response = await fetch(`${sandbox.url}${path}`, {
    ...init,
    headers: { "x-api-key": "k", "content-type": "application/json", ...init.headers },
  });
  const text = await response.text();
  return { status: response.status, text: text.slice(0, 300) };
}
const body = { fromPhoneNumber: "+14155552671", toPhoneNumber: "+14155550123", agentId: "agent-1" };
test("explore", async () => {
  const post = (b: unknown) =>
    call("/v1/calls", { method: "POST", body: typeof b === "string" ? b : JSON.stringify(b) });
  const t0 = Date.now();
  for (let i = 0; i < 50; i++) await call("/v1/calls?size=3");
  console.log("50 lists ms", Date.now() - t0);
  console.log("extra", await post({ ...body, extra: 1 }));
  console.log("emoji64", await post({ ...body, agentId: "😀".repeat(64) }));
  console.log("emoji40", await post({ ...body, agentId: "😀".repeat(40) }));
  console.log(
    "proto",
    await post(
      `{"fromPhoneNumber":"+14155552671","toPhoneNumber":"+14155550123","agentId":"a","dynamicVariables":{"__proto__":1}}`,
    ),
  );
  console.log("null", await post("null"));
  console.log("array", await post("[]"));
  console.log("string", await post('"x"'));
  console.log("nested", await post({ ...body, dynamicVariables: { a: { b: 1 } } }));
  console.log("nullvar", await post({ ...body, dynamicVariables: { a: null } }));
  console.log("emptystatus", await call("/v1/calls?status="));
  console.log("oddstatus", await call("/v1/calls?status=%E2%9C%93%20x"));
  console.log("page -1", await call("/v1/calls?page=-1"));
  console.log("page big", await call("/v1/calls?page=2147483647&size=2147483647"));
  console.log("page over", await call("/v1/calls?page=2147483648"));
  console.log("page 1.5", await call("/v1/calls?page=1.5"));
  console.log("size 007", await call("/v1/calls?size=007"));
  console.log("id slash", await call("/v1/calls/a%2Fb"));
  console.log("id space", await call("/v1/calls/a%20b"));
  console.log("id pct", await call("/v1/calls/%25"));
  console.log("id unicode", await call(`/v1/calls/${encodeURIComponent("é✓😀")}`));
  console.log("id quote", await call(`/v1/calls/${encodeURIComponent("'\"<>")}`));
  console.log("del slash", await call("/v1/calls/a%2Fb", { method: "DELETE" }));
  console.log("del", await call("/v1/calls/nope", { method: "DELETE" }));
  console.log(sandbox.violations);
});
