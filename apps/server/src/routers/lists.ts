import * as lists from '../services/lists/index.js';
import { authedProcedure, router } from '../trpc.js';

/** Uploading a list goes through POST /api/lists/upload (src/http/uploads.ts); the rest is here. */
export const listsRouter = router({
  batches: authedProcedure.query(({ ctx }) => lists.listListBatches({ ctx })),
  get: authedProcedure.input(lists.ZGetListBatchInput).query(({ ctx, input }) => lists.getListBatch({ ctx, input })),
  applyBatch: authedProcedure.input(lists.ZApplyListBatchInput).mutation(({ ctx, input }) => lists.applyListBatch({ ctx, input })),
  discard: authedProcedure.input(lists.ZApplyListBatchInput).mutation(({ ctx, input }) => lists.discardListBatch({ ctx, input })),
});
