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
import { ZDiffInput, ZGetRoundInput, ZSubmissionIdInput } from '../services/responsibility/index.js';
import { authedProcedure, roleProcedure, router } from '../trpc.js';

const adminProcedure = roleProcedure('admin');
const supervisorProcedure = roleProcedure('supervisor');
const overseerProcedure = roleProcedure('supervisor', 'admin');
const clerkProcedure = roleProcedure('clerk');

/** 责任分工表: templates, reporting rounds, filling in, supervision, search. */
export const responsibilityRouter = router({
  listTemplates: authedProcedure.query(({ ctx }) => responsibility.listTemplates({ ctx })),
  createTemplate: adminProcedure.input(ZCreateTemplateInput).mutation(({ ctx, input }) => responsibility.createTemplate({ ctx, input })),
  updateTemplate: adminProcedure.input(ZUpdateTemplateInput).mutation(({ ctx, input }) => responsibility.updateTemplate({ ctx, input })),
  archiveTemplate: adminProcedure.input(ZArchiveTemplateInput).mutation(({ ctx, input }) => responsibility.archiveTemplate({ ctx, input })),

  openRound: supervisorProcedure.input(ZOpenRoundInput).mutation(({ ctx, input }) => responsibility.openRound({ ctx, input })),
  listRounds: authedProcedure.query(({ ctx }) => responsibility.listRounds({ ctx })),
  getRound: overseerProcedure.input(ZGetRoundInput).query(({ ctx, input }) => responsibility.getRoundSupervision({ ctx, input })),
  rollup: overseerProcedure.input(ZGetRoundInput).query(({ ctx, input }) => responsibility.getRoundRollup({ ctx, input })),

  getSubmission: authedProcedure.input(ZSubmissionIdInput).query(({ ctx, input }) => responsibility.getSubmission({ ctx, input })),
  printable: authedProcedure.input(ZSubmissionIdInput).query(({ ctx, input }) => responsibility.loadPrintableTable({ ctx, input })),
  saveDraft: clerkProcedure.input(ZSaveDraftInput).mutation(({ ctx, input }) => responsibility.saveDraft({ ctx, input })),
  submit: clerkProcedure.input(ZSubmitInput).mutation(({ ctx, input }) => responsibility.submitTable({ ctx, input })),
  returnSubmission: supervisorProcedure.input(ZReturnInput).mutation(({ ctx, input }) => responsibility.returnTable({ ctx, input })),
  diff: authedProcedure.input(ZDiffInput).query(({ ctx, input }) => responsibility.diffSubmissionVersions({ ctx, input })),

  search: authedProcedure.input(ZSearchResponsibleInput).query(({ ctx, input }) => responsibility.searchResponsible({ ctx, input })),
});
