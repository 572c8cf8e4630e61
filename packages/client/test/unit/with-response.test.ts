// What users of Stainless SDKs reach for: the response and request id of a success, not only of a failure.
import { describe, expect, test } from "vitest";
import { NotFoundError, SigmaMind } from "../../src/index.js";
import { emptyPage, fakeFetch, json } from "../support/fake-fetch.js";

const call = { callId: "call-1", status: "ended" };
const createBody = { fromPhoneNumber: "+14155552671", toPhoneNumber: "+14155550123", agentId: "agent-1" };

function client(handler: Parameters<typeof fakeFetch>[0]) {
  const fake = fakeFetch(handler);
  return {
    sigmamind: new SigmaMind({ apiKey: "test-key", fetch: fake.fetch, maxRetries: 0 }),
    requests: fake.requests,
  };
}

describe(".withResponse()", () => {
  test("gives the data, the response and the request id of a success, from one request", async () => {
    const { sigmamind, requests } = client(() => json(200, call, { "x-request-id": "req-42" }));
    const { data, response, requestId } = await sigmamind.calls.get("call-1").withResponse();
    expect(data).toEqual(call);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe("req-42");
    expect(requestId).toBe("req-42");
    expect(requests).toHaveLength(1);
  });

  test("on create, delete and a page of calls too", async () => {
    const { sigmamind } = client((request) =>
      request.method === "DELETE"
        ? new Response(null, { status: 200, headers: { "request-id": "req-d" } })
        : json(200, request.method === "POST" ? call : emptyPage, { "x-request-id": "req-1" }),
    );
    expect((await sigmamind.calls.create(createBody).withResponse()).requestId).toBe("req-1");
    const deleted = await sigmamind.calls.delete("call-1").withResponse();
    expect(deleted).toMatchObject({ data: undefined, requestId: "req-d" });
    const page = await sigmamind.calls.list().withResponse();
    expect(page.data.data).toEqual([]);
    expect(page.requestId).toBe("req-1");
  });

  test("a failure still rejects with its typed error", async () => {
    const { sigmamind } = client(() => json(404, { message: "no such call" }));
    await expect(sigmamind.calls.get("call-x").withResponse()).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe(".asResponse()", () => {
  test("gives the response with its body still to read", async () => {
    const { sigmamind } = client(() => json(200, call, { "x-request-id": "req-7" }));
    const response = await sigmamind.calls.get("call-1").asResponse();
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe("req-7");
    expect(await response.json()).toEqual(call);
  });
});

describe("awaiting as before", () => {
  test("await, then, catch and finally behave as a promise of the data; one request whatever is asked", async () => {
    const { sigmamind, requests } = client(() => json(200, call));
    const pending = sigmamind.calls.get("call-1");
    expect(pending).toBeInstanceOf(Promise);
    expect(await pending).toEqual(call);
    expect(await pending.then((data) => data.callId)).toBe("call-1");
    const { data } = await pending.withResponse();
    expect(data).toEqual(call);
    let settled = false;
    await pending.finally(() => {
      settled = true;
    });
    expect(settled).toBe(true);
    expect(requests).toHaveLength(1);
  });

  test("then ignores callbacks that are not functions, as a promise's then does", async () => {
    const { sigmamind } = client(() => json(200, call));
    expect(await sigmamind.calls.get("call-1").then(42 as never, "no" as never)).toEqual(call);
    const failing = client(() => json(404, { message: "no such call" })).sigmamind.calls.get("call-1");
    await expect(failing.then(null, 7 as never)).rejects.toMatchObject({ name: "NotFoundError" });
    expect(await failing.then(undefined, () => "handled")).toBe("handled");
  });
});
