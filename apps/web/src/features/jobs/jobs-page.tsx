import { Anchor, Select, Stack, Text, Title } from '@mantine/core';
import { JOB_KIND_LABELS } from '@portal/rules';
import type { RouterOutputs } from '@portal/server/router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { DataTable, type ColumnDef } from '../../components/data-table';
import { formatDateTime } from '../../lib/dates';
import { useTRPC } from '../../lib/trpc';
import { useCursorPager, useUrlFilters } from '../../lib/use-url-filters';
import { JobProgressBar, jobDuration } from './job-progress';

type Job = RouterOutputs['jobs']['list']['items'][number];

const PAGE_SIZE = 50;
const KIND_OPTIONS = Object.entries(JOB_KIND_LABELS).map(([value, label]) => ({ value, label }));

const COLUMNS: ColumnDef<Job, never>[] = [
  { id: 'createdAt', header: '发起时间', cell: ({ row }) => formatDateTime(row.original.createdAt), meta: { width: 170 } },
  { id: 'kind', header: '任务', cell: ({ row }) => row.original.kindLabel },
  { id: 'owner', header: '发起人', cell: ({ row }) => row.original.ownerName ?? '定时任务' },
  { id: 'progress', header: '状态与进度', cell: ({ row }) => <JobProgressBar job={row.original} />, meta: { width: 250 } },
  { id: 'duration', header: '用时', cell: ({ row }) => jobDuration(row.original), meta: { width: 110 } },
  {
    id: 'result',
    header: '结果 / 错误',
    cell: ({ row: { original: j } }) =>
      j.errorZh ? (
        <Text size="xs" c={j.status === 'failed' ? 'red' : 'orange'}>
          {j.errorZh}
        </Text>
      ) : j.resultLink && j.status === 'succeeded' ? (
        <Anchor component={Link} to={j.resultLink} size="sm">
          查看结果
        </Anchor>
      ) : (
        '—'
      ),
  },
];

/** 批处理任务: jobs of the caller's region, newest first by cursor; refreshed while any is open. */
export function JobsPage() {
  const trpc = useTRPC();
  const pager = useCursorPager();
  const [f, setFilters] = useUrlFilters({ kind: '' });
  const list = useQuery({
    ...trpc.jobs.list.queryOptions({ kind: f.kind || undefined, cursor: pager.cursor ?? undefined, limit: PAGE_SIZE }),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.items.some((j) => j.status === 'queued' || j.status === 'running') ? 2000 : false),
  });
  return (
    <Stack>
      <Title order={3}>批处理任务</Title>
      <Select
        label="任务类型"
        placeholder="全部"
        data={KIND_OPTIONS}
        value={f.kind || null}
        onChange={(v) => {
          setFilters({ kind: v ?? '' });
          pager.goFirst();
        }}
        clearable
        w={220}
      />
      <DataTable
        columns={COLUMNS}
        rows={list.data?.items}
        getRowId={(j) => j.id}
        query={list}
        empty="暂无批处理任务"
        paging={{ mode: 'cursor', pager, nextCursor: list.data?.nextCursor }}
        rowAttributes={(j) => ({ 'data-testid': 'job-row', 'data-status': j.status })}
      />
      <Text size="xs" c="dimmed">
        任务在服务器后台执行，重启后自动继续或重试；重试用完仍未完成的任务标记为失败，且不写入任何结果。
      </Text>
    </Stack>
  );
}
