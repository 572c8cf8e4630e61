// The sandbox's clock. Manual by default, so a test decides when time passes (`advance`); or real, optionally
// faster than life (`speed: 60` is a minute a second), so a demo or a `waitFor` against a sandbox left running
// sees calls connect and end on their own. Each world reads it through an offset of its own (worlds.ts).

export type ClockMode = "manual" | "real";

export interface ClockOptions {
  /** `"manual"` (default): time moves only with `advance`. `"real"`: it also moves with the wall clock. */
  clock?: ClockMode;
  /** With `clock: "real"`, sandbox milliseconds per real millisecond. Default 1; `60` is a minute a second. */
  speed?: number;
  /** Where the clock starts. Default 2026-01-01T00:00:00Z, so runs do not depend on the day. */
  startTime?: Date;
}

export const DEFAULT_START_TIME = new Date("2026-01-01T00:00:00.000Z");
/**
 * The latest time the clock may show: the last day a four-digit year can write, less a day, so that a call
 * created then still ends within a date the spec's `date-time` format accepts.
 */
export const LATEST_CLOCK_MS = Date.UTC(9999, 11, 31) - 24 * 3_600_000;
const MAX_SPEED = 1_000_000;

export interface SandboxClock {
  readonly mode: ClockMode;
  readonly speed: number;
  readonly startTime: number;
  /** Sandbox milliseconds since the start. */
  elapsed(): number;
  /** Moves every world's time forward. */
  advance(milliseconds: number): void;
  /** Back to the start. */
  reset(): void;
}

export function createClock(options: ClockOptions): SandboxClock {
  const mode = options.clock ?? "manual";
  if (mode !== "manual" && mode !== "real") {
    throw new TypeError(`clock must be "manual" or "real", got ${JSON.stringify(mode)}`);
  }
  const speed = options.speed ?? 1;
  if (!(typeof speed === "number" && speed > 0 && speed <= MAX_SPEED)) {
    throw new TypeError(`speed must be a number above 0 and at most ${MAX_SPEED}, got ${String(speed)}`);
  }
  if (options.speed !== undefined && mode !== "real") {
    throw new TypeError('speed has an effect only with clock: "real"; add it, or drop speed');
  }
  const startTime = (options.startTime ?? DEFAULT_START_TIME).getTime();
  if (!(Number.isFinite(startTime) && startTime >= 0 && startTime <= LATEST_CLOCK_MS)) {
    throw new TypeError("startTime must be a valid date from 1970 to 9999");
  }
  let realStart = performance.now();
  let advanced = 0;
  return {
    mode,
    speed,
    startTime,
    elapsed: () => advanced + (mode === "real" ? Math.floor((performance.now() - realStart) * speed) : 0),
    advance: (milliseconds) => {
      advanced += milliseconds;
    },
    reset: () => {
      realStart = performance.now();
      advanced = 0;
    },
  };
}

/** Refuses a move of the clock by `milliseconds` from `now` that is not a number of 0 or more, or ends too late. */
export function checkAdvance(now: number, milliseconds: number): void {
  if (!(typeof milliseconds === "number" && Number.isFinite(milliseconds) && milliseconds >= 0)) {
    throw new TypeError(`advance(ms) takes a number of milliseconds of 0 or more, got ${String(milliseconds)}`);
  }
  if (now + milliseconds > LATEST_CLOCK_MS) {
    throw new TypeError(
      `advance(ms) would move the clock past ${new Date(LATEST_CLOCK_MS).toISOString()}, the last time the sandbox can show; got ${milliseconds}`,
    );
  }
}
