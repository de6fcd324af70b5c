/**
 * Each capability a profile declares (profiles.ts) against what the rules actually do: a
 * declaration the engine does not honour, or a behaviour no declaration announces, fails here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROFILE_CATEGORIES, type TCategoryId } from './categories.js';
import { DEFAULT_REFERRAL_VALIDITY_DAYS, ZReferralSettingsInput, issuingHospitalProblem } from './referrals/index.js';
import { PROFILES, PROFILE_IDS, findOutOfScopeLimit, type TProfileId } from './profiles.js';
import { findBuiltinTemplate, BUILTIN_TEMPLATES } from './responsibility/index.js';
import { arbRequest } from './settlement/arbitraries.js';
import { parseSettleRequest, settle, type TSettleRequest, type TSettleResult } from './settlement/index.js';
import { amountOf, buildRequest } from './settlement/test-helpers.js';
import { SUBSIDY_PARAM_DEFAULTS, computeSubsidy, premiumTierProblem, type TSubsidyParams } from './subsidies/index.js';
import { listSpecialDiseases } from './special-diseases.js';
import { applyRate } from './money.js';

const RUNS = { numRuns: 150 };
const caps = (profile: TProfileId) => PROFILES[profile].capabilities;
const beneficiaries = (profile: TProfileId) => PROFILE_CATEGORIES[profile].filter((c) => c !== 'ordinary');
/** One beneficiary category of the profile, for single-category requests. */
const arbBeneficiary = (profile: TProfileId) => fc.constantFrom(...beneficiaries(profile)).map((c) => [c] as TCategoryId[]);
/** The amounts of a result, without the explanations. */
const amounts = (r: TSettleResult) => ({ lines: r.lines.map((l) => [l.tier, l.amount]), totals: r.totals, applied: r.appliedCategory });
const withVisit = (req: TSettleRequest, visit: Partial<TSettleRequest['visit']>): TSettleRequest => ({
  ...req,
  visit: { ...req.visit, ...visit },
});

