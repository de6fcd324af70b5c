import fc from 'fast-check';
import type { TCategoryId } from '../categories.js';
import { PROFILE_CATEGORIES } from '../categories.js';
import { PROFILES, type TProfileId } from '../profiles.js';
import { listSpecialDiseases } from '../special-diseases.js';
import { ZSettleRequest } from './schema.js';
import type { TSettleRequest } from './schema.js';
import { PROFILE_VISIT } from './test-helpers.js';

const rate = fc.integer({ min: 0, max: 100 });
const fen = (max: number) => fc.integer({ min: 0, max });

/** A partial params override with plausible values (so caps and deductibles actually bite). */
export const arbParams = fc.record(
  {
    basic: fc.record(
      {
        deductible: fc.record({ '1': fen(100_000), '2': fen(200_000), '3': fen(300_000) }, { requiredKeys: [] }),
        rate: fc.record({ '1': rate, '2': rate, '3': rate }, { requiredKeys: [] }),
        annualCap: fen(30_000_000),
        unreferredRateCut: fc.integer({ min: 0, max: 30 }),
      },
      { requiredKeys: [] },
    ),
    critical: fc.record(
      {
        deductible: fen(2_000_000),
        rate,
        annualCap: fen(40_000_000),
        poorRateIncrement: fc.integer({ min: 0, max: 20 }),
        specialDrugRate: rate,
      },
      { requiredKeys: [] },
    ),
    assistance: fc.record({ rate, annualCap: fen(10_000_000) }, { requiredKeys: [] }),
    chronic: fc.record({ deductible: fen(100_000), rate, annualCap: fen(2_000_000) }, { requiredKeys: [] }),
    outpatient: fc.record({ rate, annualCap: fen(200_000) }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);

/** Year-to-date accumulators anywhere from empty to beyond typical caps. */
export const arbYtd = fc.record({
  basic: fen(30_000_000),
  critical: fen(40_000_000),
  criticalBase: fen(60_000_000),
  assistance: fen(6_000_000),
  assistanceBase: fen(10_000_000),
  assistanceDeductible: fen(150_000),
  tiltedBase: fen(2_000_000),
  chronicBasic: fen(2_000_000),
  chronicDeductible: fen(100_000),
  outpatientBasic: fen(200_000),
  chronicAssistanceBase: fen(3_000_000),
});

/** Costs: total up to 600 000 yuan, in-scope ≤ total, special drug within the remainder (Weihai). */
export function arbCosts(profile: TProfileId) {
  return fc
    .tuple(fen(60_000_000), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
    .map(([total, s, d]) => {
      const inScope = Math.floor(total * s);
      const specialDrug = PROFILES[profile].capabilities.hasSpecialDrugs ? Math.floor((total - inScope) * d * 0.5) : 0;
      return { total, inScope, specialDrug };
    });
}

/**
 * Categories of a person, all known to the profile (`ordinary` included); a request with another
 * is refused (RULES §8a.8), so `settle` never sees one from a validated request.
 */
export function arbCategories(profile: TProfileId, maxLength = 3) {
  return fc
    .uniqueArray(fc.constantFrom(...PROFILE_CATEGORIES[profile]), { maxLength })
    .map((cs) => (cs.length === 0 ? [...PROFILE_CATEGORIES[profile]].slice(0, 1) : cs));
}

/** A valid settlement request of the profile (validated through ZSettleRequest). */
export function arbRequest(
  profile: TProfileId,
  options: { categories?: fc.Arbitrary<TCategoryId[]>; zeroYtd?: boolean } = {},
): fc.Arbitrary<TSettleRequest> {
  const diseases = listSpecialDiseases(profile).map((d) => d.id);
  return fc
    .record({
      params: arbParams,
      categories: options.categories ?? arbCategories(profile),
      type: fc.constantFrom('inpatient', 'inpatient', 'chronic_outpatient', 'outpatient'),
      hospitalLevel: fc.constantFrom(1, 2, 3),
      location: fc.constantFrom('in_county', 'in_county', 'in_city', 'in_province', 'out_of_province'),
      referred: fc.boolean(),
      offsiteRegistered: fc.boolean(),
      specialDisease: diseases.length > 0 ? fc.option(fc.constantFrom(...diseases), { nil: null }) : fc.constant(null),
      designatedHospital: fc.boolean(),
      referralDeductiblePaid: fen(100_000),
      costs: arbCosts(profile),
      ytd: options.zeroYtd ? fc.constant({}) : arbYtd,
    })
    .map((r) =>
      ZSettleRequest.parse({
        profile,
        params: r.params,
        person: { categories: r.categories, countyCode: PROFILE_VISIT[profile].countyCode },
        visit: {
          type: r.type,
          hospitalLevel: r.hospitalLevel,
          location: r.location,
          referred: r.referred,
          date: PROFILE_VISIT[profile].date,
          specialDisease: r.specialDisease,
          designatedHospital: r.designatedHospital,
          referralDeductiblePaid: r.referralDeductiblePaid,
          offsiteRegistered: r.offsiteRegistered,
        },
        costs: r.costs,
        ytd: r.ytd,
      }),
    );
}
