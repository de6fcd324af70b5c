import type { TCategoryId } from '../categories.js';
import type { TSettleParams } from '../params/schema.js';
import type { TProfileId } from '../profiles.js';
import type { TLocation, TSettleRequest, TYtd } from '../settlement/schema.js';
import type { ZClaimEntry } from './schema.js';
import type { z } from 'zod';

export interface TClaimFacts {
  profile: TProfileId;
  params: TSettleParams;
  categories: readonly TCategoryId[];
  countyCode: string;
  hospital: { level: number; isSpecialDiseaseDesignated: boolean };
  location: TLocation;
  ytd: TYtd;
}

/** Inpatient care outside the person's county needs a registered referral (RULES §3). */
export function isReferralRequired(visitType: string, location: TLocation): boolean {
  return visitType === 'inpatient' && location !== 'in_county';
}

/**
 * The settlement request of a claim entry: one function for the browser preview and the server's
 * save, so both settle exactly the same request. The visit date is the discharge date.
 */
export function buildClaimSettleRequest(entry: z.output<typeof ZClaimEntry>, facts: TClaimFacts): TSettleRequest {
  return {
    profile: facts.profile,
    params: facts.params,
    person: { categories: [...facts.categories], countyCode: facts.countyCode },
    visit: {
      type: entry.visitType,
      hospitalLevel: facts.hospital.level as 1 | 2 | 3,
      location: facts.location,
      referred: isReferralRequired(entry.visitType, facts.location) ? entry.referred : false,
      date: entry.dischargeDate,
      specialDisease: (entry.specialDisease ?? null) as TSettleRequest['visit']['specialDisease'],
      designatedHospital: facts.hospital.isSpecialDiseaseDesignated,
      referralDeductiblePaid: 0,
      offsiteRegistered: facts.profile === 'weihai-2019' ? entry.offsiteRegistered : false,
    },
    costs: { total: entry.totalCost, inScope: entry.inScopeCost, specialDrug: entry.specialDrugCost },
    ytd: facts.ytd,
  };
}
