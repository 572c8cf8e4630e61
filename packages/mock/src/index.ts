export { MockStartError } from "./errors.js";
export { type RunningMock, type StartMockOptions, startMock } from "./start-mock.js";
