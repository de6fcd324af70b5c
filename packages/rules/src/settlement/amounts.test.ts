/**
 * The amounts-only mode against the full result: same applied category, same amount per tier,
 * same totals, for any valid request of every profile, one by one and in a batch.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS } from '../categories.js';
import { PROFILE_IDS } from '../profiles.js';
import { arbCategories, arbParams, arbRequest } from './arbitraries.js';
import { payOnCumulativeBase, payOnCumulativeLinear } from './cumulative.js';
import { createSettleAmounts, createSettleAmountsBatch, settle, settleAmounts, settleAmountsBatch } from './pipeline.js';
import { resolveSettleParams } from '../params/merge.js';
import type { TSettleRequest, TSettleResult } from './schema.js';
import { amountOf } from './test-helpers.js';

/** The full result's figures in the shape of `settleAmounts`. */
function amountsOf(result: TSettleResult) {
  return {
    appliedCategory: result.appliedCategory,
    hospitalBorne: result.totals.hospitalBorne,
    basic: amountOf(result, 'basic'),
    critical: amountOf(result, 'critical'),
    hospitalReduction: amountOf(result, 'hospital_reduction'),
    assistance: amountOf(result, 'assistance'),
    tilted: amountOf(result, 'tilted'),
    fundPaid: result.totals.fundPaid,
    patientPays: result.totals.patientPays,
  };
}

describe.each(PROFILE_IDS)('settleAmounts equals the full result — %s', (profile) => {
  it('for any valid request (up to four categories, any params and ytd)', () => {
    const out = createSettleAmounts();
    fc.assert(
      fc.property(arbRequest(profile, { categories: arbCategories(profile, 4) }), (request) => {
        const full = amountsOf(settle(request));
        expect(settleAmounts(request)).toEqual(full);
        // A reused record gives the same figures (nothing of the previous request stays behind).
        expect(settleAmounts(request, out)).toEqual(full);
        expect(full.hospitalBorne + full.fundPaid + full.patientPays).toBe(request.costs.total);
      }),
      { numRuns: 500 },
    );
  });

  it('in a batch, whether requests share a parameters object or not', () => {
    const arbBatch = fc.tuple(
      fc.array(arbRequest(profile, { categories: arbCategories(profile, 3) }), { minLength: 1, maxLength: 12 }),
      arbParams,
      fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
    );
    fc.assert(
      fc.property(arbBatch, ([requests, override, shares]) => {
        const shared = resolveSettleParams(profile, override);
        const batch: TSettleRequest[] = requests.map((r, i) => (shares[i] ? { ...r, params: shared } : r));
        const columns = settleAmountsBatch(batch, createSettleAmountsBatch(batch.length + 2));
        batch.forEach((request, i) => {
          const full = amountsOf(settle(request));
          expect(CATEGORY_IDS[columns.appliedCategory[i]!]).toBe(full.appliedCategory);
          expect({
            appliedCategory: full.appliedCategory,
            hospitalBorne: columns.hospitalBorne[i],
            basic: columns.basic[i],
            critical: columns.critical[i],
            hospitalReduction: columns.hospitalReduction[i],
            assistance: columns.assistance[i],
            tilted: columns.tilted[i],
            fundPaid: columns.fundPaid[i],
            patientPays: columns.patientPays[i],
          }).toEqual(full);
        });
      }),
      { numRuns: 150 },
    );
  });
});

describe('settleAmountsBatch', () => {
  it('refuses columns too short for the requests', () => {
    const requests = fc.sample(arbRequest('qiannan-2019'), { numRuns: 3, seed: 1 });
    expect(() => settleAmountsBatch(requests, createSettleAmountsBatch(2))).toThrow(RangeError);
    expect(settleAmountsBatch([]).length).toBe(0);
  });
});

describe('payOnCumulativeLinear', () => {
  it('equals payOnCumulativeBase with one band', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60_000_000 }),
        fc.integer({ min: -1_000, max: 60_000_000 }),
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.integer({ min: 0, max: 10_000 }).map((bp) => bp / 100),
        (before, added, from, rate) => {
          expect(payOnCumulativeLinear(before, added, from, rate)).toBe(payOnCumulativeBase(before, added, [{ from, rate }]));
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
