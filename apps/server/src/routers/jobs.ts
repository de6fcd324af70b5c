import { ZGetJobInput, ZJobPage, ZJobSummary, ZListJobsInput } from '@portal/rules';
import * as service from '../services/jobs/index.js';
import { procedure, router } from '../trpc.js';

/** Batch jobs (decision 0016): each kind is started by its own module's procedure; here they are followed. */
export const jobsRouter = router({
  list: procedure('jobs.read')
    .input(ZListJobsInput)
    .output(ZJobPage)
    .query(({ ctx, input }) => service.listJobs({ ctx, input })),
  get: procedure('jobs.read')
    .input(ZGetJobInput)
    .output(ZJobSummary)
    .query(({ ctx, input }) => service.getJob({ ctx, input })),
});
