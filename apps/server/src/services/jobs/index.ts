import { and, eq, jobs, users } from '@portal/db';
import { JOB_KIND_LABELS, type TJobSummary, type ZGetJobInput, type ZListJobsInput } from '@portal/rules';
import type { z } from 'zod';
import { assertInUserRegion, notFound, paginate, timestampKey, underRegion, type ActorContext, type Page } from '../../core/index.js';

export { createJobQueue, pgliteBossAdapter, type JobHandler, type JobQueue, type JobRun } from './queue.js';

const columns = {
  id: jobs.id,
  kind: jobs.kind,
  status: jobs.status,
  regionPath: jobs.regionPath,
  ownerName: users.displayName,
  progressDone: jobs.progressDone,
  progressTotal: jobs.progressTotal,
  attempts: jobs.attempts,
  resultLink: jobs.resultLink,
  errorZh: jobs.errorZh,
  createdAt: jobs.createdAt,
  createdKey: timestampKey(jobs.createdAt),
  startedAt: jobs.startedAt,
  finishedAt: jobs.finishedAt,
};

type JobRow = Omit<TJobSummary, 'kindLabel' | 'createdAt' | 'startedAt' | 'finishedAt'> & {
  regionPath: string;
  createdKey: string;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};

function summary(row: JobRow): TJobSummary {
  const { regionPath: _r, createdKey: _k, ...rest } = row;
  return {
    ...rest,
    kindLabel: JOB_KIND_LABELS[row.kind] ?? row.kind,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** Jobs of the caller's region and below, newest first, keyset-paginated (jobs_region_created_idx). */
export async function listJobs({ ctx, input }: { ctx: ActorContext; input: z.infer<typeof ZListJobsInput> }): Promise<Page<TJobSummary>> {
  const page = await paginate({
    cursor: input.cursor,
    limit: input.limit,
    keys: [jobs.createdAt, jobs.id],
    direction: 'desc',
    query: (after, limit, orderBy) =>
      ctx.db
        .select(columns)
        .from(jobs)
        .leftJoin(users, eq(users.id, jobs.ownerId))
        .where(and(underRegion(ctx.actor.regionPath, jobs.regionPath), input.kind ? eq(jobs.kind, input.kind) : undefined, after))
        .orderBy(...orderBy)
        .limit(limit),
    keyOf: (row) => [row.createdKey, row.id],
  });
  return { items: page.items.map(summary), nextCursor: page.nextCursor };
}

/** One job, for the page that started it to follow its progress. */
export async function getJob({ ctx, input }: { ctx: ActorContext; input: z.infer<typeof ZGetJobInput> }): Promise<TJobSummary> {
  const [row] = await ctx.db.select(columns).from(jobs).leftJoin(users, eq(users.id, jobs.ownerId)).where(eq(jobs.id, input.id));
  if (!row) throw notFound('任务不存在');
  assertInUserRegion(ctx.actor, row.regionPath, '该任务');
  return summary(row);
}
