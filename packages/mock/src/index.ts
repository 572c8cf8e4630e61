export { checkDrift, type DriftCheckOptions, type DriftReport, type DriftViolation } from "./drift/check-drift.js";
export { formatDriftReport } from "./drift/format-report.js";
export { MockStartError } from "./errors.js";
export { type MockExit, type RunningMock, type StartMockOptions, startMock } from "./start-mock.js";
