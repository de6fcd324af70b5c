/**
 * Hand-computed examples per profile (our own, beyond RULES §9). Each starts from the §8 request
 * (its params deep-merged over the profile defaults) with the listed changes; the comment shows
 * the arithmetic from the clause. Amounts in fen.
 */
import { describe, expect, it } from 'vitest';
import { settle } from './pipeline.js';
import { addYtd } from './ytd.js';
import { buildRequest, tiersOf } from './test-helpers.js';

const zero = { hospital_borne: 0, basic: 0, critical: 0, hospital_reduction: 0, assistance: 0, tilted: 0, patient: 0 };

describe('Qiannan (000)', () => {
  it('unreferred level-3 admission out of county: rate cut, no tilt (000 §二(七))', () => {
    // T 5 000 000, S 4 600 000, cut 10. Basic (4 600 000 − 100 000) × (60 − 10) % = 2 250 000.
    // 大病 ordinary: Bc 2 350 000 − Dc 1 000 000 = 1 350 000 × 60 % = 810 000.
    // Assistance 70 %: (4 600 000 − 2 250 000 − 810 000) × 70 % = 1 078 000. Patient 862 000.
    const req = buildRequest({
      visit: { hospitalLevel: 3, location: 'in_city' },
      costs: { total: 5000000, inScope: 4600000 },
      params: { basic: { unreferredRateCut: 10 } },
    });
    const r = settle(req);
    expect(tiersOf(r)).toEqual({ ...zero, basic: 2250000, critical: 810000, assistance: 1078000, patient: 862000 });
    expect(r.notices.some((n) => n.includes('未办理转诊备案，不享受倾斜政策'))).toBe(true);
    // Referred: basic 4 500 000 × 60 % = 2 700 000; 大病 (1 900 000 − 500 000) × 65 % = 910 000;
    // assistance 990 000 × 70 % = 693 000; patient 697 000.
    const referred = settle(
      buildRequest({
        ...{ visit: { hospitalLevel: 3, location: 'in_city', referred: true } },
        costs: { total: 5000000, inScope: 4600000 },
        params: { basic: { unreferredRateCut: 10 } },
      }),
    );
    expect(tiersOf(referred)).toEqual({ ...zero, basic: 2700000, critical: 910000, assistance: 693000, patient: 697000 });
  });

  it('大病 cap: kept for extreme_poverty, lifted for registered_poor (000 §二(四)2)', () => {
    // ytd.criticalBase 50 000 000 (deductible long met), ytd.critical 29 900 000, cap 30 000 000.
    // 大病 raw 737 500 × 65 % = 479 375. extreme_poverty: capped at 100 000; assistance 100 %
    // of 2 800 000 − 2 062 500 − 100 000 = 637 500; patient 200 000.
    const ytd = { criticalBase: 50000000, critical: 29900000 };
    const ep = settle(buildRequest({ categories: ['extreme_poverty'], ytd }));
    expect(tiersOf(ep)).toEqual({ ...zero, basic: 2062500, critical: 100000, assistance: 637500, patient: 200000 });
    expect(ep.notices.some((n) => n.includes('超出封顶线'))).toBe(true);
    // registered_poor: no cap, 479 375; assistance (737 500 − 479 375) × 70 % = 180 687.5 → 180 688.
    const rp = settle(buildRequest({ ytd }));
    expect(tiersOf(rp)).toEqual({ ...zero, basic: 2062500, critical: 479375, assistance: 180688, patient: 277437 });
  });

  it('outpatient: out-of-scope limit covers outpatient care (000 §二(六)), cap against ytd', () => {
    // T 100 000, S 80 000: O 20 000 > 10 % × 100 000 → hospital 10 000. Basic 80 000 × 50 % = 40 000
    // (local default rate), cap 40 000. Patient 100 000 − 40 000 − 10 000 = 50 000.
    const r = settle(buildRequest({ visit: { type: 'outpatient', hospitalLevel: 1 }, costs: { total: 100000, inScope: 80000 } }));
    expect(tiersOf(r)).toEqual({ ...zero, hospital_borne: 10000, basic: 40000, patient: 50000 });
    expect(r.ytdDelta).toMatchObject({ outpatientBasic: 40000, basic: 0, criticalBase: 0 });
    // 30 000 already paid this year: only 10 000 left.
    const later = settle(
      buildRequest({
        visit: { type: 'outpatient', hospitalLevel: 1 },
        costs: { total: 100000, inScope: 80000 },
        ytd: { outpatientBasic: 30000 },
      }),
    );
    expect(tiersOf(later)).toEqual({ ...zero, hospital_borne: 10000, basic: 10000, patient: 80000 });
  });

  it('chronic outpatient: annual chronic deductible partly met, joins 大病 base and assistance', () => {
    // Chronic deductible 20 000 less 5 000 met → 15 000; basic (500 000 − 15 000) × 70 % = 339 500.
    // Bc 160 500 < tilted Dc 500 000 → 大病 0; assistance 160 500 × 70 % = 112 350. Patient 48 150.
    const r = settle(
      buildRequest({
        visit: { type: 'chronic_outpatient', hospitalLevel: 1 },
        costs: { total: 500000, inScope: 500000 },
        ytd: { chronicDeductible: 5000 },
      }),
    );
    expect(tiersOf(r)).toEqual({ ...zero, basic: 339500, assistance: 112350, patient: 48150 });
    expect(r.ytdDelta).toMatchObject({
      chronicBasic: 339500,
      chronicDeductible: 15000,
      criticalBase: 160500,
      assistanceBase: 160500,
      assistance: 112350,
      basic: 0,
    });
  });
});

