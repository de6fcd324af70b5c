import { ZEnrollmentRecordInput, ZPremiumInput, ZResolveEnrollmentInput, ZSubsidyRunInput } from '@portal/rules';
import * as enrollment from '../services/enrollment/index.js';
import * as subsidies from '../services/subsidies/index.js';
import { authedProcedure, router } from '../trpc.js';

export const enrollmentRouter = router({
  record: authedProcedure.input(ZEnrollmentRecordInput).mutation(({ ctx, input }) => enrollment.recordEnrollment({ ctx, input })),
  worklist: authedProcedure.input(enrollment.ZWorklistInput).query(({ ctx, input }) => enrollment.listEnrollmentWorklist({ ctx, input })),
  resolve: authedProcedure.input(ZResolveEnrollmentInput).mutation(({ ctx, input }) => enrollment.resolveEnrollment({ ctx, input })),
});

export const subsidiesRouter = router({
  premiums: authedProcedure.query(({ ctx }) => subsidies.listPremiums({ ctx })),
  setPremium: authedProcedure.input(ZPremiumInput).mutation(({ ctx, input }) => subsidies.setPremium({ ctx, input })),
  run: authedProcedure.input(ZSubsidyRunInput).mutation(({ ctx, input }) => subsidies.runSubsidies({ ctx, input })),
  runs: authedProcedure.query(({ ctx }) => subsidies.listSubsidyRuns({ ctx })),
  getRun: authedProcedure.input(subsidies.ZGetSubsidyRunInput).query(({ ctx, input }) => subsidies.getSubsidyRun({ ctx, input })),
});
