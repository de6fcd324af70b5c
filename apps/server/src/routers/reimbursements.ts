import {
  ZAttachmentStored,
  ZAttachmentUpload,
  ZBoardInput,
  ZClearHoldInput,
  ZDecidePayeeChangeInput,
  ZHoldInput,
  ZListReimbursementsInput,
  ZPayeeChangeOutput,
  ZPayInput,
  ZProposePayeeChangeInput,
  ZReceiveMaterialsInput,
  ZReimbursementBoard,
  ZReimbursementDetail,
  ZReimbursementIntake,
  ZReimbursementList,
  ZReturnCaseInput,
  ZSecondReviewInput,
  ZStepInput,
} from '@portal/rules';
import * as service from '../services/reimbursements/index.js';
import { procedure, router } from '../trpc.js';

export const reimbursementsRouter = router({
  create: procedure('reimbursements.intake')
    .input(ZReimbursementIntake)
    .output(ZReimbursementDetail)
    .mutation(({ ctx, input }) => service.createReimbursement({ ctx, input })),
  get: procedure('reimbursements.read')
    .input(service.ZGetReimbursementInput)
    .output(ZReimbursementDetail)
    .query(({ ctx, input }) => service.getReimbursement({ ctx, input })),
  list: procedure('reimbursements.read')
    .input(ZListReimbursementsInput)
    .output(ZReimbursementList)
    .query(({ ctx, input }) => service.listReimbursements({ ctx, input })),
  receiveMaterials: procedure('reimbursements.intake')
    .input(ZReceiveMaterialsInput)
    .output(ZReimbursementDetail)
    .mutation(({ ctx, input }) => service.receiveMaterials({ ctx, input })),
  register: procedure('reimbursements.process')
    .input(ZStepInput)
    .output(ZReimbursementDetail)
    .mutation(({ ctx, input }) => service.registerCase({ ctx, input })),
  investigate: procedure('reimbursements.process')
    .input(ZStepInput)
    .output(ZReimbursementDetail)
    .mutation(({ ctx, input }) => service.investigateCase({ ctx, input })),
  firstReview: procedure('reimbursements.process')
    .input(ZStepInput)
    .output(ZReimbursementDetail)
    .mutation(({ ctx, input }) => service.firstReviewCase({ ctx, input })),
  secondReview: procedure('reimbursements.secondReview')
    .input(ZSecondReviewInput)
    .output(ZReimbursementDetail)
    .mutation(({ ctx, input }) => service.secondReviewCase({ ctx, input })),
  pay: procedure('reimbursements.pay')
    .input(ZPayInput)
    .output(ZReimbursementDetail)
    .mutation(({ ctx, input }) => service.payCase({ ctx, input })),
  proposePayeeChange: procedure('reimbursements.proposePayee')
    .input(ZProposePayeeChangeInput)
    .output(ZPayeeChangeOutput)
    .mutation(({ ctx, input }) => service.proposePayeeChange({ ctx, input })),
  decidePayeeChange: procedure('reimbursements.approvePayee')
    .input(ZDecidePayeeChangeInput)
    .output(ZPayeeChangeOutput)
    .mutation(({ ctx, input }) => service.decidePayeeChange({ ctx, input })),
  returnCase: procedure('reimbursements.intake')
    .input(ZReturnCaseInput)
    .output(ZReimbursementDetail)
    .mutation(({ ctx, input }) => service.returnCase({ ctx, input })),
  hold: procedure('reimbursements.intake')
    .input(ZHoldInput)
    .output(ZReimbursementDetail)
    .mutation(({ ctx, input }) => service.holdCase({ ctx, input })),
  clearHold: procedure('reimbursements.intake')
    .input(ZClearHoldInput)
    .output(ZReimbursementDetail)
    .mutation(({ ctx, input }) => service.clearHold({ ctx, input })),
  uploadAttachment: procedure('reimbursements.intake')
    .input(ZAttachmentUpload)
    .output(ZAttachmentStored)
    .mutation(({ ctx, input }) => service.uploadAttachment({ ctx, input })),
  board: procedure('reimbursements.board')
    .input(ZBoardInput)
    .output(ZReimbursementBoard)
    .query(({ ctx, input }) => service.getReimbursementBoard({ ctx, input })),
});
