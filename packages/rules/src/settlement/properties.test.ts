/**
 * Invariants of the settlement pipeline over random valid requests, for every profile.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TCategoryId } from '../categories.js';
import { PROFILE_CATEGORIES } from '../categories.js';
import { resolveSettleParams } from '../params/merge.js';
import { PROFILES, PROFILE_IDS } from '../profiles.js';
import type { TProfileId } from '../profiles.js';
import { arbCategories, arbRequest } from './arbitraries.js';
import { settle } from './pipeline.js';
import { HUNAN_BASIC_CAP, HUNAN_CRITICAL_CAP } from './profiles/hunan.js';
import { WEIHAI_ASSISTANCE_CAP } from './profiles/weihai.js';
import type { TSettleRequest, TSettleResult } from './schema.js';
import { amountOf, tiersOf } from './test-helpers.js';
import { addYtd } from './ytd.js';

const RUNS = { numRuns: 300 };

/** Categories whose 大病 cap is lifted (when a required referral is present). */
const CRITICAL_CAP_LIFTED: Record<TProfileId, readonly TCategoryId[]> = {
  'qiannan-2019': ['registered_poor'],
  'hunan-2017': [],
  'xianning-2022': ['extreme_poverty', 'subsistence_allowance', 'relapsed_poverty'],
  'liaoning-2019': [],
  'weihai-2019': ['registered_poor', 'severe_disability', 'subsistence_allowance', 'extreme_poverty', 'orphan'],
};

/** Annual caps that bind the applied category of a request (null: no cap). */
function getCaps(req: TSettleRequest, category: TCategoryId, isReferralMet: boolean) {
  const p = resolveSettleParams(req.profile, req.params);
  const basic = req.profile === 'hunan-2017' ? HUNAN_BASIC_CAP : p.basic.annualCap;
  const critical =
    isReferralMet && CRITICAL_CAP_LIFTED[req.profile].includes(category)
      ? null
      : req.profile === 'hunan-2017'
        ? HUNAN_CRITICAL_CAP
        : p.critical.annualCap;
  let assistance: number | null = p.assistance.annualCap;
  if (req.profile === 'weihai-2019') assistance = WEIHAI_ASSISTANCE_CAP;
  if (req.profile === 'xianning-2022') {
    assistance =
      category === 'extreme_poverty'
        ? null
        : category === 'subsistence_allowance' || category === 'relapsed_poverty'
          ? 3_000_000
          : 2_000_000;
  }
  return { basic, critical, assistance, chronic: p.chronic.annualCap, outpatient: p.outpatient.annualCap };
}

function isReferralMet(req: TSettleRequest): boolean {
  const v = req.visit;
  const offsiteCounts = PROFILES[req.profile].capabilities.offsiteReplacesReferral && v.offsiteRegistered;
  return v.type !== 'inpatient' || v.location === 'in_county' || v.referred || offsiteCounts;
}

function single(req: TSettleRequest, category: TCategoryId): TSettleRequest {
  return { ...req, person: { ...req.person, categories: [category] } };
}

function withCosts(req: TSettleRequest, total: number, inScope: number): TSettleRequest {
  return { ...req, costs: { ...req.costs, total, inScope } };
}

/** Tier amounts that funds pay (not the hospital-borne share). */
function fundTiers(r: TSettleResult) {
  const t = tiersOf(r);
  return [t.basic, t.critical, t.hospital_reduction, t.assistance, t.tilted];
}

