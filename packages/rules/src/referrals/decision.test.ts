import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROFILE_IDS } from '../profiles.js';
import { LOCATIONS, VISIT_TYPES } from '../settlement/schema.js';
import { decideReferralOutcome, isReferralEvidenceAccepted, isReferralRequired } from './decision.js';

describe('isReferralRequired (RULES §3)', () => {
  it('only an inpatient stay outside the county needs a referral', () => {
    expect(isReferralRequired('inpatient', 'in_county')).toBe(false);
    for (const location of ['in_city', 'in_province', 'out_of_province'] as const) {
      expect(isReferralRequired('inpatient', location)).toBe(true);
      expect(isReferralRequired('chronic_outpatient', location)).toBe(false);
      expect(isReferralRequired('outpatient', location)).toBe(false);
    }
  });
});

describe('isReferralEvidenceAccepted', () => {
  it('a referral and an override count everywhere; an off-site registration only in Weihai (004 §四(二)1)', () => {
    for (const profile of PROFILE_IDS) {
      expect(isReferralEvidenceAccepted(profile, 'referral')).toBe(true);
      expect(isReferralEvidenceAccepted(profile, 'override')).toBe(true);
      expect(isReferralEvidenceAccepted(profile, 'offsite')).toBe(profile === 'weihai-2019');
    }
  });
});

describe('decideReferralOutcome', () => {
  const out = { profile: 'xianning-2022', visitType: 'inpatient', location: 'in_province' } as const;

  it('not required: nothing the registry holds matters', () => {
    expect(decideReferralOutcome({ ...out, visitType: 'outpatient', registration: 'referral', hasOverride: true })).toEqual({
      isRequired: false,
      source: 'not_required',
      referred: false,
      offsiteRegistered: false,
      evidence: null,
    });
    expect(decideReferralOutcome({ ...out, location: 'in_county', registration: null, hasOverride: false }).source).toBe('not_required');
  });

  it('a registered referral makes the visit referred', () => {
    expect(decideReferralOutcome({ ...out, registration: 'referral', hasOverride: false })).toMatchObject({
      source: 'registry',
      referred: true,
      offsiteRegistered: false,
      evidence: 'referral',
    });
  });

  it('an off-site registration counts in Weihai and is passed on as offsiteRegistered; elsewhere it falls through to the override or none', () => {
    expect(decideReferralOutcome({ ...out, profile: 'weihai-2019', registration: 'offsite', hasOverride: false })).toMatchObject({
      source: 'registry',
      referred: false,
      offsiteRegistered: true,
    });
    expect(decideReferralOutcome({ ...out, registration: 'offsite', hasOverride: false })).toMatchObject({
      source: 'none',
      referred: false,
      offsiteRegistered: false,
    });
    expect(decideReferralOutcome({ ...out, registration: 'offsite', hasOverride: true })).toMatchObject({
      source: 'override',
      referred: true,
      offsiteRegistered: false,
    });
  });

  it('never marks offsiteRegistered where the profile does not accept it, nor anything when no referral is required', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PROFILE_IDS),
        fc.constantFrom(...VISIT_TYPES),
        fc.constantFrom(...LOCATIONS),
        fc.constantFrom('referral' as const, 'offsite' as const, null),
        fc.boolean(),
        (profile, visitType, location, registration, hasOverride) => {
          const o = decideReferralOutcome({ profile, visitType, location, registration, hasOverride });
          expect(o.isRequired).toBe(isReferralRequired(visitType, location));
          if (!o.isRequired) expect(o).toMatchObject({ referred: false, offsiteRegistered: false, source: 'not_required' });
          if (o.offsiteRegistered) expect(profile).toBe('weihai-2019');
          expect(o.referred && o.offsiteRegistered).toBe(false);
        },
      ),
    );
  });
});
