import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeSubsidy, splitQiannanShares, ZSubsidyCliRequest, ZSubsidyRequest, type TSubsidyRequest } from './subsidy.js';
import { ZSubsidyParams, SUBSIDY_PARAM_DEFAULTS, resolveSubsidyParams } from './params.js';
import { CATEGORY_IDS, PROFILE_CATEGORIES, type TCategoryId } from '../categories.js';
import { PROFILE_IDS, type TProfileId } from '../profiles.js';

const COUNTY: Record<TProfileId, string> = {
  'qiannan-2019': '522725',
  'hunan-2017': '430121',
  'xianning-2022': '421202',
  'liaoning-2019': '210102',
  'weihai-2019': '371002',
};
const YEAR: Record<TProfileId, number> = {
  'qiannan-2019': 2019,
  'hunan-2017': 2017,
  'xianning-2022': 2023,
  'liaoning-2019': 2019,
  'weihai-2019': 2019,
};

function req(profile: TProfileId, categories: TCategoryId[], premium: number, extra: Partial<TSubsidyRequest> = {}): TSubsidyRequest {
  return { profile, year: YEAR[profile], premium, person: { categories, countyCode: COUNTY[profile] }, ...extra };
}

describe('Qiannan 000 §二(三)', () => {
  it('§9 example 6: registered_poor in 瓮安 (class 2), premium 25 000 → 10 000, shares 5 000 / 2 000 / 3 000', () => {
    const r = computeSubsidy(req('qiannan-2019', ['registered_poor'], 25_000));
    expect(r).toMatchObject({
      appliedCategory: 'registered_poor',
      amount: 10_000,
      shares: { province: 5_000, prefecture: 2_000, county: 3_000 },
    });
    expect(r.clause).toBe('000 §二(三)');
  });
  it('class 1 (三都): the province pays all; class 3 (都匀): the county pays all', () => {
    const sandu = computeSubsidy({
      ...req('qiannan-2019', ['registered_poor'], 25_000),
      person: { categories: ['registered_poor'], countyCode: '522732' },
    });
    expect(sandu.shares).toEqual({ province: 10_000, prefecture: 0, county: 0 });
    const duyun = computeSubsidy({
      ...req('qiannan-2019', ['registered_poor'], 25_000),
      person: { categories: ['registered_poor'], countyCode: '522701' },
    });
    expect(duyun.shares).toEqual({ province: 0, prefecture: 0, county: 10_000 });
  });
  it('capped at a premium below 100 yuan; shares rounded to the fen, county takes the remainder', () => {
    const r = computeSubsidy(req('qiannan-2019', ['registered_poor'], 7_777));
    // 7777 × 5/10 = 3888.5 → 3889; × 2/10 = 1555.4 → 1555; county 7777 − 3889 − 1555 = 2333
    expect(r).toMatchObject({ amount: 7_777, personPays: 0, shares: { province: 3_889, prefecture: 1_555, county: 2_333 } });
  });
  it('extreme_poverty: full premium, no government-level shares', () => {
    const r = computeSubsidy(req('qiannan-2019', ['extreme_poverty'], 25_000));
    expect(r.amount).toBe(25_000);
    expect(r.shares).toBeUndefined();
  });
  it('both categories → the higher (extreme_poverty), not added', () => {
    const r = computeSubsidy(req('qiannan-2019', ['registered_poor', 'extreme_poverty'], 25_000));
    expect(r).toMatchObject({ appliedCategory: 'extreme_poverty', amount: 25_000 });
    expect(r.evaluated.map((e) => [e.category, e.amount])).toEqual([
      ['registered_poor', 10_000],
      ['extreme_poverty', 25_000],
      ['ordinary', 0],
    ]);
    expect(r.explain).toContain('就高');
  });
  it('ordinary → 0', () => {
    expect(computeSubsidy(req('qiannan-2019', ['ordinary'], 25_000))).toMatchObject({ appliedCategory: 'ordinary', amount: 0 });
    expect(computeSubsidy(req('qiannan-2019', [], 25_000))).toMatchObject({ appliedCategory: 'ordinary', amount: 0 });
  });
  it('refuses a county outside Qiannan', () => {
    const r = ZSubsidyRequest.safeParse({
      ...req('qiannan-2019', ['registered_poor'], 25_000),
      person: { categories: ['registered_poor'], countyCode: '520102' },
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['person', 'countyCode']);
  });
});

describe('Hunan 001 §一', () => {
  it('extreme_poverty: full, from the assistance fund', () => {
    const r = computeSubsidy(req('hunan-2017', ['extreme_poverty'], 15_000));
    expect(r).toMatchObject({ amount: 15_000, funding: { assistanceFund: 15_000, fiscal: 0 } });
  });
  it('guaranteed_family: full, 50 % assistance fund (half up) and the rest fiscal', () => {
    const r = computeSubsidy(req('hunan-2017', ['guaranteed_family'], 15_001));
    expect(r).toMatchObject({ appliedCategory: 'guaranteed_family', amount: 15_001, funding: { assistanceFund: 7_501, fiscal: 7_500 } });
  });
  it('subsistence_allowance: the local fixed amount, capped at the premium', () => {
    expect(computeSubsidy(req('hunan-2017', ['subsistence_allowance'], 15_000)).amount).toBe(9_000);
    const r = computeSubsidy(req('hunan-2017', ['subsistence_allowance'], 15_000, { params: { subsidy: { subsistenceFixed: 20_000 } } }));
    expect(r.amount).toBe(15_000);
  });
  it('registered_poor (not on 低保): local rate, default 50 %', () => {
    expect(computeSubsidy(req('hunan-2017', ['registered_poor'], 15_000)).amount).toBe(7_500);
    expect(computeSubsidy(req('hunan-2017', ['registered_poor'], 15_001, { params: { subsidy: { registeredPoorRate: 60 } } })).amount).toBe(
      9_001,
    );
  });
  it('registered_poor on 低保 gets the 低保 amount even when the rate would pay more', () => {
    const r = computeSubsidy(
      req('hunan-2017', ['registered_poor', 'subsistence_allowance'], 15_000, { params: { subsidy: { subsistenceFixed: 5_000 } } }),
    );
    expect(r).toMatchObject({ appliedCategory: 'subsistence_allowance', amount: 5_000 });
    expect(r.evaluated[0]).toMatchObject({ category: 'registered_poor', applicable: false, amount: 0 });
  });
  it('registered_poor + guaranteed_family → guaranteed_family (full)', () => {
    expect(computeSubsidy(req('hunan-2017', ['registered_poor', 'guaranteed_family'], 15_000))).toMatchObject({
      appliedCategory: 'guaranteed_family',
      amount: 15_000,
    });
  });
  it('poor_disabled alone: no subsidy clause → ordinary 0', () => {
    expect(computeSubsidy(req('hunan-2017', ['poor_disabled'], 15_000))).toMatchObject({ appliedCategory: 'ordinary', amount: 0 });
  });
  it('a rate below 50 % is refused with the field path', () => {
    const r = ZSubsidyRequest.safeParse(
      req('hunan-2017', ['registered_poor'], 15_000, { params: { subsidy: { registeredPoorRate: 40 } } }),
    );
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['params', 'subsidy', 'registeredPoorRate']);
    expect(r.error?.issues[0]?.message).toContain('不得低于 50%');
  });
});

