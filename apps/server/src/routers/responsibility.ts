import {
  ZArchiveTemplateInput,
  ZCreateTemplateInput,
  ZOpenRoundInput,
  ZReturnInput,
  ZSaveDraftInput,
  ZSearchResponsibleInput,
  ZSubmitInput,
  ZUpdateTemplateInput,
} from '@portal/rules';
import * as responsibility from '../services/responsibility/index.js';
import { procedure, router } from '../trpc.js';

/** 责任分工表: templates, reporting rounds, filling in, supervision, search. */
export const responsibilityRouter = router({
  listTemplates: procedure('responsibility.read').query(({ ctx }) => responsibility.listTemplates({ ctx })),
  createTemplate: procedure('responsibility.templates')
    .input(ZCreateTemplateInput)
    .mutation(({ ctx, input }) => responsibility.createTemplate({ ctx, input })),
  updateTemplate: procedure('responsibility.templates')
    .input(ZUpdateTemplateInput)
    .mutation(({ ctx, input }) => responsibility.updateTemplate({ ctx, input })),
  archiveTemplate: procedure('responsibility.templates')
    .input(ZArchiveTemplateInput)
    .mutation(({ ctx, input }) => responsibility.archiveTemplate({ ctx, input })),

  openRound: procedure('responsibility.openRound')
    .input(ZOpenRoundInput)
    .mutation(({ ctx, input }) => responsibility.openRound({ ctx, input })),
  listRounds: procedure('responsibility.read').query(({ ctx }) => responsibility.listRounds({ ctx })),
  getRound: procedure('responsibility.supervise')
    .input(responsibility.ZGetRoundInput)
    .query(({ ctx, input }) => responsibility.getRoundSupervision({ ctx, input })),
  rollup: procedure('responsibility.supervise')
    .input(responsibility.ZGetRoundInput)
    .query(({ ctx, input }) => responsibility.getRoundRollup({ ctx, input })),

  getSubmission: procedure('responsibility.read')
    .input(responsibility.ZSubmissionIdInput)
    .query(({ ctx, input }) => responsibility.getSubmission({ ctx, input })),
  printable: procedure('responsibility.read')
    .input(responsibility.ZSubmissionIdInput)
    .query(({ ctx, input }) => responsibility.loadPrintableTable({ ctx, input })),
  saveDraft: procedure('responsibility.fill')
    .input(ZSaveDraftInput)
    .mutation(({ ctx, input }) => responsibility.saveDraft({ ctx, input })),
  submit: procedure('responsibility.fill')
    .input(ZSubmitInput)
    .mutation(({ ctx, input }) => responsibility.submitTable({ ctx, input })),
  returnSubmission: procedure('responsibility.return')
    .input(ZReturnInput)
    .mutation(({ ctx, input }) => responsibility.returnTable({ ctx, input })),
  diff: procedure('responsibility.read')
    .input(responsibility.ZDiffInput)
    .query(({ ctx, input }) => responsibility.diffSubmissionVersions({ ctx, input })),

  search: procedure('responsibility.read')
    .input(ZSearchResponsibleInput)
    .query(({ ctx, input }) => responsibility.searchResponsible({ ctx, input })),
});
