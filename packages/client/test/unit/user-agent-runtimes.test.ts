// The User-Agent names the runtime the client runs on, edge runtimes included, from the globals each one defines.
// The globals here are stand-ins with the shapes those runtimes give them.
import { afterEach, describe, expect, test, vi } from "vitest";
import { VERSION } from "../../src/generated/version.js";
import { SigmaMind } from "../../src/index.js";
import { userAgent } from "../../src/internal/user-agent.js";
import { emptyPage, fakeFetch, json } from "../support/fake-fetch.js";

/** What workerd's nodejs_compat flag puts in `process`: a Node version the Worker does not run on. */
const nodeCompatProcess = { versions: { node: "22.14.0" }, platform: "linux", arch: "x64", env: {} };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the runtime in the User-Agent", () => {
  test("Cloudflare workerd, which says Cloudflare-Workers in navigator.userAgent, is workerd", () => {
    vi.stubGlobal("process", undefined);
    vi.stubGlobal("navigator", { userAgent: "Cloudflare-Workers" });
    expect(userAgent()).toBe(`@sigmamind/client/${VERSION} (workerd)`);
  });

  test("workerd with nodejs_compat is still workerd, not the Node its `process` reports", () => {
    vi.stubGlobal("process", nodeCompatProcess);
    vi.stubGlobal("navigator", { userAgent: "Cloudflare-Workers" });
    expect(userAgent()).toBe(`@sigmamind/client/${VERSION} (workerd)`);
  });

  test("Vercel's Edge Runtime, which sets globalThis.EdgeRuntime, is edge-runtime", () => {
    vi.stubGlobal("process", undefined);
    vi.stubGlobal("EdgeRuntime", "edge-runtime");
    expect(userAgent()).toBe(`@sigmamind/client/${VERSION} (edge-runtime)`);
  });

  test("an Edge Runtime that names its provider keeps the name, even beside a `process` stand-in", () => {
    vi.stubGlobal("process", nodeCompatProcess);
    vi.stubGlobal("EdgeRuntime", "vercel");
    expect(userAgent()).toBe(`@sigmamind/client/${VERSION} (edge-runtime; vercel)`);
  });

  test("Deno is named with its version, OS and architecture", () => {
    vi.stubGlobal("Deno", { version: { deno: "2.9.6" }, build: { os: "linux", arch: "x86_64" } });
    expect(userAgent()).toBe(`@sigmamind/client/${VERSION} (deno/2.9.6; linux; x86_64)`);
  });

  test("a runtime with none of these globals is an unknown runtime", () => {
    vi.stubGlobal("process", undefined);
    vi.stubGlobal("navigator", { userAgent: "Something/1.0" });
    expect(userAgent()).toBe(`@sigmamind/client/${VERSION} (unknown runtime)`);
  });

  test("a browser, which has a document, gets no User-Agent of the client's", () => {
    vi.stubGlobal("document", {});
    expect(userAgent()).toBeUndefined();
  });

  test("the client sends the name on workerd", async () => {
    vi.stubGlobal("navigator", { userAgent: "Cloudflare-Workers" });
    const { fetch, requests } = fakeFetch(() => json(200, emptyPage));
    await new SigmaMind({ apiKey: "test-key", fetch }).calls.list();
    vi.unstubAllGlobals();
    expect(requests[0]?.headers.get("user-agent")).toBe(`@sigmamind/client/${VERSION} (workerd)`);
  });
});
