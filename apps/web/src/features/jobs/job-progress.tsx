import { Alert, Anchor, Group, Progress, Stack, Text } from '@mantine/core';
import { JOB_STATUS_LABELS } from '@portal/rules';
import type { RouterOutputs } from '@portal/server/router';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTRPC } from '../../lib/trpc';

export type JobSummary = RouterOutputs['jobs']['get'];

const STATUS_COLORS: Record<JobSummary['status'], string> = {
  queued: 'gray',
  running: 'blue',
  succeeded: 'teal',
  failed: 'red',
};

/** Percent done (0 while the total is not known yet; 100 once finished). */
export function jobPercent(job: Pick<JobSummary, 'status' | 'progressDone' | 'progressTotal'>): number {
  if (job.status === 'succeeded') return 100;
  if (job.progressTotal <= 0) return 0;
  return Math.min(100, Math.round((job.progressDone / job.progressTotal) * 100));
}

/** How long a job ran (or has been running), in Chinese. */
export function jobDuration(job: Pick<JobSummary, 'startedAt' | 'finishedAt'>, now = new Date()): string {
  if (!job.startedAt) return '—';
  const seconds = Math.max(0, Math.round((new Date(job.finishedAt ?? now).getTime() - new Date(job.startedAt).getTime()) / 1000));
  if (seconds < 60) return `${seconds} 秒`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes} 分 ${seconds % 60} 秒` : `${Math.floor(minutes / 60)} 小时 ${minutes % 60} 分`;
}

/** A job's progress bar with its status label, colored by status. */
export function JobProgressBar({ job }: { job: JobSummary }) {
  const percent = jobPercent(job);
  return (
    <Group gap="xs" wrap="nowrap" data-testid="job-progress" data-status={job.status}>
      <Progress
        value={percent}
        color={STATUS_COLORS[job.status]}
        animated={job.status === 'running'}
        w={140}
        aria-label={`进度 ${percent}%`}
      />
      <Text size="xs" c="dimmed" miw={90}>
        {JOB_STATUS_LABELS[job.status]}
        {job.progressTotal > 0 && job.status !== 'succeeded' ? ` ${job.progressDone}/${job.progressTotal}` : ''}
      </Text>
    </Group>
  );
}

/**
 * For a page that started a job: polls the job every second until it has finished, shows its
 * progress, its error in Chinese or a link to its result, and calls `onFinished` once.
 */
export function JobFollower({ jobId, onFinished }: { jobId: string; onFinished?: (job: JobSummary) => void }) {
  const trpc = useTRPC();
  const job = useQuery({
    ...trpc.jobs.get.queryOptions({ id: jobId }),
    refetchInterval: (q) => (q.state.data && ['succeeded', 'failed'].includes(q.state.data.status) ? false : 1000),
    select: (data) => {
      if (['succeeded', 'failed'].includes(data.status)) onFinished?.(data);
      return data;
    },
  });
  if (job.error) return <Alert color="red">无法读取任务状态：{job.error.message}</Alert>;
  if (!job.data) return <Text size="sm">正在读取任务状态…</Text>;
  const j = job.data;
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <Text size="sm" fw={500}>
          {j.kindLabel}
        </Text>
        <JobProgressBar job={j} />
        <Text size="xs" c="dimmed">
          用时 {jobDuration(j)}
        </Text>
      </Group>
      {j.errorZh && (
        <Alert color={j.status === 'failed' ? 'red' : 'yellow'} title={j.status === 'failed' ? '任务失败' : '正在重试'}>
          {j.errorZh}
        </Alert>
      )}
      {j.status === 'succeeded' && j.resultLink && (
        <Anchor component={Link} to={j.resultLink} size="sm">
          查看结果
        </Anchor>
      )}
    </Stack>
  );
}