describe.each(PROFILE_IDS)('%s', (profile) => {
  const c = caps(profile);

  it(`offsiteReplacesReferral = ${c.offsiteReplacesReferral}: an off-site registration settles like a referral, or like none`, () => {
    fc.assert(
      fc.property(
        arbRequest(profile),
        fc.constantFrom('in_city', 'in_province', 'out_of_province') as fc.Arbitrary<'in_city'>,
        (req, location) => {
          const base = withVisit(req, { type: 'inpatient', location, referred: false, offsiteRegistered: false });
          const offsite = settle({ ...base, visit: { ...base.visit, offsiteRegistered: true } });
          const twin = c.offsiteReplacesReferral ? settle({ ...base, visit: { ...base.visit, referred: true } }) : settle(base);
          expect(amounts(offsite)).toEqual(amounts(twin));
        },
      ),
      RUNS,
    );
  });

  it(`hasSpecialDrugs = ${c.hasSpecialDrugs}: special-drug cost pays only where declared`, () => {
    fc.assert(
      fc.property(arbRequest(profile, { categories: arbBeneficiary(profile) }), (req) => {
        const { total, inScope } = req.costs;
        const drug = total - inScope;
        const asDrug = { ...req, costs: { total, inScope, specialDrug: drug } };
        expect(parseSettleRequest(asDrug).success).toBe(c.hasSpecialDrugs || drug === 0);
        if (!c.hasSpecialDrugs) {
          // Handed to settle despite validation, it is ordinary out-of-scope cost and never paid.
          expect(amounts(settle(asDrug))).toEqual(amounts(settle({ ...req, costs: { total, inScope, specialDrug: 0 } })));
        }
      }),
      RUNS,
    );
    if (c.hasSpecialDrugs) {
      const params = { critical: { specialDrugRate: 60 } };
      const req = buildRequest({ profile, params, costs: { total: 3_000_000, inScope: 2_000_000, specialDrug: 500_000 } });
      const without = buildRequest({ profile, params, costs: { total: 3_000_000, inScope: 2_000_000, specialDrug: 0 } });
      expect(amountOf(settle(req), 'critical')).toBeGreaterThan(amountOf(settle(without), 'critical'));
    }
  });

  it(`hasHospitalReduction = ${c.hasHospitalReduction}: a reduction line only where declared`, () => {
    fc.assert(
      fc.property(arbRequest(profile), (req) => {
        const r = settle(req);
        if (!c.hasHospitalReduction) expect(r.lines.some((l) => l.tier === 'hospital_reduction')).toBe(false);
      }),
      RUNS,
    );
    if (c.hasHospitalReduction) {
      const r = settle(buildRequest({ profile, costs: { total: 3_000_000, inScope: 2_800_000 } }));
      expect(amountOf(r, 'hospital_reduction')).toBe(20_000);
    }
  });

  it(`yearEndAssistanceCategories = [${c.yearEndAssistanceCategories.join(', ')}]: those, and only those, are paid at year end`, () => {
    for (const category of beneficiaries(profile)) {
      const r = settle(buildRequest({ profile, categories: [category], costs: { total: 8_000_000, inScope: 7_500_000 } }));
      const isYearEnd = c.yearEndAssistanceCategories.includes(category);
      expect(r.notices.some((n) => n.includes('年底统一救助'))).toBe(isYearEnd);
      if (isYearEnd) {
        expect(amountOf(r, 'assistance')).toBe(0);
        expect(r.ytdDelta.assistanceBase).toBeGreaterThan(0);
      }
    }
  });

  it(`hasTiltedAssistance = ${c.hasTiltedAssistance}: a tilted tier only where declared`, () => {
    fc.assert(
      fc.property(arbRequest(profile), (req) => {
        const r = settle(req);
        if (!c.hasTiltedAssistance) {
          expect(r.lines.some((l) => l.tier === 'tilted')).toBe(false);
          expect(r.ytdDelta.tiltedBase).toBe(0);
        }
      }),
      RUNS,
    );
    if (c.hasTiltedAssistance) {
      const r = settle(
        buildRequest({
          profile,
          categories: ['subsistence_allowance'],
          visit: { hospitalLevel: 2 },
          costs: { total: 30_000_000, inScope: 30_000_000 },
        }),
      );
      expect(amountOf(r, 'tilted')).toBeGreaterThan(0);
    }
  });

  it(`outOfScopeLimits (${c.outOfScopeLimits.map((l) => `${l.percent} %`).join(', ') || 'none'}): the hospital bears exactly the excess`, () => {
    fc.assert(
      fc.property(arbRequest(profile, { categories: arbBeneficiary(profile) }), (req) => {
        const r = settle(req);
        const category = req.person.categories[0]!;
        const evaluated = r.evaluated.find((e) => e.category === category)!;
        const limit = findOutOfScopeLimit(profile, req.visit);
        const outOfScope = req.costs.total - req.costs.inScope - req.costs.specialDrug;
        const expected = limit === null ? 0 : Math.max(0, outOfScope - applyRate(req.costs.total, limit));
        expect(evaluated.hospitalBorne).toBe(expected);
        expect(r.evaluated.find((e) => e.category === 'ordinary')!.hospitalBorne).toBe(0);
      }),
      RUNS,
    );
  });

  it(`hasSpecialDiseaseDeductibleWaiver = ${c.hasSpecialDiseaseDeductibleWaiver}: a listed disease at a designated hospital changes amounts only where declared`, () => {
    const diseases = listSpecialDiseases(profile).map((d) => d.id);
    if (!c.hasSpecialDiseaseDeductibleWaiver) {
      fc.assert(
        fc.property(arbRequest(profile), fc.constantFrom(null, ...diseases), fc.boolean(), (req, specialDisease, designatedHospital) => {
          const plain = withVisit(req, { specialDisease: null, designatedHospital: false });
          expect(amounts(settle(withVisit(req, { specialDisease, designatedHospital })))).toEqual(amounts(settle(plain)));
        }),
        RUNS,
      );
    } else {
      const disease = listSpecialDiseases(profile).find((d) => d.hunanClass)!.id;
      const plain = settle(buildRequest({ profile, costs: { total: 2_000_000, inScope: 1_900_000 } }));
      const waived = settle(
        buildRequest({
          profile,
          visit: { specialDisease: disease, designatedHospital: true },
          costs: { total: 2_000_000, inScope: 1_900_000 },
        }),
      );
      expect(amountOf(waived, 'basic')).toBeGreaterThan(amountOf(plain, 'basic'));
    }
  });

  it(`hasTwoPremiumTiers = ${c.hasTwoPremiumTiers}: a second premium tier is accepted only where declared`, () => {
    expect(premiumTierProblem(profile, null)).toBeNull();
    expect(premiumTierProblem(profile, 45_000) === null).toBe(c.hasTwoPremiumTiers);
  });

  it(`sharesSubsidyByGovernmentLevel = ${c.sharesSubsidyByGovernmentLevel}: shares by level of government only where declared`, () => {
    const county = {
      'qiannan-2019': '522725',
      'hunan-2017': '430121',
      'xianning-2022': '421202',
      'liaoning-2019': '210124',
      'weihai-2019': '371002',
    }[profile];
    let sawShares = false;
    for (const category of beneficiaries(profile)) {
      for (const year of [PROFILES[profile].fromYear, PROFILES[profile].fromYear + 1]) {
        const r = computeSubsidy({ profile, year, premium: 25_000, person: { categories: [category], countyCode: county } });
        if (r.shares) {
          sawShares = true;
          expect(r.shares.province + r.shares.prefecture + r.shares.county).toBe(r.amount);
        }
      }
    }
    expect(sawShares).toBe(c.sharesSubsidyByGovernmentLevel);
  });

  it(`subsidyParams = [${c.subsidyParams.join(', ')}]: exactly those parameters change the profile's subsidies`, () => {
    const changed: TSubsidyParams = {
      subsistenceFixed: 20_000,
      registeredPoorRate: 80,
      stableExitBase2021: 30_000,
      liaoning: { registered_poor: 5_000, extreme_poverty: 6_000, subsistence_allowance: 7_000, low_income: 8_000, other_hardship: 9_000 },
    };
    const county = {
      'qiannan-2019': '522725',
      'hunan-2017': '430121',
      'xianning-2022': '421202',
      'liaoning-2019': '210124',
      'weihai-2019': '371002',
    }[profile];
    for (const key of Object.keys(SUBSIDY_PARAM_DEFAULTS) as (keyof TSubsidyParams)[]) {
      let differs = false;
      for (const category of beneficiaries(profile)) {
        for (let year = PROFILES[profile].fromYear; year < PROFILES[profile].fromYear + 3; year++) {
          const ask = (subsidy: Partial<TSubsidyParams>) =>
            computeSubsidy({ profile, year, premium: 38_000, params: { subsidy }, person: { categories: [category], countyCode: county } })
              .amount;
          if (ask({}) !== ask({ [key]: changed[key] })) differs = true;
        }
      }
      expect([key, differs]).toEqual([key, c.subsidyParams.includes(key)]);
    }
  });

  it(`referralIssuer = ${JSON.stringify(c.referralIssuer)}: the issuer check follows the declaration`, () => {
    const county = '421222';
    const levelOne = issuingHospitalProblem(profile, { level: 1, regionCode: county, isActive: true }, county);
    const otherCounty = issuingHospitalProblem(profile, { level: 3, regionCode: '421202', isActive: true }, county);
    expect(levelOne === null).toBe(!c.referralIssuer || c.referralIssuer.minLevel <= 1);
    expect(otherCounty === null).toBe(!c.referralIssuer?.sameCounty);
    if (c.referralIssuer) expect(`${levelOne}${otherCounty}`).toContain(c.referralIssuer.clause);
    expect(issuingHospitalProblem(profile, { level: 3, regionCode: county, isActive: false }, county)).toMatch(/停用/);
  });

  it(`responsibilityTemplateId = ${c.responsibilityTemplateId}: a built-in template of the jurisdiction`, () => {
    if (c.responsibilityTemplateId) expect(findBuiltinTemplate(c.responsibilityTemplateId)?.isBuiltin).toBe(true);
  });

  it(`referralValidityDays = ${c.referralValidityDays}: the documented default, a valid setting`, () => {
    expect(c.referralValidityDays).toBe(DEFAULT_REFERRAL_VALIDITY_DAYS);
    expect(
      ZReferralSettingsInput.safeParse({ orgUnitId: '3b241101-e2bb-4255-8caf-4136c566a962', validityDays: c.referralValidityDays }).success,
    ).toBe(true);
  });
});

it('every built-in responsibility template belongs to exactly one profile', () => {
  for (const template of BUILTIN_TEMPLATES) {
    expect(PROFILE_IDS.filter((p) => caps(p).responsibilityTemplateId === template.key)).toHaveLength(1);
  }
});
