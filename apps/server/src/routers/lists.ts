import { ZListApplied, ZListBatchDetail, ZListBatchSummaries, ZListReverted, ZRecordRef } from '@portal/rules';
import * as lists from '../services/lists/index.js';
import { procedure, router } from '../trpc.js';

/** Uploading a list goes through POST /api/lists/upload (src/http/uploads.ts); the rest is here. */
export const listsRouter = router({
  batches: procedure('lists.read')
    .output(ZListBatchSummaries)
    .query(({ ctx }) => lists.listListBatches({ ctx })),
  get: procedure('lists.read')
    .input(lists.ZGetListBatchInput)
    .output(ZListBatchDetail)
    .query(({ ctx, input }) => lists.getListBatch({ ctx, input })),
  applyBatch: procedure('lists.write')
    .input(lists.ZApplyListBatchInput)
    .output(ZListApplied)
    .mutation(({ ctx, input }) => lists.applyListBatch({ ctx, input })),
  revertBatch: procedure('lists.write')
    .input(lists.ZApplyListBatchInput)
    .output(ZListReverted)
    .mutation(({ ctx, input }) => lists.revertListBatch({ ctx, input })),
  discard: procedure('lists.write')
    .input(lists.ZApplyListBatchInput)
    .output(ZRecordRef)
    .mutation(({ ctx, input }) => lists.discardListBatch({ ctx, input })),
});
