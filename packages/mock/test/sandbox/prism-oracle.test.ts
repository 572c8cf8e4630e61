// Stoplight Prism as an independent oracle of the sandbox's own spec checks: the same random requests, and the
// same random answers, go through Prism's validation (its proxy mode, reading the `sl-violations` it reports)
// and through the sandbox's validators generated from the spec, and both must give the same verdict.
import { createServer, request as httpRequest } from "node:http";
import { specPath } from "@sigmamind/spec";
import type { Call } from "@sigmamind/types";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildCall } from "../../src/factories.js";
import { OPERATIONS } from "../../src/generated/operations.js";
import { type PrismProcess, startPrism } from "../../src/prism-process.js";
import { close, listen } from "../../src/sandbox/node-http.js";
import { answerProblem } from "../../src/sandbox/spec-check.js";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/start-sandbox.js";

interface PrismViolation {
  location?: string[];
  severity?: string;
  message?: string;
}

/** The errors Prism reported on the request or the response, from the `sl-violations` header. */
function prismErrors(response: Response, where: "request" | "response"): string[] {
  const header = response.headers.get("sl-violations");
  const reported = header ? (JSON.parse(header) as PrismViolation[]) : [];
  return reported
    .filter((violation) => violation.severity === "Error" && violation.location?.[0] === where)
    .map((violation) => `${violation.location?.join(".")} ${violation.message}`);
}

/** The get whose answer the test serves itself, broken as it likes; every other request reaches the sandbox. */
const SERVED_PATH = "/v1/calls/oracle-served";
let served: unknown;
let sandbox: RunningSandbox;
let upstream: ReturnType<typeof createServer>;
let prism: PrismProcess;
// One Prism proxy for both halves, as each takes seconds to start: in front of a server that answers the served
// path with `served` and hands every other request to the sandbox.
beforeAll(async () => {
  sandbox = await startSandbox();
  upstream = createServer((request, response) => {
    if (request.url === SERVED_PATH) {
      const text = JSON.stringify(served);
      response.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
      response.end(text);
      return;
    }
    request.pipe(
      httpRequest(`${sandbox.url}${request.url}`, { method: request.method, headers: request.headers }, (answer) => {
        response.writeHead(answer.statusCode ?? 500, answer.headers);
        answer.pipe(response);
      }),
    );
  });
  const url = await listen(upstream, 0, "127.0.0.1");
  prism = await startPrism("proxy", [specPath, url, "--host", "127.0.0.1", "--port", "0"], 30_000);
});
afterAll(async () => {
  await Promise.all([prism?.stop(), sandbox?.stop(), upstream && close(upstream)]);
});

describe("requests: the sandbox refuses exactly what Prism finds breaking the spec", () => {
  /** Whether the sandbox refused the request as breaking the spec, and what Prism found. */
  async function verdicts(path: string, init: RequestInit = {}) {
    const response = await fetch(`${prism.url}${path}`, {
      ...init,
      headers: { "x-api-key": "oracle", "content-type": "application/json", ...init.headers },
    });
    const body = (await response.json()) as { message?: string };
    const refused = [400, 422].includes(response.status) && /^Invalid request parameters/.test(body.message ?? "");
    return { refused, prism: prismErrors(response, "request"), message: body.message };
  }

  const number = fc.oneof(
    fc.integer({ min: -5, max: 2_147_483_650 }).map(String),
    fc.constantFrom("abc", "1.5", "", "0x10", "1e3", " 7", "-0"),
  );

  test("list queries", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.option(number, { nil: undefined }),
        fc.option(number, { nil: undefined }),
        async (page, size) => {
          const query = new URLSearchParams();
          if (page !== undefined) query.set("page", page);
          if (size !== undefined) query.set("size", size);
          const { refused, prism: found, message } = await verdicts(`/v1/calls?${query}`);
          expect(refused, `sandbox: ${message}; Prism: ${found.join("; ")}`).toBe(found.length > 0);
        },
      ),
      { numRuns: 80 },
    );
  });

  const phone = fc.oneof(
    fc.constantFrom("+14155552671", "+1", "14155552671", "+04155552671", "+1415555267100000"),
    fc.string(),
  );
  const body = fc.record(
    {
      fromPhoneNumber: phone,
      toPhoneNumber: phone,
      agentId: fc.oneof(fc.string({ maxLength: 70 }), fc.integer()),
      dynamicVariables: fc.oneof(
        fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.string(), fc.integer(), fc.boolean()), { maxKeys: 3 }),
        fc.dictionary(fc.string({ maxLength: 5 }), fc.constant({ nested: 1 }), { minKeys: 1, maxKeys: 2 }),
      ),
    },
    { requiredKeys: [] },
  );

  test("create bodies", async () => {
    await fc.assert(
      fc.asyncProperty(body, async (sent) => {
        const {
          refused,
          prism: found,
          message,
        } = await verdicts("/v1/calls", { method: "POST", body: JSON.stringify(sent) });
        expect(refused, `sandbox: ${message}; Prism: ${found.join("; ")}`).toBe(found.length > 0);
      }),
      { numRuns: 80 },
    );
  });
});

describe("answers: the sandbox's check finds exactly what Prism finds breaking the spec", () => {
  const getCall = OPERATIONS.find((operation) => operation.id === "getCall");
  const broken: [string, (call: Call & Record<string, unknown>) => void][] = [
    ["as built", () => {}],
    [
      "a field it does not know",
      (call) => {
        call.note = "x";
      },
    ],
    [
      "no callId",
      (call) => {
        delete (call as Partial<Call>).callId;
      },
    ],
    [
      "a numeric callId",
      (call) => {
        call.callId = 5 as never;
      },
    ],
    [
      "a status that is a number",
      (call) => {
        call.status = 5 as never;
      },
    ],
    [
      "a status the spec does not list",
      (call) => {
        call.status = "ringing";
      },
    ],
    [
      "a start time that is not a date-time",
      (call) => {
        call.startTime = "yesterday";
      },
    ],
    [
      "a negative duration",
      (call) => {
        call.duration = -1;
      },
    ],
    [
      "a duration with a fraction",
      (call) => {
        call.duration = 1.5;
      },
    ],
    [
      "a recording URL that is not a URI",
      (call) => {
        call.recordingUrl = "not a uri";
      },
    ],
    [
      "a negative phone number",
      (call) => {
        if (call.phoneNumber) call.phoneNumber.sipPhoneNumber = -5;
      },
    ],
    [
      "a campaign without its id",
      (call) => {
        call.campaign = {} as never;
      },
    ],
    [
      "an agent that is a string",
      (call) => {
        call.agent = "x" as never;
      },
    ],
    [
      "variables that are a list",
      (call) => {
        call.variables = [] as never;
      },
    ],
  ];

  test("each broken field", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...broken),
        fc.constantFrom("ended", "scheduled", "in-progress"),
        fc.integer({ min: 1, max: 50 }),
        async ([name, breakIt], status, seed) => {
          const call = structuredClone(buildCall({ status }, { seed })) as Call & Record<string, unknown>;
          breakIt(call);
          served = call;
          const response = await fetch(`${prism.url}${SERVED_PATH}`, {
            headers: { "x-api-key": "k" },
          });
          await response.arrayBuffer();
          const found = prismErrors(response, "response");
          const ours = answerProblem(getCall, {
            status: 200,
            headers: { "content-type": "application/json" },
            body: call,
          });
          expect(ours !== undefined, `${name}: sandbox: ${ours}; Prism: ${found.join("; ")}`).toBe(found.length > 0);
        },
      ),
      { numRuns: 60 },
    );
  });
});