describe('Xianning 002 §二(一)', () => {
  it('§9 example 7: 2023, subsistence_allowance, premium 38 000 → 34 200', () => {
    expect(computeSubsidy(req('xianning-2022', ['subsistence_allowance'], 38_000))).toMatchObject({
      appliedCategory: 'subsistence_allowance',
      amount: 34_200,
    });
  });
  it('subsistence_allowance: 320 yuan when 90 % is less; 320 yuan after the transition', () => {
    expect(computeSubsidy({ ...req('xianning-2022', ['subsistence_allowance'], 35_000), year: 2022 }).amount).toBe(32_000); // 90 % = 31 500
    expect(computeSubsidy({ ...req('xianning-2022', ['subsistence_allowance'], 40_000), year: 2026 }).amount).toBe(32_000);
    expect(computeSubsidy({ ...req('xianning-2022', ['subsistence_allowance'], 30_000), year: 2022 }).amount).toBe(30_000); // capped
  });
  it('stable_exit phase-out: 80 / 50 / 30 / 0 % of the 2021 standard', () => {
    const p = { params: { subsidy: { stableExitBase2021: 18_001 } } };
    const at = (year: number) => computeSubsidy({ ...req('xianning-2022', ['stable_exit'], 35_000, p), year });
    expect(at(2022).amount).toBe(14_401); // 14 400.8
    expect(at(2023).amount).toBe(9_001); // 9 000.5
    expect(at(2024).amount).toBe(5_400); // 5 400.3
    expect(at(2025)).toMatchObject({ appliedCategory: 'ordinary', amount: 0 });
  });
  it('monitored groups: 50 % of premium, half up', () => {
    expect(computeSubsidy(req('xianning-2022', ['marginal'], 35_001)).amount).toBe(17_501);
    expect(computeSubsidy(req('xianning-2022', ['relapsed_poverty'], 38_000)).amount).toBe(19_000);
  });
  it('marginal + stable_exit (2022) → marginal, the higher', () => {
    const r = computeSubsidy({ ...req('xianning-2022', ['stable_exit', 'marginal'], 35_000), year: 2022 });
    expect(r).toMatchObject({ appliedCategory: 'marginal', amount: 17_500 });
  });
  it('extreme_poverty: full', () => {
    expect(computeSubsidy(req('xianning-2022', ['extreme_poverty', 'subsistence_allowance'], 38_000))).toMatchObject({
      appliedCategory: 'extreme_poverty',
      amount: 38_000,
    });
  });
  it('a category outside the profile is refused (RULES §8a.8); years before 2022 are refused', () => {
    expect(ZSubsidyRequest.safeParse(req('xianning-2022', ['registered_poor'], 38_000)).error?.issues).toMatchObject([
      { path: ['person', 'categories', 0], message: '“建档立卡贫困人口”（registered_poor）不是咸宁市（2022）口径的人员类别' },
    ]);
    expect(() => computeSubsidy(req('xianning-2022', ['registered_poor'], 38_000))).toThrow();
    expect(ZSubsidyRequest.safeParse({ ...req('xianning-2022', ['marginal'], 38_000), year: 2021 }).success).toBe(false);
  });
});

