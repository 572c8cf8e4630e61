export { checkDrift, type DriftCheckOptions, type DriftReport, type DriftViolation } from "./drift/check-drift.js";
export { formatDriftReport } from "./drift/format-report.js";
export { MockStartError } from "./errors.js";
export type { Fault } from "./sandbox/faults.js";
export { type RunningSandbox, type SandboxOptions, startSandbox } from "./sandbox/sandbox-server.js";
export type { SpecViolation } from "./sandbox/violations.js";
export { type MockExit, type RunningMock, type StartMockOptions, startMock } from "./start-mock.js";
