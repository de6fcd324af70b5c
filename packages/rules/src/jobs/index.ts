import { z } from 'zod';

/** Kinds of batch job (decision 0016) and how the job list names them. */
export const JOB_KIND_LABELS: Record<string, string> = {
  demo: '演示任务',
  list_compare: '信息比对',
  illness_warning: '因病返贫致贫预警',
};

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type TJobStatus = (typeof JOB_STATUSES)[number];
export const JOB_STATUS_LABELS: Record<TJobStatus, string> = {
  queued: '排队中',
  running: '执行中',
  succeeded: '已完成',
  failed: '失败',
};

export const ZJobSummary = z.object({
  id: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  status: z.enum(JOB_STATUSES),
  /** Who started it; null for a scheduled run. */
  ownerName: z.string().nullable(),
  progressDone: z.number(),
  progressTotal: z.number(),
  attempts: z.number(),
  resultLink: z.string().nullable(),
  errorZh: z.string().nullable(),
  /** ISO timestamps. */
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type TJobSummary = z.infer<typeof ZJobSummary>;

export const ZJobPage = z.object({ items: z.array(ZJobSummary), nextCursor: z.string().nullable() });
export const ZListJobsInput = z.object({
  cursor: z.string().max(500).nullish(),
  limit: z.number().int().min(1).max(100).default(50),
  kind: z.string().max(40).optional(),
});
export const ZGetJobInput = z.object({ id: z.uuid() });
