// Options that throw when read (a getter, a Proxy's trap, a revoked Proxy) are refused like any other bad option:
// an InvalidInputError naming the interface that was given them and what to pass instead, never the raw error.
import { describe, expect, test } from "vitest";
import { InvalidInputError, SigmaMind, SigmaMindError } from "../../src/index.js";
import { fakeFetch, json } from "../support/fake-fetch.js";
import { recordingSleep } from "../support/recording-sleep.js";

/** Ways an options object can throw when it is read, each as a fresh object. */
const HOSTILE: [string, () => object][] = [
  [
    "a getter that throws",
    () => ({
      get timeoutMs(): number {
        throw new RangeError("getter says no");
      },
    }),
  ],
  [
    "a Proxy whose ownKeys trap throws",
    () =>
      new Proxy(
        {},
        {
          ownKeys() {
            throw new Error("ownKeys says no");
          },
        },
      ),
  ],
  [
    "a revoked Proxy",
    () => {
      const { proxy, revoke } = Proxy.revocable({}, {});
      revoke();
      return proxy;
    },
  ],
];

const client = () => {
  const { fetch, requests } = fakeFetch(() => json(200, { callId: "call-1", status: "ended" }));
  return { client: new SigmaMind({ apiKey: "test-key", fetch, sleep: recordingSleep().sleep }), requests };
};

/** The error `run` throws or rejects with. */
async function errorOf(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

function expectRefused(error: unknown, label: string) {
  expect(error).toBeInstanceOf(InvalidInputError);
  expect((error as Error).message).toMatch(
    new RegExp(`^${label.replace(/[.()]/g, "\\$&")}: options could not be read`),
  );
  expect((error as Error).message).toContain("Pass a plain object");
}

describe.each(HOSTILE)("options with %s", (_kind, hostile) => {
  test("new SigmaMind(options) refuses them", async () => {
    expectRefused(await errorOf(() => new SigmaMind(hostile() as never)), "new SigmaMind(options)");
  });

  test("client.withOptions(options) refuses them", async () => {
    expectRefused(await errorOf(() => client().client.withOptions(hostile() as never)), "client.withOptions(options)");
  });

  test("a call's options are refused before anything is sent", async () => {
    const { client: sigmamind, requests } = client();
    expectRefused(await errorOf(() => sigmamind.calls.get("call-1", hostile() as never)), "calls.get");
    expect(requests).toHaveLength(0);
  });

  test("calls.waitFor's options are refused before anything is sent", async () => {
    const { client: sigmamind, requests } = client();
    expectRefused(await errorOf(() => sigmamind.calls.waitFor("call-1", hostile() as never)), "calls.waitFor");
    expect(requests).toHaveLength(0);
  });
});

describe("what the message says", () => {
  test("the option whose getter threw, with the thrown error as the cause", async () => {
    const thrown = new Error("boom");
    const options = {
      apiKey: "test-key",
      get maxRetries(): number {
        throw thrown;
      },
    };
    const error = (await errorOf(() => new SigmaMind(options))) as Error;
    expect(error.message).toBe(
      "new SigmaMind(options): options could not be read: reading maxRetries threw. Pass a plain object of values, such as { timeoutMs: 10000 }: no getter that throws, no Proxy.",
    );
    expect(error.cause).toBe(thrown);
  });

  test("headers are read once too: a Proxy for them is refused by name", async () => {
    const headers = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error("no");
        },
      },
    );
    const error = (await errorOf(() => new SigmaMind({ apiKey: "test-key", headers }))) as Error;
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.message).toMatch(/^new SigmaMind\(options\): options\.headers could not be read: listing/);
  });

  test("options are read once: a getter that changes its answer cannot pass the check and then send another", async () => {
    const { client: sigmamind } = client();
    let reads = 0;
    const options = {
      get maxRetries() {
        reads++;
        return reads === 1 ? 1 : -1;
      },
    };
    const derived = sigmamind.withOptions(options);
    expect(derived.maxRetries).toBe(1);
    expect(reads).toBe(1);
  });

  test("a class instance whose constructor cannot be read is still refused as an instance", async () => {
    class Settings {}
    const options = new Proxy(new Settings(), {
      get() {
        throw new Error("no");
      },
    });
    const error = await errorOf(() => new SigmaMind(options as never));
    expect(error).toBeInstanceOf(SigmaMindError);
    expect((error as Error).message).toMatch(/^new SigmaMind\(options\): options must be an object, got /);
  });
});
