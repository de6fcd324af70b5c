import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CATEGORY_IDS } from '../categories.js';
import { LOW_INCOME_CATEGORIES, assessIllnessPovertyRisk } from './warning.js';

const I = 1_586_100; // 15 861 yuan

describe('assessIllnessPovertyRisk (002 §二(六))', () => {
  it('low-income person above 50 % of income → 因病返贫预警', () => {
    const r = assessIllnessPovertyRisk({
      profile: 'xianning-2022',
      categories: ['subsistence_allowance'],
      costsThisYear: 793_051,
      lastYearRuralIncome: I,
    });
    expect(r).toMatchObject({ level: 'return_to_poverty', threshold: 793_050, group: 'low_income', clause: '002 §二(六)' });
    expect(r.explain).toContain('因病返贫预警');
  });
  it('exactly 50 % is not "exceeding"', () => {
    expect(
      assessIllnessPovertyRisk({ profile: 'xianning-2022', categories: ['marginal'], costsThisYear: 793_050, lastYearRuralIncome: I })
        .level,
    ).toBe('none');
  });
  it('odd income: 50 % compared exactly, without rounding', () => {
    // I = 1001 fen: 50 % = 500.5 → 500 fen is below, 501 above
    expect(
      assessIllnessPovertyRisk({ profile: 'xianning-2022', categories: ['stable_exit'], costsThisYear: 500, lastYearRuralIncome: 1001 })
        .level,
    ).toBe('none');
    expect(
      assessIllnessPovertyRisk({ profile: 'xianning-2022', categories: ['stable_exit'], costsThisYear: 501, lastYearRuralIncome: 1001 })
        .level,
    ).toBe('return_to_poverty');
  });
  it('stable_exit counts as low-income group', () => {
    expect(
      assessIllnessPovertyRisk({ profile: 'xianning-2022', categories: ['stable_exit'], costsThisYear: 1_000_000, lastYearRuralIncome: I })
        .level,
    ).toBe('return_to_poverty');
  });
  it('ordinary person above the income → 因病致贫预警; between 50 % and 100 % → none', () => {
    expect(
      assessIllnessPovertyRisk({ profile: 'xianning-2022', categories: [], costsThisYear: I + 1, lastYearRuralIncome: I }),
    ).toMatchObject({ level: 'fall_into_poverty', group: 'ordinary', threshold: I });
    expect(
      assessIllnessPovertyRisk({ profile: 'xianning-2022', categories: ['ordinary'], costsThisYear: 1_000_000, lastYearRuralIncome: I })
        .level,
    ).toBe('none');
  });
  it('applies in other profiles too (registered_poor is low-income)', () => {
    expect(
      assessIllnessPovertyRisk({
        profile: 'qiannan-2019',
        categories: ['registered_poor'],
        costsThisYear: 1_000_000,
        lastYearRuralIncome: I,
      }).level,
    ).toBe('return_to_poverty');
  });
  it('every category but ordinary is low-income', () => {
    expect([...LOW_INCOME_CATEGORIES, 'ordinary'].sort()).toEqual([...CATEGORY_IDS].sort());
  });
  it('rejects a zero income', () => {
    expect(() =>
      assessIllnessPovertyRisk({ profile: 'xianning-2022', categories: [], costsThisYear: 1, lastYearRuralIncome: 0 }),
    ).toThrow();
  });
  it('monotone: more costs never lower the level', () => {
    fc.assert(
      fc.property(
        fc.subarray([...CATEGORY_IDS]),
        fc.integer({ min: 0, max: 1e8 }),
        fc.integer({ min: 0, max: 1e8 }),
        fc.integer({ min: 1, max: 1e8 }),
        (cats, a, b, income) => {
          const lo = assessIllnessPovertyRisk({
            profile: 'xianning-2022',
            categories: cats,
            costsThisYear: Math.min(a, b),
            lastYearRuralIncome: income,
          });
          const hi = assessIllnessPovertyRisk({
            profile: 'xianning-2022',
            categories: cats,
            costsThisYear: Math.max(a, b),
            lastYearRuralIncome: income,
          });
          return lo.level === 'none' || hi.level === lo.level;
        },
      ),
    );
  });
});
