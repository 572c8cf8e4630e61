// The static mock's front server: what would kill Prism, or get an answer in Prism's own shape instead of the
// API's, is answered in front of it; everything else reaches Prism and comes back as Prism sent it.
import { request as httpRequest } from "node:http";
import { specPath } from "@sigmamind/spec";
import { isProcessRunning } from "@sigmamind/test-support/processes";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type RunningMock, startMock } from "../src/index.js";
import { rawRequest } from "./raw-request.js";
import { validateAgainst } from "./sandbox/spec-validators.js";

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ specPath });
});
afterAll(async () => {
  await mock?.stop();
});

const KEY = { "x-api-key": "k" };
const JSON_BODY = { ...KEY, "content-type": "application/json" };
const validCall = JSON.stringify({ fromPhoneNumber: "+14155552671", toPhoneNumber: "+14155550123", agentId: "a" });

/** Prism still runs and answers, after whatever the test sent. */
async function expectPrismAnswers() {
  expect(isProcessRunning(mock.pid)).toBe(true);
  const response = await fetch(`${mock.url}/v1/calls/call-AuUKK371Spr5nHJS`, { headers: KEY });
  expect(response.status).toBe(200);
  expect((await response.json()).callId).toBe("call-AuUKK371Spr5nHJS");
}

function expectApiError(body: unknown) {
  const { valid, errors } = validateAgainst("ErrorResponse", body);
  expect(valid, errors).toBe(true);
}

describe("requests that would kill Prism or get Prism's own error shape", () => {
  test.each(["/v1/calls/%ZZ", "/v1/calls/%E0%A4%A", "//%zz/"])(
    "%s, a malformed percent-encoding in the path, is the API's 400",
    async (target) => {
      const answer = await rawRequest(mock.url, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: k`);
      expect(answer.status).toBe(400);
      const body = JSON.parse(answer.body);
      expectApiError(body);
      expect(body.message).toMatch(/percent-encoding/);
      await expectPrismAnswers();
    },
  );

  test.each([
    ["//", "//"],
    ["//@", "//@"],
    ["//v1/calls", "//v1/calls"],
    ["/nowhere", "/nowhere"],
    ["a path of 8000 characters", `/v1/calls/${"x".repeat(8000)}/more`],
  ])("%s, a path no operation has, is the API's 404", async (_name, target) => {
    const answer = await rawRequest(mock.url, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: k`);
    expect(answer.status).toBe(404);
    expectApiError(JSON.parse(answer.body));
    await expectPrismAnswers();
  });

  test.each([
    [
      "OPTIONS //",
      "OPTIONS // HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://127.0.0.1:9\r\nAccess-Control-Request-Method: GET",
    ],
    [
      "OPTIONS //@evil",
      "OPTIONS //@evil HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://127.0.0.1:9\r\nAccess-Control-Request-Method: GET",
    ],
    ["OPTIONS that is no preflight", "OPTIONS /v1/calls HTTP/1.1\r\nHost: 127.0.0.1"],
  ])("%s is the API's 404, not Prism's own answer", async (_name, head) => {
    const answer = await rawRequest(mock.url, head);
    expect(answer.status).toBe(404);
    expectApiError(JSON.parse(answer.body));
    await expectPrismAnswers();
  });

  test("a body sent to an operation that takes none is dropped, not read by Prism as bad JSON", async () => {
    const answer = await fetch(`${mock.url}/v1/calls/call-AuUKK371Spr5nHJS`, {
      method: "DELETE",
      headers: { ...JSON_BODY },
      body: "abc",
    });
    expect(answer.status).toBe(200);
  });

  test("HEAD is the GET's headers, without a body", async () => {
    const answer = await fetch(`${mock.url}/v1/calls`, { method: "HEAD", headers: KEY });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(/json/);
    expect(await answer.text()).toBe("");
  });

  test("a call id of 8000 characters reaches Prism and is answered", async () => {
    const response = await fetch(`${mock.url}/v1/calls/${"x".repeat(8000)}`, { headers: KEY });
    expect(response.status).toBe(200);
    await expectPrismAnswers();
  });

  test.each([
    ["not JSON", "{not json"],
    ["JSON null", "null"],
  ])("a body that is %s, to an operation that takes a JSON body, is the API's 400", async (_what, body) => {
    const response = await fetch(`${mock.url}/v1/calls`, { method: "POST", headers: JSON_BODY, body });
    expect(response.status).toBe(400);
    const answer = await response.json();
    expectApiError(answer);
    expect(answer).toMatchObject({ status: 400, path: "/v1/calls" });
    await expectPrismAnswers();
  });

  test("a body that says it is over 1 MiB is the API's 413, before it is read", async () => {
    const answer = await rawRequest(
      mock.url,
      "POST /v1/calls HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: k\r\nContent-Type: application/json\r\nContent-Length: 900000000",
    );
    expect(answer.status).toBe(413);
    expectApiError(JSON.parse(answer.body));
    await expectPrismAnswers();
  });

  test("a body that grows past 1 MiB is the API's 413 as it passes, never read whole", async () => {
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const sending = httpRequest(`${mock.url}/v1/calls`, {
        method: "POST",
        headers: { ...JSON_BODY, "transfer-encoding": "chunked" },
      });
      sending.on("response", (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => {
          text += chunk;
        });
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
      });
      sending.on("error", reject);
      // Two megabytes, never ended: only an answer at the limit ends this.
      const chunk = "x".repeat(64 * 1024);
      for (let index = 0; index < 32; index++) sending.write(chunk);
    });
    expect(answer.status).toBe(413);
    expectApiError(JSON.parse(answer.body));
    await expectPrismAnswers();
  });
});

