import { Anchor, Button, Group, Paper, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { can, ZListReimbursementsInput } from '@portal/rules';
import type { RouterOutputs } from '@portal/server/router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../app/use-me';
import { DataTable, type ColumnDef } from '../../components/data-table';
import { formatDate } from '../../lib/dates';
import { formatYuan } from '../../lib/money';
import { useTRPC } from '../../lib/trpc';
import { useCursorPager, useUrlFilters } from '../../lib/use-url-filters';
import { ClockBadge, DueText } from './clock-badge';

type Case = RouterOutputs['reimbursements']['list']['items'][number];

const PAGE_SIZE = 50;

const FILTERS = [
  { value: 'open', label: '办理中' },
  { value: 'awaiting_documents', label: '待补材料' },
  { value: 'payment', label: '待支付' },
  { value: 'paid', label: '已支付' },
  { value: 'all', label: '全部' },
];

const COLUMNS: ColumnDef<Case, never>[] = [
  {
    id: 'caseNo',
    header: '案件号',
    cell: ({ row: { original: c } }) => (
      <Anchor component={Link} to={`/reimbursements/${c.id}`} size="sm">
        {c.caseNo}
      </Anchor>
    ),
  },
  {
    id: 'person',
    header: '参保人',
    cell: ({ row: { original: c } }) => (
      <>
        {c.personName}
        <Text size="xs" c="dimmed">
          {c.idNumberMasked}
        </Text>
      </>
    ),
  },
  { id: 'hospital', header: '就诊医院', accessorKey: 'hospitalName' },
  { id: 'kind', header: '类型', cell: ({ row }) => (row.original.kind === 'non_networked' ? '非联网' : '州外联网') },
  { id: 'status', header: '状态', accessorKey: 'statusLabel' },
  { id: 'receivedOn', header: '受理日期', cell: ({ row }) => formatDate(row.original.receivedOn) },
  { id: 'due', header: '应办结日期', cell: ({ row }) => <DueText clock={row.original.clock} /> },
  {
    id: 'clock',
    header: '已用 / 剩余工作日',
    cell: ({ row: { original: c } }) => (
      <Group gap={6} wrap="nowrap">
        {c.clock.started && !c.clock.error && (
          <Text size="sm">
            {c.clock.used} / {c.clock.left}
          </Text>
        )}
        <ClockBadge clock={c.clock} status={c.status} />
      </Group>
    ),
  },
  {
    id: 'payable',
    header: '应付（元）',
    cell: ({ row }) => (row.original.payable === null ? '—' : formatYuan(row.original.payable)),
    meta: { numeric: true },
  },
];

/** The clerk's work queue, a page at a time: earliest clock start first; amber ≤ 5 days, red overdue. */
export function ReimbursementListPage() {
  const trpc = useTRPC();
  const me = useMe().data;
  const [f, setFilters] = useUrlFilters({ status: 'open', q: '' });
  const pager = useCursorPager();
  const [q, setQ] = useState(f.q);
  const setQuery = useDebouncedCallback((text: string) => setFilters({ q: text.trim() }, { replace: true }), 250);
  const status = ZListReimbursementsInput.shape.status.safeParse(f.status).data ?? 'open';
  const list = useQuery({
    ...trpc.reimbursements.list.queryOptions({ status, q: f.q || undefined, cursor: pager.cursor ?? undefined, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>零星报销</Title>
        <Group>
          <Button variant="default" component={Link} to="/reimbursements/board">
            办结时限看板
          </Button>
          <Button variant="default" component={Link} to="/reimbursements/advances">
            医院垫付资金结算
          </Button>
          {me && can(me.role, 'reimbursements.intake') && (
            <Button component={Link} to="/reimbursements/new">
              受理报销
            </Button>
          )}
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        材料齐全之日起 25 个工作日内办结支付（000 §二(五)3）；特殊病案、疑问病案暂停计时。剩余 5 个工作日及以内标橙色，超期标红色。
      </Text>
      <Paper withBorder p="sm">
        <Group align="flex-end">
          <SegmentedControl data={FILTERS} value={status} onChange={(v) => setFilters({ status: v })} />
          <TextInput
            placeholder="姓名、案件号或身份证号后几位"
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setQuery(e.currentTarget.value);
            }}
            w={260}
            aria-label="查找案件"
          />
        </Group>
      </Paper>
      <DataTable
        columns={COLUMNS}
        rows={list.data?.items}
        getRowId={(c) => c.id}
        query={list}
        empty="没有符合条件的报销案件"
        minWidth={1000}
        rowHref={(c) => `/reimbursements/${c.id}`}
        rowAttributes={() => ({ 'data-testid': 'case-row' })}
        paging={{ mode: 'cursor', pager, nextCursor: list.data?.nextCursor, count: list.data?.count }}
      />
    </Stack>
  );
}
