/**
 * The server's clock. Services read time only through `ctx.now()`, which comes from here, so an
 * end-to-end test can move the date (deadlines, overdue rounds) without touching the machine.
 * The override is accepted only when ALLOW_TEST_CLOCK=true (never in production).
 */
export interface Clock {
  now(): Date;
  /** Sets a fixed instant, or null to return to real time. */
  set(instant: Date | null): void;
}

export function createClock(): Clock {
  let fixed: Date | null = null;
  return {
    now: () => (fixed ? new Date(fixed) : new Date()),
    set: (instant) => {
      fixed = instant;
    },
  };
}

/** Today's date in China (UTC+8) as YYYY-MM-DD. */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