describe('Hunan (001)', () => {
  const costs = { total: 6000000, inScope: 5500000 };
  it('special disease at a designated hospital: no deductible (001 §三)', () => {
    // Level 3, referred: Db 0, rate 60 + 10 → 5 500 000 × 70 % = 3 850 000. Bc 1 650 000 − Dc 500 000
    // = 1 150 000 × 60 % = 690 000. No assistance (rate 0). Patient 1 460 000.
    const r = settle(
      buildRequest({
        profile: 'hunan-2017',
        visit: { hospitalLevel: 3, location: 'in_province', referred: true, specialDisease: 'gastric_cancer', designatedHospital: true },
        costs,
      }),
    );
    expect(tiersOf(r)).toEqual({ ...zero, basic: 3850000, critical: 690000, patient: 1460000 });
    expect(r.lines[0]?.explain).toContain('不设住院起付线');
    // Not at a designated hospital: Db 100 000 → 5 400 000 × 70 % = 3 780 000; Bc 1 720 000 →
    // 1 220 000 × 60 % = 732 000; patient 1 488 000.
    const plain = settle(
      buildRequest({
        profile: 'hunan-2017',
        visit: { hospitalLevel: 3, location: 'in_province', referred: true, specialDisease: 'gastric_cancer', designatedHospital: false },
        costs,
      }),
    );
    expect(tiersOf(plain)).toEqual({ ...zero, basic: 3780000, critical: 732000, patient: 1488000 });
  });

  it('basic cap 150 000 yuan is fixed by the seed, whatever the local parameter says', () => {
    // ordinary, ytd.basic 14 900 000: raw (1 900 000 − 50 000) × 75 % = 1 387 500 → 100 000 left.
    // Bc 1 800 000 − 1 000 000 = 800 000 × 60 % = 480 000. Patient 2 000 000 − 100 000 − 480 000.
    const r = settle(
      buildRequest({
        profile: 'hunan-2017',
        categories: ['ordinary'],
        costs: { total: 2000000, inScope: 1900000 },
        ytd: { basic: 14900000 },
      }),
    );
    expect(tiersOf(r)).toEqual({ ...zero, basic: 100000, critical: 480000, patient: 1420000 });
    expect(r.notices.some((n) => n.includes('超出封顶线'))).toBe(true);
  });

  it('subsistence_allowance: halved 大病 deductible but no +10 on basic; local assistance rate', () => {
    // Basic 1 850 000 × 75 % = 1 387 500. Bc 512 500 − 500 000 = 12 500 × 60 % = 7 500. Patient 605 000.
    const base = {
      profile: 'hunan-2017' as const,
      categories: ['subsistence_allowance' as const],
      costs: { total: 2000000, inScope: 1900000 },
    };
    expect(tiersOf(settle(buildRequest(base)))).toEqual({ ...zero, basic: 1387500, critical: 7500, patient: 605000 });
    // With a local assistance rate of 50 %: (1 900 000 − 1 387 500 − 7 500) × 50 % = 252 500.
    const withAssistance = settle(buildRequest({ ...base, params: { assistance: { rate: 50 } } }));
    expect(tiersOf(withAssistance)).toEqual({ ...zero, basic: 1387500, critical: 7500, assistance: 252500, patient: 352500 });
  });
});

