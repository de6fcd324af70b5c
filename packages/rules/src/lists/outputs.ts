import { z } from 'zod';

/** An uploaded department list as the batch list shows it (lists.batches). */
export const ZListBatchSummary = z.object({
  id: z.string(),
  fileName: z.string(),
  fileSize: z.number(),
  sourceDepartment: z.string(),
  listDate: z.string(),
  status: z.enum(['previewed', 'applied', 'discarded', 'reverted']),
  rowCount: z.number(),
  newCount: z.number(),
  leftCount: z.number(),
  changedCount: z.number(),
  invalidCount: z.number(),
  unchangedCount: z.number(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  appliedByName: z.string().nullable(),
  appliedAt: z.string().nullable(),
  revertedByName: z.string().nullable(),
  revertedAt: z.string().nullable(),
});
export type TListBatchSummary = z.infer<typeof ZListBatchSummary>;
export const ZListBatchSummaries = z.array(ZListBatchSummary);

/** The comparison shown at preview: samples of each kind of row, ID numbers and phones masked. */
export const ZListPreview = z.object({
  coveredCategories: z.array(z.string()),
  newRows: z.array(
    z.object({
      line: z.number(),
      kind: z.enum(['new_person', 'new_category']),
      name: z.string(),
      idNumberMasked: z.string(),
      categories: z.array(z.string()),
      note: z.string(),
    }),
  ),
  leftRows: z.array(z.object({ name: z.string(), idNumberMasked: z.string(), category: z.string() })),
  changedRows: z.array(
    z.object({
      line: z.number(),
      personId: z.string(),
      name: z.string(),
      idNumberMasked: z.string(),
      changes: z.array(z.object({ field: z.string(), from: z.string().nullable(), to: z.string() })),
    }),
  ),
  invalidRows: z.array(z.object({ line: z.number(), name: z.string(), idNumberMasked: z.string(), reason: z.string() })),
});
export type TListPreview = z.infer<typeof ZListPreview>;
/** The preview as stored with its batch: with the fingerprint `apply` compares (never sent). */
export type TStoredListPreview = TListPreview & { fingerprint: string };

/** One batch with its stored preview (lists.get). */
export const ZListBatchDetail = ZListBatchSummary.extend(ZListPreview.shape);
export type TListBatchDetail = z.infer<typeof ZListBatchDetail>;

/** A settled claim under a category a batch ended, for a visit after the new end date (to review). */
export const ZFlaggedClaim = z.object({
  claimNo: z.string(),
  personName: z.string(),
  category: z.string(),
  admissionDate: z.string(),
  note: z.string(),
});
export type TFlaggedClaim = z.infer<typeof ZFlaggedClaim>;

/** What applying a batch changed (lists.applyBatch). */
export const ZListApplied = z.object({
  id: z.string(),
  newCount: z.number(),
  leftCount: z.number(),
  changedCount: z.number(),
  invalidCount: z.number(),
  unchangedCount: z.number(),
  newPersons: z.number(),
  flaggedClaims: z.array(ZFlaggedClaim),
});
export type TListApplied = z.infer<typeof ZListApplied>;

/** What reverting an applied batch restored (lists.revertBatch). */
export const ZListReverted = z.object({
  id: z.string(),
  removedPersons: z.number(),
  removedFacts: z.number(),
  reopenedFacts: z.number(),
  restoredPersons: z.number(),
});
export type TListReverted = z.infer<typeof ZListReverted>;