describe("everything else reaches Prism as it was sent", () => {
  test("a valid create is Prism's 200 with the spec's example", async () => {
    const response = await fetch(`${mock.url}/v1/calls`, { method: "POST", headers: JSON_BODY, body: validCall });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
  });

  test("Prefer: code=404 picks Prism's 404 example", async () => {
    const response = await fetch(`${mock.url}/v1/calls/anything`, { headers: { ...KEY, prefer: "code=404" } });
    expect(response.status).toBe(404);
    const body = await response.json();
    expectApiError(body);
    expect(body.message).toBe("Call not found");
  });

  test("a CORS preflight is Prism's, and a page on another origin may read the answer", async () => {
    const origin = "https://docs.example";
    const preflight = await fetch(`${mock.url}/v1/calls`, {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "x-api-key,content-type,prefer",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(origin);
    expect(preflight.headers.get("access-control-allow-methods")).toBe("POST");
    expect(preflight.headers.get("access-control-allow-headers")).toBe("x-api-key,content-type,prefer");

    const listed = await fetch(`${mock.url}/v1/calls`, { headers: { ...KEY, origin } });
    expect(listed.status).toBe(200);
    expect(listed.headers.get("access-control-allow-origin")).toBe(origin);
  });

  test("the front's own answers carry CORS too, so a page can read why it was refused", async () => {
    const origin = "https://docs.example";
    const response = await fetch(`${mock.url}/v1/calls`, {
      method: "POST",
      headers: { ...JSON_BODY, origin },
      body: "{not json",
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("access-control-allow-origin")).not.toBeNull();
  });

  test("a request without a key is Prism's 401, with its sl-violations header", async () => {
    const response = await fetch(`${mock.url}/v1/calls`);
    expect(response.status).toBe(401);
    expect(response.headers.get("sl-violations")).toContain("security");
  });

  test("the query reaches Prism: a size out of range is its 422", async () => {
    const response = await fetch(`${mock.url}/v1/calls?size=0`, { headers: KEY });
    expect(response.status).toBe(422);
    expect(response.headers.get("sl-violations")).toContain("size");
  });
});
