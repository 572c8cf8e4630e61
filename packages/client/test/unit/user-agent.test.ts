// Every request names the client and the runtime, so the API's operators can tell SDK traffic and versions apart.
import { describe, expect, test } from "vitest";
import packageJson from "../../package.json" with { type: "json" };
import { VERSION } from "../../src/generated/version.js";
import { SigmaMind } from "../../src/index.js";
import { emptyPage, fakeFetch, json } from "../support/fake-fetch.js";

describe("User-Agent", () => {
  test("names the package, its version and the runtime, on resource calls and raw ones", async () => {
    const { fetch, requests } = fakeFetch(() => json(200, emptyPage));
    const client = new SigmaMind({ apiKey: "test-key", fetch });
    await client.calls.list();
    await client.raw.GET("/v1/calls");
    const expected = `@sigmamind/client/${packageJson.version} (node/${process.versions.node}; ${process.platform}; ${process.arch})`;
    expect(requests.map((request) => request.headers.get("user-agent"))).toEqual([expected, expected]);
    expect(VERSION).toBe(packageJson.version);
  });

  test("a User-Agent of the caller's own, in the client's headers, wins", async () => {
    const { fetch, requests } = fakeFetch(() => json(200, emptyPage));
    await new SigmaMind({ apiKey: "test-key", fetch, headers: { "user-agent": "my-app/2" } }).calls.list();
    expect(requests[0]?.headers.get("user-agent")).toBe("my-app/2");
  });
});
