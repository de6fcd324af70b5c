import { describe, expect, it } from 'vitest';
import { resolveSettleParams } from '../params/index.js';
import { createEmptyYtd } from '../settlement/index.js';
import { buildClaimSettleRequest, type TClaimFacts } from './request.js';
import { ZClaimEntry } from './schema.js';

const entry = (over: Record<string, unknown> = {}) =>
  ZClaimEntry.parse({
    personId: '00000000-0000-4000-8000-000000000001',
    hospitalId: '00000000-0000-4000-8000-000000000002',
    visitType: 'inpatient',
    admissionDate: '2019-08-05',
    dischargeDate: '2019-08-10',
    diagnosis: '肺炎',
    totalCost: 100000,
    inScopeCost: 90000,
    ...over,
  });

const facts = (over: Partial<TClaimFacts> = {}): TClaimFacts => ({
  profile: 'weihai-2019',
  params: resolveSettleParams('weihai-2019', {}),
  categories: ['registered_poor'],
  countyCode: '371082',
  hospital: { level: 3, isSpecialDiseaseDesignated: false },
  location: 'in_province',
  referral: { referred: false, offsiteRegistered: true },
  ytd: createEmptyYtd(),
  ...over,
});

describe('buildClaimSettleRequest', () => {
  it('takes referred and offsiteRegistered from the referral decision, not from the entry', () => {
    const typed = entry({ referred: true, offsiteRegistered: false });
    expect('referred' in typed).toBe(false);
    expect(buildClaimSettleRequest(typed, facts()).visit).toMatchObject({ referred: false, offsiteRegistered: true });
    expect(buildClaimSettleRequest(typed, facts({ referral: { referred: true, offsiteRegistered: false } })).visit).toMatchObject({
      referred: true,
      offsiteRegistered: false,
    });
  });

  it('a visit that needs no referral is never marked referred', () => {
    const referral = { referred: true, offsiteRegistered: true };
    const outpatient = entry({ visitType: 'outpatient', dischargeDate: '2019-08-05' });
    expect(buildClaimSettleRequest(outpatient, facts({ referral })).visit).toMatchObject({ referred: false, offsiteRegistered: false });
    expect(buildClaimSettleRequest(entry(), facts({ referral, location: 'in_county' })).visit).toMatchObject({
      referred: false,
      offsiteRegistered: false,
    });
  });
});
