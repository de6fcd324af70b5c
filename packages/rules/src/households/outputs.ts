import { z } from 'zod';

/** A household and its members as the person page shows them (ID numbers masked). */
export const ZHouseholdDetail = z.object({
  id: z.string(),
  householdNo: z.string().nullable(),
  address: z.string().nullable(),
  headPersonId: z.string().nullable(),
  members: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      idNumberMasked: z.string(),
      relationship: z.string().nullable(),
      isHead: z.boolean(),
    }),
  ),
});
export type THouseholdDetail = z.infer<typeof ZHouseholdDetail>;

/** A household found for the "move member" picker (households.find). */
export const ZHouseholdMatch = z.object({
  id: z.string(),
  householdNo: z.string().nullable(),
  address: z.string().nullable(),
  headName: z.string().nullable(),
  memberCount: z.number(),
});
export type THouseholdMatch = z.infer<typeof ZHouseholdMatch>;
export const ZHouseholdMatches = z.array(ZHouseholdMatch);

/** The household a member now belongs to (households.moveMember, households.setHead). */
export const ZHouseholdRef = z.object({ householdId: z.string() });
export type THouseholdRef = z.infer<typeof ZHouseholdRef>;
