/**
 * RULES.md §9 worked examples 1–5 and 9–13 (settlement). Each is the §8 request with the listed
 * changes; amounts in fen are copied from §9 and must hold exactly.
 */
import { describe, expect, it } from 'vitest';
import { settle } from './pipeline.js';
import { buildRequest, tiersOf } from './test-helpers.js';

const zero = { hospital_borne: 0, basic: 0, critical: 0, hospital_reduction: 0, assistance: 0, tilted: 0, patient: 0 };

describe('RULES §9 worked examples', () => {
  it('1. Qiannan registered_poor, level 2, in county', () => {
    const r = settle(buildRequest());
    expect(r.appliedCategory).toBe('registered_poor');
    expect(tiersOf(r)).toEqual({ ...zero, basic: 2062500, critical: 154375, assistance: 408188, patient: 374937 });
    expect(r.totals).toEqual({ fundPaid: 2625063, hospitalBorne: 0, patientPays: 374937 });
    expect(r.lines.map((l) => [l.tier, l.clause])).toEqual([
      ['basic', '000 §二(四)1'],
      ['critical', '000 §二(四)2'],
      ['assistance', '000 §二(四)3'],
    ]);
    expect(r.lines[0]?.explain).toBe('政策范围内费用 28,000.00 元，扣除起付线 500.00 元后按 75% 报销，计 20,625.00 元');
  });

  it('2. Qiannan extreme_poverty: assistance 100 %', () => {
    const r = settle(buildRequest({ categories: ['extreme_poverty'] }));
    expect(r.appliedCategory).toBe('extreme_poverty');
    expect(tiersOf(r)).toEqual({ ...zero, basic: 2062500, critical: 154375, assistance: 583125, patient: 200000 });
  });

  it('3. Qiannan registered_poor + extreme_poverty: extreme_poverty applied', () => {
    const r = settle(buildRequest({ categories: ['registered_poor', 'extreme_poverty'] }));
    expect(r.appliedCategory).toBe('extreme_poverty');
    expect(tiersOf(r)).toEqual({ ...zero, basic: 2062500, critical: 154375, assistance: 583125, patient: 200000 });
    expect(r.evaluated.map((e) => [e.category, e.patientPays])).toEqual([
      ['registered_poor', 374937],
      ['extreme_poverty', 200000],
      ['ordinary', 937500],
    ]);
  });

  it('4. Qiannan out-of-scope above 10 %: hospital-borne', () => {
    const r = settle(buildRequest({ costs: { total: 3000000, inScope: 2500000 } }));
    expect(tiersOf(r)).toEqual({
      ...zero,
      hospital_borne: 200000,
      basic: 1837500,
      critical: 105625,
      assistance: 389813,
      patient: 467062,
    });
    expect(r.lines[0]?.tier).toBe('hospital_borne');
  });

  it('5. Qiannan ordinary: critical 0 below the deductible', () => {
    const r = settle(buildRequest({ categories: ['ordinary'] }));
    expect(r.appliedCategory).toBe('ordinary');
    expect(tiersOf(r)).toEqual({ ...zero, basic: 2062500, patient: 937500 });
  });

  it('9. Hunan registered_poor: basic rate 75 + 10', () => {
    const r = settle(buildRequest({ profile: 'hunan-2017', costs: { total: 2000000, inScope: 1900000 } }));
    expect(tiersOf(r)).toEqual({ ...zero, basic: 1572500, patient: 427500 });
  });

  it('10. Xianning relapsed_poverty, level 1: assistance on the low part at 70 %', () => {
    const r = settle(
      buildRequest({
        profile: 'xianning-2022',
        categories: ['relapsed_poverty'],
        visit: { hospitalLevel: 1 },
        costs: { total: 1500000, inScope: 1480000 },
        params: { critical: { deductible: 1200000 } },
      }),
    );
    expect(tiersOf(r)).toEqual({ ...zero, basic: 1241000, assistance: 167300, patient: 91700 });
  });

  it('11. Xianning sudden_hardship: assistance deductible 1 000 yuan, 65 %', () => {
    const r = settle(
      buildRequest({
        profile: 'xianning-2022',
        categories: ['sudden_hardship'],
        costs: { total: 4000000, inScope: 3700000 },
        params: { critical: { deductible: 1200000 } },
      }),
    );
    expect(tiersOf(r)).toEqual({ ...zero, basic: 2737500, assistance: 560625, patient: 701875 });
    expect(r.ytdDelta.assistanceDeductible).toBe(100000);
  });

  it('12. Liaoning registered_poor: critical 60 + 5, assistance 65 %', () => {
    const r = settle(
      buildRequest({
        profile: 'liaoning-2019',
        costs: { total: 8000000, inScope: 7500000 },
        params: { critical: { deductible: 1500000, poorRateIncrement: 5 } },
      }),
    );
    expect(tiersOf(r)).toEqual({ ...zero, basic: 5587500, critical: 268125, assistance: 1068844, patient: 1075531 });
  });

  it('13. Weihai extreme_poverty: banded critical, 重点 assistance 70 %', () => {
    const r = settle(
      buildRequest({
        profile: 'weihai-2019',
        categories: ['extreme_poverty'],
        costs: { total: 6000000, inScope: 5600000 },
      }),
    );
    expect(tiersOf(r)).toEqual({ ...zero, basic: 4162500, critical: 609375, assistance: 579688, patient: 648437 });
  });
});