describe('Xianning (002)', () => {
  it('tilted assistance above the 5 000 yuan threshold (cumulative) for subsistence_allowance', () => {
    // Level 2 in county, T 4 000 000, S 3 700 000, Dc 1 200 000 (halved 600 000, rate 65, no cap).
    // Basic (3 700 000 − 50 000) × 75 % = 2 737 500. Bc = 3 700 000 − 2 737 500 − Db 50 000 = 912 500.
    // 大病 (912 500 − 600 000) × 65 % = 203 125. Ba 759 375: low 600 000 + Db 50 000 = 650 000,
    // high 109 375 → 455 000 + 78 750 = 533 750. Bt 225 625; tiltedBase 400 000 → 625 625:
    // (625 625 − 500 000) × 90 % = 113 062.5 → 113 063. Patient 412 562.
    const r = settle(
      buildRequest({
        profile: 'xianning-2022',
        categories: ['subsistence_allowance'],
        costs: { total: 4000000, inScope: 3700000 },
        params: { critical: { deductible: 1200000 } },
        ytd: { tiltedBase: 400000 },
      }),
    );
    expect(tiersOf(r)).toEqual({ ...zero, basic: 2737500, critical: 203125, assistance: 533750, tilted: 113063, patient: 412562 });
    expect(r.ytdDelta.tiltedBase).toBe(225625);
  });

  it('unreferred in-province level 3: no tilt, no tilted assistance (002 §三(三))', () => {
    // Cut 10: basic (3 700 000 − 100 000) × 50 % = 1 800 000. Bc 3 700 000 − 1 800 000 − 100 000
    // = 1 800 000; ordinary 大病 (1 800 000 − 1 200 000) × 60 % = 360 000. Ba 1 540 000: low
    // 1 200 000 + 100 000 = 1 300 000 × 70 % = 910 000, high 240 000 × 72 % = 172 800.
    // Step 0: L 10 % of 4 000 000 = 400 000 ≥ 300 000. Patient 757 200.
    const r = settle(
      buildRequest({
        profile: 'xianning-2022',
        categories: ['subsistence_allowance'],
        visit: { hospitalLevel: 3, location: 'in_province' },
        costs: { total: 4000000, inScope: 3700000 },
        params: { basic: { unreferredRateCut: 10 }, critical: { deductible: 1200000 } },
      }),
    );
    expect(tiersOf(r)).toEqual({ ...zero, basic: 1800000, critical: 360000, assistance: 1082800, patient: 757200 });
    expect(r.ytdDelta.tiltedBase).toBe(0);
    expect(r.notices.some((n) => n.includes('不享受倾斜救助'))).toBe(true);
  });

  it('in-province referral: deductible counted continuously (002 §三(四))', () => {
    // relapsed_poverty, level 3 in city, referred, 500 yuan already paid: Db 100 000 − 50 000.
    // Basic 1 950 000 × 60 % = 1 170 000. Bc 830 000 → (830 000 − 600 000) × 65 % = 149 500.
    // Ba 680 500: low 600 000 × 70 % = 420 000, high 80 500 × 72 % = 57 960. Bt 202 540 < 5 000 yuan.
    const r = settle(
      buildRequest({
        profile: 'xianning-2022',
        categories: ['relapsed_poverty'],
        visit: { hospitalLevel: 3, location: 'in_city', referred: true, referralDeductiblePaid: 50000 },
        costs: { total: 2000000, inScope: 2000000 },
        params: { critical: { deductible: 1200000 } },
      }),
    );
    expect(tiersOf(r)).toEqual({ ...zero, basic: 1170000, critical: 149500, assistance: 477960, tilted: 0, patient: 202540 });
  });

  it('two visits: out-of-scope limit 3 % and the assistance deductible met once a year', () => {
    // marginal, level 1 in county, T 1 000 000, S 900 000. L 3 % → 30 000; O 100 000 → hospital 70 000.
    // Basic (900 000 − 20 000) × 85 % = 748 000. Bc 152 000 < 1 200 000. Ba 152 000 all low:
    // (152 000 − 100 000) × 65 % = 33 800. Patient 1 000 000 − 748 000 − 33 800 − 70 000 = 148 200.
    const change = {
      profile: 'xianning-2022' as const,
      categories: ['marginal' as const],
      visit: { hospitalLevel: 1 as const },
      costs: { total: 1000000, inScope: 900000 },
      params: { critical: { deductible: 1200000 } },
    };
    const first = settle(buildRequest(change));
    expect(tiersOf(first)).toEqual({ ...zero, hospital_borne: 70000, basic: 748000, assistance: 33800, tilted: 0, patient: 148200 });
    // Second visit with the accumulated ytd: deductible already met → 152 000 × 65 % = 98 800.
    const ytd = addYtd(buildRequest(change).ytd, first.ytdDelta);
    expect(ytd).toMatchObject({ assistanceDeductible: 100000, criticalBase: 152000, assistance: 33800, tiltedBase: 118200, basic: 748000 });
    const second = settle(buildRequest({ ...change, ytd }));
    expect(tiersOf(second)).toEqual({ ...zero, hospital_borne: 70000, basic: 748000, assistance: 98800, tilted: 0, patient: 83200 });
  });
});