describe.each(PROFILE_IDS)('settlement invariants — %s', (profile) => {
  it('tiers + hospital-borne + patient pays = total; nothing negative; totals match lines', () => {
    fc.assert(
      fc.property(arbRequest(profile), (req) => {
        const r = settle(req);
        const t = tiersOf(r);
        expect(t.hospital_borne + t.basic + t.critical + t.hospital_reduction + t.assistance + t.tilted + t.patient).toBe(req.costs.total);
        for (const line of r.lines) expect(line.amount).toBeGreaterThanOrEqual(0);
        expect(r.totals.patientPays).toBeGreaterThanOrEqual(0);
        expect(r.totals.fundPaid).toBe(t.basic + t.critical + t.hospital_reduction + t.assistance + t.tilted);
        for (const e of r.evaluated) expect(e.fundPaid + e.hospitalBorne + e.patientPays).toBe(req.costs.total);
        // Funds never pay more than in-scope cost plus special drugs plus the reduction.
        expect(t.basic + t.critical + t.assistance + t.tilted).toBeLessThanOrEqual(req.costs.inScope + req.costs.specialDrug);
      }),
      RUNS,
    );
  });

  it('no annual cap is exceeded, given ytd', () => {
    fc.assert(
      fc.property(arbRequest(profile), (req) => {
        const r = settle(req);
        const caps = getCaps(req, r.appliedCategory, isReferralMet(req));
        const y = req.ytd;
        const within = (before: number, paid: number, cap: number | null) => cap === null || paid === 0 || before + paid <= cap;
        const basic = amountOf(r, 'basic');
        if (req.visit.type === 'inpatient') expect(within(y.basic, basic, caps.basic)).toBe(true);
        if (req.visit.type === 'chronic_outpatient') expect(within(y.chronicBasic, basic, caps.chronic)).toBe(true);
        if (req.visit.type === 'outpatient') expect(within(y.outpatientBasic, basic, caps.outpatient)).toBe(true);
        if (req.costs.specialDrug === 0) expect(within(y.critical, amountOf(r, 'critical'), caps.critical)).toBe(true);
        expect(within(y.assistance, amountOf(r, 'assistance'), caps.assistance)).toBe(true);
        // Weihai hospital reduction: at most 200 yuan per admission.
        expect(amountOf(r, 'hospital_reduction')).toBeLessThanOrEqual(20_000);
      }),
      RUNS,
    );
  });

  it('every line cites a clause and explains itself in Chinese', () => {
    fc.assert(
      fc.property(arbRequest(profile), (req) => {
        const r = settle(req);
        for (const line of r.lines) {
          expect(line.clause).toMatch(/^00[0-4]/);
          expect(line.explain).toMatch(/[\u4e00-\u9fff]/);
          expect(line.explain).not.toContain('undefined');
          expect(line.explain).not.toContain('NaN');
        }
        for (const notice of r.notices) expect(notice).not.toContain('undefined');
      }),
      RUNS,
    );
  });

  it('ytd delta agrees with the lines', () => {
    fc.assert(
      fc.property(arbRequest(profile), (req) => {
        const r = settle(req);
        const d = r.ytdDelta;
        expect(d.basic + d.chronicBasic + d.outpatientBasic).toBe(amountOf(r, 'basic'));
        expect(d.critical).toBe(amountOf(r, 'critical'));
        expect(d.assistance).toBe(amountOf(r, 'assistance'));
        for (const v of Object.values(d)) expect(v).toBeGreaterThanOrEqual(0);
      }),
      RUNS,
    );
  });

  /*
   * Monotonicity. "No tier pays more when costs fall" is false as stated for the hospital-borne
   * share: it is `O − round(T × L)`, so when in-scope cost (and with it the total) falls while the
   * out-of-scope cost stays, the allowed share shrinks and the hospital bears more. The correct
   * statement, per category: lowering in-scope cost never raises a fund tier nor the patient's
   * share; lowering out-of-scope cost never raises any tier (the hospital's share included) nor the
   * patient's share. Across categories the applied one may switch, so for a multi-category person
   * only the patient's share is monotone.
   */
  it('in-scope cost falls (out-of-scope fixed): no fund tier pays more, patient pays no more', () => {
    fc.assert(
      fc.property(arbRequest(profile), fc.double({ min: 0, max: 1, noNaN: true }), (req, f) => {
        const category = req.person.categories.find((c) => PROFILE_CATEGORIES[profile].includes(c)) ?? 'ordinary';
        const a = single(req, category);
        const delta = Math.floor(a.costs.inScope * f);
        const b = withCosts(a, a.costs.total - delta, a.costs.inScope - delta);
        const ra = settle(a);
        const rb = settle(b);
        if (rb.appliedCategory === ra.appliedCategory) {
          const fa = fundTiers(ra);
          fundTiers(rb).forEach((amount, i) => expect(amount).toBeLessThanOrEqual(fa[i]!));
        }
        expect(rb.totals.patientPays).toBeLessThanOrEqual(ra.totals.patientPays);
      }),
      RUNS,
    );
  });

  it('out-of-scope cost falls (in-scope fixed): no tier pays more, hospital share included', () => {
    fc.assert(
      fc.property(arbRequest(profile), fc.double({ min: 0, max: 1, noNaN: true }), (req, f) => {
        const out = req.costs.total - req.costs.inScope - req.costs.specialDrug;
        const delta = Math.floor(out * f);
        const b = withCosts(req, req.costs.total - delta, req.costs.inScope);
        const ra = settle(req);
        const rb = settle(b);
        if (rb.appliedCategory === ra.appliedCategory) {
          const ta = tiersOf(ra);
          const tb = tiersOf(rb);
          for (const key of Object.keys(ta) as (keyof typeof ta)[]) expect(tb[key]).toBeLessThanOrEqual(ta[key]);
        }
        expect(rb.totals.patientPays).toBeLessThanOrEqual(ra.totals.patientPays);
      }),
      RUNS,
    );
  });

  it('a multi-category person never pays more than under any single one of their categories', () => {
    fc.assert(
      fc.property(arbRequest(profile, { categories: arbCategories(profile, 5) }), (req) => {
        const r = settle(req);
        for (const category of [...req.person.categories, 'ordinary' as const]) {
          expect(r.totals.patientPays).toBeLessThanOrEqual(settle(single(req, category)).totals.patientPays);
        }
        // The applied category is one the profile recognises (or ordinary).
        expect(PROFILE_CATEGORIES[profile]).toContain(r.appliedCategory);
      }),
      RUNS,
    );
  });

  it('two visits settled in sequence with accumulated ytd never exceed the annual caps', () => {
    fc.assert(
      fc.property(
        arbRequest(profile, { zeroYtd: true, categories: arbCategories(profile, 1) }),
        arbRequest(profile, { zeroYtd: true }),
        (first, secondRaw) => {
          const r1 = settle(first);
          const ytd1 = addYtd(first.ytd, r1.ytdDelta);
          // Same person (categories, params) for the second visit, with the first visit's ytd.
          const second: TSettleRequest = { ...secondRaw, person: first.person, params: first.params, ytd: ytd1 };
          const r2 = settle(second);
          const ytd2 = addYtd(ytd1, r2.ytdDelta);
          const caps1 = getCaps(first, r1.appliedCategory, isReferralMet(first));
          const caps2 = getCaps(second, r2.appliedCategory, isReferralMet(second));
          expect(ytd2.basic).toBeLessThanOrEqual(caps1.basic);
          expect(ytd2.chronicBasic).toBeLessThanOrEqual(caps1.chronic);
          expect(ytd2.outpatientBasic).toBeLessThanOrEqual(caps1.outpatient);
          if (caps1.critical !== null && caps2.critical !== null && first.costs.specialDrug + second.costs.specialDrug === 0) {
            expect(ytd2.critical).toBeLessThanOrEqual(Math.max(caps1.critical, caps2.critical));
          }
          if (caps1.assistance !== null && caps2.assistance !== null) {
            expect(ytd2.assistance).toBeLessThanOrEqual(Math.max(caps1.assistance, caps2.assistance));
          }
          // Cumulative bases add up.
          expect(ytd2.criticalBase).toBe(r1.ytdDelta.criticalBase + r2.ytdDelta.criticalBase);
        },
      ),
      RUNS,
    );
  });
});
