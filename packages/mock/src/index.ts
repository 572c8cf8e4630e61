export { checkDrift, type DriftCheckOptions, type DriftReport, type DriftViolation } from "./drift/check-drift.js";
export { formatDriftReport } from "./drift/format-report.js";
export { MockStartError } from "./errors.js";
export type { ClockMode } from "./sandbox/clock.js";
export { controlSandbox, type RemoteSandboxWorld } from "./sandbox/control-client.js";
export type { Fault } from "./sandbox/faults.js";
export {
  createSandbox,
  type InProcessSandboxOptions,
  type Sandbox,
  type SandboxOptions,
  type SandboxWorld,
  type SpecViolation,
} from "./sandbox/sandbox.js";
export { type RunningSandbox, type StartSandboxOptions, startSandbox } from "./sandbox/start-sandbox.js";
export { workerApiKey } from "./sandbox/worker-api-key.js";
export { type MockExit, type RunningMock, type StartMockOptions, startMock } from "./start-mock.js";
