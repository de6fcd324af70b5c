import { z } from 'zod';

/** A payee as the browser may see it: the account masked (last four digits). */
export const ZPayeeMasked = z.object({
  name: z.string().nullable(),
  bankName: z.string().nullable(),
  accountMasked: z.string().nullable(),
});

/** What proposing or deciding a payee change returns (`.output()`). */
export const ZPayeeChangeOutput = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  status: z.enum(['pending', 'approved', 'rejected']),
  statusLabel: z.string(),
  old: ZPayeeMasked,
  new: ZPayeeMasked,
  caseVersion: z.number().int(),
});
export type TPayeeChangeOutput = z.infer<typeof ZPayeeChangeOutput>;
