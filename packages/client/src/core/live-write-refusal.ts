// What the live-write guard says when it refuses: a chunk of its own, loaded on the first refusal, since a client
// that never writes to the production API from a test run never needs these words up front. It imports nothing,
// so that splitting it off splits nothing else.

/** The problem with `baseUrl`, phrased to follow its name, with the fakes to use and the opt-in. */
export function liveWriteProblem(origin: string, runner: string, optInVariable: string): string {
  return `is the production API (${origin}), and this is a test run (${runner}), which never places or deletes real calls; nothing was sent. Test against a fake from @sigmamind/mock: createSandbox() (baseUrl: sandbox.url, fetch: sandbox.fetch), or startSandbox(), sigmamind-mock --sandbox or startMock() with its URL as baseUrl or SIGMAMIND_BASE_URL. To write to the live API from a test run on purpose, pass allowLiveWrites: true or set ${optInVariable}=1`;
}
