// What the live-write guard says when it refuses: a chunk of its own, loaded on the first refusal, since a client
// that never writes to the production API from a test run never needs these words up front. It imports nothing,
// so that splitting it off splits nothing else.

/** Values of the opt-in variable that plainly say no, which the refusal does not remark on. */
const PLAIN_NO = ["0", "false", "no", "off", "n"];

/**
 * The problem with `baseUrl`, phrased to follow its name, with the fakes to use and the opt-in; and what the opt-in
 * variable holds (`optIn`) when it is a word that is neither an opt-in nor a plain no: one meant as yes, such as
 * "yes", which the refusal names rather than ignore.
 */
export function liveWriteRefusal(
  origin: string,
  runner: string,
  optInVariable: string,
  optIn: string | undefined,
): { problem: string; misread: string | undefined } {
  const said = optIn?.toLowerCase();
  const no = said === undefined || PLAIN_NO.includes(said);
  // Only a short word is repeated: a longer or stranger value may be a secret pasted in the wrong place.
  const misread = !no && optIn !== undefined && /^[a-z]{1,10}$/i.test(optIn) ? optIn : undefined;
  const held = no
    ? ""
    : misread === undefined
      ? " (it is set, but only 1 or true opts in)"
      : ` (it is set to ${JSON.stringify(misread)}, which is neither 1 nor true)`;
  return {
    problem: `is the production API (${origin}), and this is a test run (${runner}), which never places or deletes real calls; nothing was sent. Test against a fake from @sigmamind/mock: createSandbox() (baseUrl: sandbox.url, fetch: sandbox.fetch), or startSandbox(), sigmamind-mock --sandbox or startMock() with its URL as baseUrl or SIGMAMIND_BASE_URL. To write to the live API from a test run on purpose, pass allowLiveWrites: true or set ${optInVariable}=1${held}`,
    misread,
  };
}
