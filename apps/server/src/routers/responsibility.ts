import {
  ZArchiveTemplateInput,
  ZCreateTemplateInput,
  ZDraftSaved,
  ZOpenRoundInput,
  ZPrintableTable,
  ZRecordRef,
  ZResponsibleSearch,
  ZReturnInput,
  ZRoundList,
  ZRoundRollup,
  ZRoundSupervision,
  ZSaveDraftInput,
  ZSearchResponsibleInput,
  ZSubmissionDetail,
  ZSubmitInput,
  ZTableSubmitted,
  ZTemplateList,
  ZTemplateView,
  ZUpdateTemplateInput,
  ZVersionDiffView,
} from '@portal/rules';
import * as responsibility from '../services/responsibility/index.js';
import { procedure, router } from '../trpc.js';

/** 责任分工表: templates, reporting rounds, filling in, supervision, search. */
export const responsibilityRouter = router({
  listTemplates: procedure('responsibility.read')
    .output(ZTemplateList)
    .query(({ ctx }) => responsibility.listTemplates({ ctx })),
  createTemplate: procedure('responsibility.templates')
    .input(ZCreateTemplateInput)
    .output(ZTemplateView)
    .mutation(({ ctx, input }) => responsibility.createTemplate({ ctx, input })),
  updateTemplate: procedure('responsibility.templates')
    .input(ZUpdateTemplateInput)
    .output(ZTemplateView)
    .mutation(({ ctx, input }) => responsibility.updateTemplate({ ctx, input })),
  archiveTemplate: procedure('responsibility.templates')
    .input(ZArchiveTemplateInput)
    .output(ZRecordRef)
    .mutation(({ ctx, input }) => responsibility.archiveTemplate({ ctx, input })),

  openRound: procedure('responsibility.openRound')
    .input(ZOpenRoundInput)
    .output(ZRecordRef)
    .mutation(({ ctx, input }) => responsibility.openRound({ ctx, input })),
  listRounds: procedure('responsibility.read')
    .output(ZRoundList)
    .query(({ ctx }) => responsibility.listRounds({ ctx })),
  getRound: procedure('responsibility.supervise')
    .input(responsibility.ZGetRoundInput)
    .output(ZRoundSupervision)
    .query(({ ctx, input }) => responsibility.getRoundSupervision({ ctx, input })),
  rollup: procedure('responsibility.supervise')
    .input(responsibility.ZGetRoundInput)
    .output(ZRoundRollup)
    .query(({ ctx, input }) => responsibility.getRoundRollup({ ctx, input })),

  getSubmission: procedure('responsibility.read')
    .input(responsibility.ZSubmissionIdInput)
    .output(ZSubmissionDetail)
    .query(({ ctx, input }) => responsibility.getSubmission({ ctx, input })),
  printable: procedure('responsibility.read')
    .input(responsibility.ZSubmissionIdInput)
    .output(ZPrintableTable)
    .query(({ ctx, input }) => responsibility.loadPrintableTable({ ctx, input })),
  saveDraft: procedure('responsibility.fill')
    .input(ZSaveDraftInput)
    .output(ZDraftSaved)
    .mutation(({ ctx, input }) => responsibility.saveDraft({ ctx, input })),
  submit: procedure('responsibility.fill')
    .input(ZSubmitInput)
    .output(ZTableSubmitted)
    .mutation(({ ctx, input }) => responsibility.submitTable({ ctx, input })),
  returnSubmission: procedure('responsibility.return')
    .input(ZReturnInput)
    .output(ZRecordRef)
    .mutation(({ ctx, input }) => responsibility.returnTable({ ctx, input })),
  diff: procedure('responsibility.read')
    .input(responsibility.ZDiffInput)
    .output(ZVersionDiffView)
    .query(({ ctx, input }) => responsibility.diffSubmissionVersions({ ctx, input })),

  search: procedure('responsibility.read')
    .input(ZSearchResponsibleInput)
    .output(ZResponsibleSearch)
    .query(({ ctx, input }) => responsibility.searchResponsible({ ctx, input })),
});
