// The statuses calls.waitFor stops at, exported so an app need not guess whether `completed` or `failed` count.
import { expect, test } from "vitest";
import { FINAL_CALL_STATUSES, isFinalCallStatus, KNOWN_CALL_STATUSES } from "../../src/index.js";

test("the final statuses are the known ones a call never leaves", () => {
  expect(FINAL_CALL_STATUSES).toEqual(["ended", "not-connected", "error", "completed", "failed"]);
  expect(Object.isFrozen(FINAL_CALL_STATUSES)).toBe(true);
  for (const status of FINAL_CALL_STATUSES) expect(KNOWN_CALL_STATUSES).toContain(status);
});

test("isFinalCallStatus: true for each final status; false for the others, an unknown one and none", () => {
  for (const status of FINAL_CALL_STATUSES) expect(isFinalCallStatus(status), status).toBe(true);
  for (const status of ["scheduled", "in-progress", "ringing", "", null, undefined]) {
    expect(isFinalCallStatus(status), String(status)).toBe(false);
  }
});
