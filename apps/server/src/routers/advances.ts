import {
  ZAdvanceApprovalInput,
  ZAdvanceDeclarationInput,
  ZAdvanceListInput,
  ZAdvanceList,
  ZAdvancePaymentInput,
  ZAdvanceRecoveryInput,
  ZAdvanceDeclaration,
} from '@portal/rules';
import * as advances from '../services/advances/index.js';
import { procedure, router } from '../trpc.js';

/** Hospital advance settlement (医院垫付资金结算, `000 §二(五)1`), four eyes on every movement (decision 0009). */
export const advancesRouter = router({
  list: procedure('advances.read')
    .input(ZAdvanceListInput)
    .output(ZAdvanceList)
    .query(({ ctx, input }) => advances.listAdvanceDeclarations({ ctx, input })),
  create: procedure('advances.write')
    .input(ZAdvanceDeclarationInput)
    .output(ZAdvanceDeclaration)
    .mutation(({ ctx, input }) => advances.createAdvanceDeclaration({ ctx, input })),
  approve: procedure('advances.approve')
    .input(ZAdvanceApprovalInput)
    .output(ZAdvanceDeclaration)
    .mutation(({ ctx, input }) => advances.approveAdvance({ ctx, input })),
  pay: procedure('advances.write')
    .input(ZAdvancePaymentInput)
    .output(ZAdvanceDeclaration)
    .mutation(({ ctx, input }) => advances.payAdvanceDeclaration({ ctx, input })),
  recover: procedure('advances.write')
    .input(ZAdvanceRecoveryInput)
    .output(ZAdvanceDeclaration)
    .mutation(({ ctx, input }) => advances.recoverAdvance({ ctx, input })),
});
