import { describe, expect, test } from "vitest";
import { SigmaMind } from "../../src/index.js";
import { emptyPage, fakeFetch, json } from "../support/fake-fetch.js";

function client(handler?: Parameters<typeof fakeFetch>[0]) {
  const fake = fakeFetch(handler);
  return { sigmamind: new SigmaMind({ apiKey: "test-key", fetch: fake.fetch }), requests: fake.requests };
}

describe("calls", () => {
  test("list sends GET /v1/calls with the query parameters", async () => {
    const { sigmamind, requests } = client(() => json(200, emptyPage));
    const page = await sigmamind.calls.list({ status: "in-progress", page: 2, size: 50 });
    expect(page).toEqual(emptyPage);
    expect(requests[0]?.method).toBe("GET");
    expect(requests[0]?.url).toBe("https://api.sigmamind.ai/v1/calls?status=in-progress&page=2&size=50");
  });

  test("get encodes the call id into the path", async () => {
    const { sigmamind, requests } = client(() => json(200, { callId: "a/b c?", status: "ended" }));
    await sigmamind.calls.get("a/b c?");
    expect(requests[0]?.url).toBe("https://api.sigmamind.ai/v1/calls/a%2Fb%20c%3F");
  });

  test("create posts the JSON body", async () => {
    const { sigmamind, requests } = client(() => json(200, { callId: "call_1", status: "scheduled" }));
    const body = { fromPhoneNumber: "+14155552671", toPhoneNumber: "+14155550123", agentId: "agent-1" };
    const call = await sigmamind.calls.create(body);
    expect(call.callId).toBe("call_1");
    expect(requests[0]?.method).toBe("POST");
    expect(requests[0]?.headers.get("content-type")).toBe("application/json");
    expect(await requests[0]?.json()).toEqual(body);
  });

  test("delete sends DELETE to the call's path", async () => {
    const { sigmamind, requests } = client(() => new Response("OK"));
    await sigmamind.calls.delete("call-1");
    expect(requests[0]?.method).toBe("DELETE");
    expect(requests[0]?.url).toBe("https://api.sigmamind.ai/v1/calls/call-1");
  });

  test("per-request headers are sent with that request only", async () => {
    const { sigmamind, requests } = client(() => json(200, emptyPage));
    await sigmamind.calls.list({}, { headers: { "X-Trace-Id": "t-1" } });
    await sigmamind.calls.list();
    expect(requests[0]?.headers.get("x-trace-id")).toBe("t-1");
    expect(requests[1]?.headers.get("x-trace-id")).toBeNull();
  });

  test("the raw openapi-fetch client shares the key and returns { data, error }", async () => {
    const { sigmamind, requests } = client(() => json(404, { error: "Not Found", message: "nope", status: 404 }));
    const { data, error, response } = await sigmamind.raw.GET("/v1/calls/{callId}", {
      params: { path: { callId: "missing" } },
    });
    expect(data).toBeUndefined();
    expect(error).toMatchObject({ message: "nope" });
    expect(response.status).toBe(404);
    expect(requests[0]?.headers.get("x-api-key")).toBe("test-key");
  });

  test("a response's body reads once, as fetch's does, and is then let go", async () => {
    const { sigmamind } = client(() => json(200, { callId: "call-1", status: "ended" }));
    const { data, response } = await sigmamind.raw.GET("/v1/calls/{callId}", {
      params: { path: { callId: "call-1" } },
    });
    expect(data).toMatchObject({ callId: "call-1" });
    expect(response).toBeInstanceOf(Response);
    // openapi-fetch has read it; a second read fails the way a native Response's does.
    await expect(response.text()).rejects.toThrow(TypeError);
    await expect(response.json()).rejects.toThrow(/already been read/);
  });
});
