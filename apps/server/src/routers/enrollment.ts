import { ZEnrollmentRecord, ZEnrollmentRecordInput, ZEnrollmentWorklist, ZRecordRef, ZResolveEnrollmentInput } from '@portal/rules';
import * as enrollment from '../services/enrollment/index.js';
import { procedure, router } from '../trpc.js';

export const enrollmentRouter = router({
  record: procedure('enrollment.write')
    .input(ZEnrollmentRecordInput)
    .output(ZEnrollmentRecord)
    .mutation(({ ctx, input }) => enrollment.recordEnrollment({ ctx, input })),
  worklist: procedure('enrollment.read')
    .input(enrollment.ZWorklistInput)
    .output(ZEnrollmentWorklist)
    .query(({ ctx, input }) => enrollment.listEnrollmentWorklist({ ctx, input })),
  resolve: procedure('enrollment.write')
    .input(ZResolveEnrollmentInput)
    .output(ZRecordRef)
    .mutation(({ ctx, input }) => enrollment.resolveEnrollment({ ctx, input })),
});
