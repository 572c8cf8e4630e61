// An error body in RFC 7807 problem+json (`type`, `title`, `status`, `detail`), as Prism sends when asked with
// `Prefer: code=` for a status the operation does not document: its title and detail are the message.
import { describe, expect, test } from "vitest";
import { type APIError, InternalServerError, NotFoundError } from "../../src/index.js";
import { reply } from "../support/fault-server.js";
import { API_KEY, clientOf, rejectionOf, serve } from "../support/socket-client.js";

/** What Prism 5.14.2 answers to `GET /v1/calls` with `Prefer: code=418`, byte for byte. */
const PRISM_UNDOCUMENTED_CODE =
  '{"type":"https://stoplight.io/prism/errors#NOT_FOUND","title":"The server cannot find the requested content","status":404,"detail":"Requested status code 418 is not defined in the document."}';

function problem(status: number, body: string, contentType = "application/problem+json") {
  return reply(status, body, { "content-type": contentType });
}

async function errorOfList(server: { url: string }): Promise<APIError> {
  const { client } = clientOf(server.url, { maxRetries: 0 });
  return (await rejectionOf(client.calls.list({}, { headers: { Prefer: "code=418" } }))) as APIError;
}

describe("a problem+json error body", () => {
  test("Prism's answer to an undocumented code says which code it could not send", async () => {
    const server = await serve(problem(404, PRISM_UNDOCUMENTED_CODE));
    const error = await errorOfList(server);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.status).toBe(404);
    expect(error.body).toEqual(JSON.parse(PRISM_UNDOCUMENTED_CODE));
    expect(error.message).toContain(
      "404 error from the SigmaMind API: The server cannot find the requested content: Requested status code 418 is not defined in the document. ",
    );
    expect(error.message).not.toContain("no details in the response");
  });

  test("any status: a title alone is the message", async () => {
    const server = await serve(problem(503, '{"title":"Upstream unavailable","status":503}'));
    const error = await errorOfList(server);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.message).toContain("503 error from the SigmaMind API: Upstream unavailable. ");
  });

  test("a detail alone is the message, and a content type with parameters is still problem+json", async () => {
    const server = await serve(
      problem(400, '{"detail":"page must be a number"}', "Application/Problem+JSON; charset=utf-8"),
    );
    const error = await errorOfList(server);
    expect(error.message).toContain("400 error from the SigmaMind API: page must be a number. ");
  });

  test("a detail that echoes the key shows it redacted", async () => {
    const server = await serve(problem(401, JSON.stringify({ title: "Unauthorized", detail: `Bad key ${API_KEY}` })));
    const error = await errorOfList(server);
    expect(error.message).toContain("Unauthorized: Bad key [redacted]");
    expect(error.message).not.toContain(API_KEY);
    expect(JSON.stringify(error.body)).not.toContain(API_KEY);
  });

  test("a long, multi-line detail is cut and shown on one line", async () => {
    const detail = `first line\n\nsecond line\r\n\t${"x".repeat(10_000)}`;
    const server = await serve(problem(422, JSON.stringify({ title: "Invalid", detail })));
    const error = await errorOfList(server);
    expect(error.message).toContain("Invalid: first line second line xxx");
    expect(error.message).not.toMatch(/[\r\n\t]/);
    expect(error.message.length).toBeLessThan(400);
    expect((error.body as { detail: string }).detail).toBe(detail);
  });

  test("a title and detail that are not text are not shown", async () => {
    const server = await serve(problem(404, '{"title":{"nested":true},"detail":42}'));
    const error = await errorOfList(server);
    expect(error.message).toContain("404 error from the SigmaMind API: no details in the response.");
  });
});
