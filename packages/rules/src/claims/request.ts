import type { TCategoryId } from '../categories.js';
import type { TSettleParams } from '../params/schema.js';
import type { TProfileId } from '../profiles.js';
import { isReferralRequired } from '../referrals/decision.js';
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
  /**
   * The server's referral decision for the visit (`decideReferralOutcome`): never the clerk's
   * word, so the preview and the save settle the same request.
   */
  referral: { referred: boolean; offsiteRegistered: boolean };
  ytd: TYtd;
}

/**
 * The settlement request of a claim entry: one function for the browser preview and the server's
 * save, so both settle exactly the same request. The visit date is the discharge date.
 */
export function buildClaimSettleRequest(entry: z.output<typeof ZClaimEntry>, facts: TClaimFacts): TSettleRequest {
  // A decision made for another visit type (a preview still loading) never marks a visit that
  // needs no referral as referred.
  const isRequired = isReferralRequired(entry.visitType, facts.location);
  return {
    profile: facts.profile,
    params: facts.params,
    person: { categories: [...facts.categories], countyCode: facts.countyCode },
    visit: {
      type: entry.visitType,
      hospitalLevel: facts.hospital.level as 1 | 2 | 3,
      location: facts.location,
      referred: isRequired && facts.referral.referred,
      date: entry.dischargeDate,
      specialDisease: (entry.specialDisease ?? null) as TSettleRequest['visit']['specialDisease'],
      designatedHospital: facts.hospital.isSpecialDiseaseDesignated,
      referralDeductiblePaid: 0,
      offsiteRegistered: isRequired && facts.referral.offsiteRegistered,
    },
    costs: { total: entry.totalCost, inScope: entry.inScopeCost, specialDrug: entry.specialDrugCost },
    ytd: facts.ytd,
  };
}
