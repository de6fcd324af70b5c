import { describe, expect, it } from 'vitest';
import { addYtd, createEmptyYtd, parseSettleRequest, settle } from '../index.js';

const REQUEST = {
  profile: 'qiannan-2019',
  params: {
    basic: { deductible: { 1: 20000, 2: 50000, 3: 100000 }, rate: { 1: 85, 2: 75, 3: 60 }, annualCap: 25000000, unreferredRateCut: 0 },
    critical: { deductible: 1000000, rate: 60, annualCap: 30000000, poorRateIncrement: 0, specialDrugRate: 0 },
    assistance: { rate: 0, annualCap: 10000000 },
  },
  person: { categories: ['registered_poor'], countyCode: '522732' },
  visit: { type: 'inpatient', hospitalLevel: 2, location: 'in_county', referred: false, date: '2019-09-02' },
  costs: { total: 3000000, inScope: 2800000 },
};

describe('the applied category’s ytd delta (what the server adds to the accumulators)', () => {
  it('carries the amounts and bases of RULES §9 example 1', () => {
    const parsed = parseSettleRequest(REQUEST);
    if (!parsed.success) throw new Error('bad request');
    const result = settle(parsed.data);
    expect(result.ytdDelta).toMatchObject({ basic: 2062500, critical: 154375, criticalBase: 737500, assistance: 408188 });
  });

  it('a second identical visit settled on the accumulated ytd pays 大病 on the whole base', () => {
    const parsed = parseSettleRequest(REQUEST);
    if (!parsed.success) throw new Error('bad request');
    const first = settle(parsed.data);
    const second = settle({ ...parsed.data, ytd: addYtd(createEmptyYtd(), first.ytdDelta) });
    // (737 500 + 737 500 − 500 000) × 65 % − 154 375 = 479 375
    expect(second.lines.find((l) => l.tier === 'critical')?.amount).toBe(479375);
  });
});