describe('Liaoning (003)', () => {
  const costs = { total: 8000000, inScope: 7500000 };
  const critical = { deductible: 1500000, poorRateIncrement: 5 };
  it('ordinary 大病 rate is held at the seed minimum 60 % (003 §二(一))', () => {
    // Local rate 50 → 60. Basic 5 587 500; Bc 1 912 500 − 1 500 000 = 412 500 × 60 % = 247 500.
    const r = settle(
      buildRequest({ profile: 'liaoning-2019', categories: ['ordinary'], costs, params: { critical: { ...critical, rate: 50 } } }),
    );
    expect(tiersOf(r)).toEqual({ ...zero, basic: 5587500, critical: 247500, patient: 2165000 });
  });

  it('assistance rate held at the seed maximum 70 % (003 §二(二))', () => {
    // Local 80 → 70: Ba 1 644 375 × 70 % = 1 151 062.5 → 1 151 063. Patient 993 312.
    const r = settle(
      buildRequest({
        profile: 'liaoning-2019',
        categories: ['subsistence_allowance'],
        costs,
        params: { critical, assistance: { rate: 80 } },
      }),
    );
    expect(tiersOf(r)).toEqual({ ...zero, basic: 5587500, critical: 268125, assistance: 1151063, patient: 993312 });
  });

  it('assistance within the annual cap given ytd', () => {
    // low_income, ytd.assistance 9 500 000 of 10 000 000: raw 1 068 844 → 500 000.
    const r = settle(
      buildRequest({ profile: 'liaoning-2019', categories: ['low_income'], costs, params: { critical }, ytd: { assistance: 9500000 } }),
    );
    expect(tiersOf(r)).toEqual({ ...zero, basic: 5587500, critical: 268125, assistance: 500000, patient: 1644375 });
  });

  it('outpatient: basic only, no deductible', () => {
    const r = settle(
      buildRequest({ profile: 'liaoning-2019', visit: { type: 'outpatient', hospitalLevel: 1 }, costs: { total: 30000, inScope: 30000 } }),
    );
    expect(tiersOf(r)).toEqual({ ...zero, basic: 15000, patient: 15000 });
  });
});

