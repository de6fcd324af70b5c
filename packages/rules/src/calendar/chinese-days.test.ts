import { describe, expect, it } from 'vitest';
import cd from 'chinese-days';
import { DEFAULT_CALENDAR, addWorkingDays, fromDayNumber, isWorkingDay, toDayNumber } from './index.js';

/** Cross-check of the seeded data against the chinese-days dev dependency, day by day. */
describe('seeded calendar vs chinese-days 1.5.7', () => {
  for (let year = 2017; year <= 2026; year++) {
    it(`${year}: every day agrees`, () => {
      const disagreements: string[] = [];
      for (let t = toDayNumber(`${year}-01-01`); t <= toDayNumber(`${year}-12-31`); t++) {
        const date = fromDayNumber(t);
        if (isWorkingDay(DEFAULT_CALENDAR, date) !== cd.isWorkday(date)) disagreements.push(date);
      }
      expect(disagreements).toEqual([]);
    });
  }
  it('addWorkingDays agrees with findWorkday', () => {
    for (const [start, n] of [
      ['2019-09-20', 25],
      ['2020-01-20', 10],
      ['2024-09-30', 15],
      ['2025-12-01', 20],
    ] as const) {
      expect(addWorkingDays(DEFAULT_CALENDAR, start, n)).toBe(cd.findWorkday(n, start));
    }
  });
});
