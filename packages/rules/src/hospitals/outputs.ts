import { z } from 'zod';

/** A hospital of a jurisdiction's list (hospitals.*; the claim form shows the chosen one). */
export const ZHospital = z.object({
  id: z.string(),
  ownerOrgUnitId: z.string(),
  code: z.string(),
  name: z.string(),
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  regionCode: z.string(),
  regionName: z.string(),
  isNetworked: z.boolean(),
  isSpecialDiseaseDesignated: z.boolean(),
  referralTier: z.enum(['city', 'provincial']).nullable(),
  isActive: z.boolean(),
});
export type THospital = z.infer<typeof ZHospital>;
export const ZHospitalList = z.array(ZHospital);