describe('Weihai 004 §二(一)', () => {
  it('registered_poor, orphan, severe_disability: the full first-tier premium', () => {
    for (const c of ['registered_poor', 'orphan', 'severe_disability', 'subsistence_allowance', 'extreme_poverty'] as const) {
      expect(computeSubsidy(req('weihai-2019', [c], 30_000))).toMatchObject({ appliedCategory: c, amount: 30_000, personPays: 0 });
    }
  });
  it('ties go to the earlier category', () => {
    expect(computeSubsidy(req('weihai-2019', ['severe_disability', 'registered_poor'], 30_000)).appliedCategory).toBe('registered_poor');
  });
  it('other assisted people (其他救助人员) get no premium subsidy', () => {
    expect(computeSubsidy(req('weihai-2019', ['other_low_income', 'illness_poverty'], 30_000))).toMatchObject({
      appliedCategory: 'ordinary',
      amount: 0,
      personPays: 30_000,
    });
  });
});

describe('Liaoning (local amounts)', () => {
  it('default: extreme_poverty full, others unset', () => {
    expect(computeSubsidy(req('liaoning-2019', ['extreme_poverty'], 25_000))).toMatchObject({ amount: 25_000 });
    expect(computeSubsidy(req('liaoning-2019', ['low_income'], 25_000))).toMatchObject({ appliedCategory: 'ordinary', amount: 0 });
  });
  it('a local amount, capped at the premium', () => {
    const p = { params: { subsidy: { liaoning: { registered_poor: 20_000, subsistence_allowance: 30_000 } } } };
    expect(computeSubsidy(req('liaoning-2019', ['registered_poor'], 25_000, p)).amount).toBe(20_000);
    expect(computeSubsidy(req('liaoning-2019', ['subsistence_allowance'], 25_000, p)).amount).toBe(25_000);
    expect(computeSubsidy(req('liaoning-2019', ['registered_poor', 'subsistence_allowance'], 25_000, p)).appliedCategory).toBe(
      'subsistence_allowance',
    );
  });
  it("'full' for any category", () => {
    const p = { params: { subsidy: { liaoning: { other_hardship: 'full' as const } } } };
    expect(computeSubsidy(req('liaoning-2019', ['other_hardship'], 25_000, p)).amount).toBe(25_000);
  });
});