describe('Weihai (004)', () => {
  it('大病 bands crossing 100 000 yuan, hospital reduction, 建档立卡 assistance above 20 000 yuan', () => {
    // registered_poor, level 3 in county, T 30 000 000, S 28 000 000. Basic 27 900 000 × 60 % = 16 740 000.
    // Bc 11 260 000: (10 000 000 − 500 000) × 65 % = 6 175 000 + 1 260 000 × 75 % = 945 000 → 7 120 000.
    // Reduction: O 2 000 000 × 10 % = 200 000 → at most 20 000. Ba 4 140 000: (4 140 000 − 2 000 000)
    // × 70 % = 1 498 000. Patient 30 000 000 − 16 740 000 − 7 120 000 − 20 000 − 1 498 000 = 4 622 000.
    const r = settle(buildRequest({ profile: 'weihai-2019', visit: { hospitalLevel: 3 }, costs: { total: 30000000, inScope: 28000000 } }));
    expect(tiersOf(r)).toEqual({
      ...zero,
      basic: 16740000,
      critical: 7120000,
      hospital_reduction: 20000,
      assistance: 1498000,
      patient: 4622000,
    });
  });

  it('cumulative bases from ytd: 大病 crosses 100 000 yuan, assistance crosses 20 000 yuan', () => {
    // extreme_poverty, ex. 13 costs; ytd.criticalBase 9 000 000, ytd.assistanceBase 1 800 000.
    // Bc 1 437 500: 1 000 000 × 65 % + 437 500 × 75 % = 650 000 + 328 125 = 978 125.
    // Ba 5 600 000 − 4 162 500 − 978 125 = 459 375: 200 000 × 70 % + 259 375 × 80 % = 140 000 + 207 500.
    const r = settle(
      buildRequest({
        profile: 'weihai-2019',
        categories: ['extreme_poverty'],
        costs: { total: 6000000, inScope: 5600000 },
        ytd: { criticalBase: 9000000, critical: 5525000, assistanceBase: 1800000, assistance: 1260000 },
      }),
    );
    expect(tiersOf(r)).toEqual({ ...zero, basic: 4162500, critical: 978125, assistance: 347500, patient: 511875 });
  });

  it('year-end batch category: nothing paid at the visit, notice given', () => {
    // other_low_income: ordinary 大病 (1 437 500 − 1 000 000) × 60 % = 262 500; assistance 0 now.
    const r = settle(
      buildRequest({ profile: 'weihai-2019', categories: ['other_low_income'], costs: { total: 6000000, inScope: 5600000 } }),
    );
    expect(r.appliedCategory).toBe('other_low_income');
    expect(tiersOf(r)).toEqual({ ...zero, basic: 4162500, critical: 262500, patient: 1575000 });
    expect(r.notices.some((n) => n.startsWith('年底统一救助，本次不支付'))).toBe(true);
    expect(r.ytdDelta.assistanceBase).toBe(1175000);
  });

  it('special drug without deductible added to the critical line; reduction for 重度残疾人', () => {
    // severe_disability, S 5 600 000, specialDrug 200 000 at 60 %: 大病 609 375 + 120 000 = 729 375.
    // O (excluding special drug) 200 000 × 10 % = 20 000 (= the 200 yuan maximum). Ba 828 125 < 20 000 yuan → 0.
    const r = settle(
      buildRequest({
        profile: 'weihai-2019',
        categories: ['severe_disability'],
        costs: { total: 6000000, inScope: 5600000, specialDrug: 200000 },
        params: { critical: { specialDrugRate: 60 } },
      }),
    );
    expect(tiersOf(r)).toEqual({ ...zero, basic: 4162500, critical: 729375, hospital_reduction: 20000, assistance: 0, patient: 1088125 });
  });

  it('outpatient chronic assistance: 70 % up to a cumulative 20 000 yuan (004 §三(三)3)', () => {
    // subsistence_allowance chronic, T = S = 3 000 000: basic (3 000 000 − 20 000) × 70 % = 2 086 000 →
    // chronic cap 1 000 000. Bc 2 000 000 banded: 1 500 000 × 65 % = 975 000. Ba 1 025 000; chronic
    // base 1 900 000 → only 100 000 below 2 000 000: × 70 % = 70 000. Patient 955 000.
    const r = settle(
      buildRequest({
        profile: 'weihai-2019',
        categories: ['subsistence_allowance'],
        visit: { type: 'chronic_outpatient' },
        costs: { total: 3000000, inScope: 3000000 },
        ytd: { chronicAssistanceBase: 1900000 },
      }),
    );
    expect(tiersOf(r)).toEqual({ ...zero, basic: 1000000, critical: 975000, assistance: 70000, patient: 955000 });
    expect(r.ytdDelta).toMatchObject({
      chronicBasic: 1000000,
      chronicDeductible: 20000,
      chronicAssistanceBase: 1025000,
      assistanceBase: 0,
    });
  });

  it('an off-site registration stands in for a referral (004 §四(二)1)', () => {
    const change = {
      profile: 'weihai-2019' as const,
      categories: ['extreme_poverty' as const],
      costs: { total: 6000000, inScope: 5600000 },
      params: { basic: { unreferredRateCut: 10 } },
    };
    const registered = settle(buildRequest({ ...change, visit: { location: 'out_of_province', offsiteRegistered: true } }));
    expect(tiersOf(registered)).toEqual({ ...zero, basic: 4162500, critical: 609375, assistance: 579688, patient: 648437 });
    // Without it: rate 65 → 3 607 500; ordinary 大病 (1 992 500 − 1 000 000) × 60 % = 595 500;
    // assistance 1 397 000 × 70 % = 977 900; patient 819 100.
    const unregistered = settle(buildRequest({ ...change, visit: { location: 'out_of_province' } }));
    expect(tiersOf(unregistered)).toEqual({ ...zero, basic: 3607500, critical: 595500, assistance: 977900, patient: 819100 });
  });
});

describe('categories', () => {
  it('validation refuses them (RULES §8a.8); settle, given one anyway, ignores it with a notice', () => {
    expect(() => buildRequest({ categories: ['subsistence_allowance'] })).toThrow(/不是黔南州（2019）口径的人员类别/);
    const valid = buildRequest({ categories: [] });
    const r = settle({ ...valid, person: { ...valid.person, categories: ['subsistence_allowance'] } });
    expect(r.appliedCategory).toBe('ordinary');
    expect(r.notices[0]).toContain('「低保对象」不属于黔南州（2019）口径');
    expect(r.evaluated.map((e) => e.category)).toEqual(['ordinary']);
  });
  it('an empty category list settles as ordinary', () => {
    expect(settle(buildRequest({ categories: [] })).appliedCategory).toBe('ordinary');
  });
});
