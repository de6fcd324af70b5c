import { describe, expect, it } from 'vitest';
import { ZPremiumInput, ZSubsidyRunInput, categoriesForPremiumYear } from './index.js';

const UUID = '3b241101-e2bb-4255-8caf-4136c566a962';

describe('premium and subsidy-run input', () => {
  it('premium tier 2 must be above tier 1', () => {
    const r = ZPremiumInput.safeParse({ orgUnitId: UUID, year: 2019, tier1: 25_000, tier2: 20_000, note: '威海市文件' });
    expect(r.error!.issues[0]!.path).toEqual(['tier2']);
  });
  it('a run names a unit and a year', () => {
    expect(ZSubsidyRunInput.safeParse({ orgUnitId: UUID, year: 2016 }).error?.issues[0]?.path).toEqual(['year']);
    expect(ZSubsidyRunInput.safeParse({ orgUnitId: UUID, year: 2019 }).success).toBe(true);
  });
});

describe('categories for a premium year', () => {
  const facts = [
    { category: 'registered_poor', startDate: '2018-03-01', endDate: '2019-03-31' },
    { category: 'extreme_poverty', startDate: '2019-09-15', endDate: null },
  ];
  it('Qiannan: held on 1 January counts; a September identification goes to next year (000 §二(二))', () => {
    expect(categoriesForPremiumYear('qiannan-2019', 2019, facts)).toEqual(['registered_poor']);
    expect(categoriesForPremiumYear('qiannan-2019', 2020, facts)).toEqual(['extreme_poverty']);
  });
  it('Xianning: identified during the year counts that year (002 §二(二))', () => {
    expect(categoriesForPremiumYear('xianning-2022', 2022, [{ category: 'marginal', startDate: '2022-10-01', endDate: null }])).toEqual([
      'marginal',
    ]);
  });
  it('drops categories the profile does not know', () => {
    expect(categoriesForPremiumYear('qiannan-2019', 2019, [{ category: 'marginal', startDate: '2018-01-01', endDate: null }])).toEqual([]);
  });
});
