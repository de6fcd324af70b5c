import { describe, expect, it } from 'vitest';
import { demoPremiums } from '@portal/db/seed';

describe('demo premiums', () => {
  it('cover every year from the profile start to the year after the given one, marked as unconfirmed', () => {
    const rows = demoPremiums(2022, 2027);
    expect(rows.map((r) => [r.year, r.tier1])).toEqual([
      [2022, 35_000],
      [2023, 38_000],
      [2024, 40_000],
      [2025, 40_000],
      [2026, 40_000],
      [2027, 40_000],
    ]);
    expect(rows.every((r) => /未经确认/.test(r.note))).toBe(true);
    expect(rows.find((r) => r.year === 2026)!.note).toMatch(/暂沿用 2025 年/);
  });
});