describe('params', () => {
  it('the defaults validate', () => {
    expect(ZSubsidyParams.safeParse(SUBSIDY_PARAM_DEFAULTS).success).toBe(true);
  });
  it('a partial override is deep-merged', () => {
    const p = resolveSubsidyParams({ liaoning: { low_income: 100 } });
    expect(p.liaoning).toMatchObject({ low_income: 100, extreme_poverty: 'full' });
    expect(p.registeredPoorRate).toBe(50);
  });
  it('unrelated params keys (settlement) are ignored', () => {
    const r = computeSubsidy({ ...req('hunan-2017', ['registered_poor'], 15_000), params: { basic: { rate: {} } } } as TSubsidyRequest);
    expect(r.amount).toBe(7_500);
  });
});

describe('properties', () => {
  const profileArb = fc.constantFrom(...PROFILE_IDS);
  it('never exceeds the premium, never negative; the applied amount is the highest evaluated', () => {
    fc.assert(
      fc.property(
        profileArb,
        fc.integer({ min: 0, max: 200_000 }),
        fc.subarray([...CATEGORY_IDS]),
        fc.integer({ min: 2023, max: 2026 }),
        (profile, premium, anyCategories, year) => {
          const categories = anyCategories.filter((c) => PROFILE_CATEGORIES[profile].includes(c));
          const r = computeSubsidy({ profile, year, premium, person: { categories, countyCode: COUNTY[profile] } });
          const max = Math.max(...r.evaluated.map((e) => e.amount));
          return (
            r.amount >= 0 &&
            r.amount <= premium &&
            r.amount === max &&
            r.personPays === premium - r.amount &&
            (r.amount === 0) === (r.appliedCategory === 'ordinary') &&
            (r.appliedCategory === 'ordinary' || PROFILE_CATEGORIES[profile].includes(r.appliedCategory))
          );
        },
      ),
    );
  });
  it('Qiannan shares always add up to the amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.constantFrom([10, 0, 0] as const, [5, 2, 3] as const, [0, 0, 10] as const),
        (amount, ratios) => {
          const s = splitQiannanShares(amount, ratios);
          return s.province + s.prefecture + s.county === amount && s.county >= 0;
        },
      ),
    );
  });
});

describe('bad input (RULES §8a.8)', () => {
  const messages = (input: unknown, schema: typeof ZSubsidyRequest = ZSubsidyRequest) =>
    schema.safeParse(input).error?.issues.map((i) => [i.path.join('.'), i.message]);
  it('the CLI also refuses a county outside the jurisdiction; the in-process request leaves that to the caller', () => {
    const outside = req('xianning-2022', ['marginal'], 38_000, { person: { categories: ['marginal'], countyCode: '420106' } });
    expect(messages(outside, ZSubsidyCliRequest)).toEqual([
      ['person.countyCode', '县（市、区）代码 420106 不在咸宁市（2022）辖区内（应以 4212 开头）'],
    ]);
    expect(ZSubsidyRequest.safeParse(outside).success).toBe(true);
    expect(ZSubsidyCliRequest.safeParse(req('xianning-2022', ['marginal'], 38_000)).success).toBe(true);
  });
  it('a huge premium or year says out of range once; a non-object request says what it got', () => {
    expect(messages(req('weihai-2019', ['orphan'], 1e20))).toEqual([['premium', '个人缴费标准超出范围（最多 10000000 分，即 10 万元）']]);
    expect(messages({ ...req('weihai-2019', ['orphan'], 30_000), year: 1e20 })).toEqual([['year', '参保年度有误']]);
    expect(messages([req('weihai-2019', ['orphan'], 30_000)])).toEqual([['', '资助请求应为 JSON 对象 {…}，收到的是数组']]);
    expect(messages({ ...req('weihai-2019', ['orphan'], 30_000), person: 'x' })).toEqual([
      ['person', '参保人信息（person）应为 JSON 对象 {…}，收到的是字符串'],
    ]);
  });
});
