/** The mock could not be started: the message says why and what to change. */
export class MockStartError extends Error {
  override name = "MockStartError";
}
