import { divideHalfUp } from '../money.js';

/** A rate band over a cumulative base: `rate` % applies from `from` fen up to the next band's `from`. */
export interface TBand {
  from: number;
  rate: number;
}

/**
 * Exact value of a banded schedule at base `x`, in 1/10000 fen (fen × basis points), so that a
 * tier is rounded once — on the difference — however many bands it crosses.
 */
function scheduleValue(x: number, bands: readonly TBand[]): number {
  let total = 0;
  for (let i = 0; i < bands.length; i++) {
    const band = bands[i]!;
    if (x <= band.from) break;
    const next = bands[i + 1];
    const top = next === undefined || x < next.from ? x : next.from;
    total += (top - band.from) * Math.round(band.rate * 100);
  }
  return total;
}

/**
 * What a year-cumulative schedule pays for this visit: `f(before + added) − f(before)`, rounded half
 * up to the fen once. With one band `{ from: deductible, rate }` it is RULES §3 step 2's
 * `rate × max(0, x − Dc)`.
 */
export function payOnCumulativeBase(before: number, added: number, bands: readonly TBand[]): number {
  if (added <= 0) return 0;
  return divideHalfUp(scheduleValue(before + added, bands) - scheduleValue(before, bands), 10000);
}

/**
 * `payOnCumulativeBase(before, added, [{ from, rate }])` without the band array: one rate from
 * `from` up, on the year-cumulative base (the common 大病 and tilted schedules).
 */
export function payOnCumulativeLinear(before: number, added: number, from: number, rate: number): number {
  if (added <= 0) return 0;
  const after = before + added;
  if (after <= from) return 0;
  const bp = Math.round(rate * 100);
  return divideHalfUp((after - from) * bp - (before > from ? (before - from) * bp : 0), 10000);
}

/** Part of `added` that lies in `[from, to)` of the cumulative base starting at `before`. */
export function sliceOfCumulative(before: number, added: number, from: number, to: number): number {
  const lo = Math.max(before, from);
  const hi = Math.min(before + added, to);
  return hi > lo ? hi - lo : 0;
}
