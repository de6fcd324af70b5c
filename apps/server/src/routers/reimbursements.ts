import {
  ZAdvanceDeclarationInput,
  ZAdvanceListInput,
  ZAdvancePaymentInput,
  ZAttachmentUpload,
  ZBoardInput,
  ZClearHoldInput,
  ZHoldInput,
  ZListReimbursementsInput,
  ZPayInput,
  ZReceiveMaterialsInput,
  ZReimbursementIntake,
  ZReturnCaseInput,
  ZStepInput,
} from '@portal/rules';
import * as advances from '../services/advances/index.js';
import * as service from '../services/reimbursements/index.js';
import { ZGetReimbursementInput } from '../services/reimbursements/index.js';
import { authedProcedure, roleProcedure, router } from '../trpc.js';

const staff = () => roleProcedure('clerk', 'reviewer');

export const reimbursementsRouter = router({
  create: staff()
    .input(ZReimbursementIntake)
    .mutation(({ ctx, input }) => service.createReimbursement({ ctx, input })),
  get: authedProcedure.input(ZGetReimbursementInput).query(({ ctx, input }) => service.getReimbursement({ ctx, input })),
  list: authedProcedure.input(ZListReimbursementsInput).query(({ ctx, input }) => service.listReimbursements({ ctx, input })),
  receiveMaterials: staff()
    .input(ZReceiveMaterialsInput)
    .mutation(({ ctx, input }) => service.receiveMaterials({ ctx, input })),
  register: roleProcedure('clerk')
    .input(ZStepInput)
    .mutation(({ ctx, input }) => service.registerCase({ ctx, input })),
  investigate: roleProcedure('clerk')
    .input(ZStepInput)
    .mutation(({ ctx, input }) => service.investigateCase({ ctx, input })),
  firstReview: roleProcedure('clerk')
    .input(ZStepInput)
    .mutation(({ ctx, input }) => service.firstReviewCase({ ctx, input })),
  secondReview: roleProcedure('reviewer')
    .input(ZStepInput)
    .mutation(({ ctx, input }) => service.secondReviewCase({ ctx, input })),
  pay: staff()
    .input(ZPayInput)
    .mutation(({ ctx, input }) => service.payCase({ ctx, input })),
  returnCase: staff()
    .input(ZReturnCaseInput)
    .mutation(({ ctx, input }) => service.returnCase({ ctx, input })),
  hold: staff()
    .input(ZHoldInput)
    .mutation(({ ctx, input }) => service.holdCase({ ctx, input })),
  clearHold: staff()
    .input(ZClearHoldInput)
    .mutation(({ ctx, input }) => service.clearHold({ ctx, input })),
  uploadAttachment: staff()
    .input(ZAttachmentUpload)
    .mutation(({ ctx, input }) => service.uploadAttachment({ ctx, input })),
  board: roleProcedure('supervisor', 'reviewer', 'clerk')
    .input(ZBoardInput)
    .query(({ ctx, input }) => service.getReimbursementBoard({ ctx, input })),
  advances: router({
    list: authedProcedure.input(ZAdvanceListInput).query(({ ctx, input }) => advances.listAdvanceDeclarations({ ctx, input })),
    create: staff()
      .input(ZAdvanceDeclarationInput)
      .mutation(({ ctx, input }) => advances.createAdvanceDeclaration({ ctx, input })),
    pay: staff()
      .input(ZAdvancePaymentInput)
      .mutation(({ ctx, input }) => advances.payAdvanceDeclaration({ ctx, input })),
  }),
});
