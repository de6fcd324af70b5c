import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { can } from '@portal/rules';
import type { RouterOutputs } from '@portal/server/router';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useMe } from '../../app/use-me';
import { DataTable, type ColumnDef } from '../../components/data-table';
import { formatDate } from '../../lib/dates';
import { useTRPC } from '../../lib/trpc';
import { StatusCell } from './shared';

type Round = RouterOutputs['responsibility']['listRounds'][number];

const COLUMNS: ColumnDef<Round, never>[] = [
  {
    id: 'title',
    header: '填报任务',
    cell: ({ row }) => (
      <Text size="sm" fw={600}>
        {row.original.title}
      </Text>
    ),
  },
  { id: 'opener', header: '发起单位', accessorKey: 'openerName', meta: { width: 110 } },
  { id: 'template', header: '模板', accessorKey: 'templateName' },
  {
    id: 'dueDate',
    header: '截止日期',
    cell: ({ row }) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(row.original.dueDate)}</span>,
  },
  {
    id: 'progress',
    header: '进度 / 本单位状态',
    meta: { width: 280 },
    cell: ({ row: { original: r } }) => (
      <>
        {r.counts && (
          <Text size="sm">
            已报送 {r.counts.submitted}/{r.counts.total}
            {r.counts.overdue > 0 && (
              <Text span c="red" fw={600}>
                {' '}
                · 逾期 {r.counts.overdue}
              </Text>
            )}
            {r.counts.returned > 0 && <Text span c="orange">{` · 退回 ${r.counts.returned}`}</Text>}
          </Text>
        )}
        {r.ownSubmission && <StatusCell s={r.ownSubmission} />}
      </>
    ),
  },
  {
    id: 'actions',
    header: '',
    cell: ({ row: { original: r } }) => (
      <Group gap="xs" justify="flex-end" wrap="nowrap">
        {r.ownSubmission && (
          <Button size="xs" component={Link} to={`/responsibility/submissions/${r.ownSubmission.id}`} aria-label={`填报 ${r.title}`}>
            {r.ownSubmission.stage === 'submitted' ? '查看本单位表' : '填报'}
          </Button>
        )}
        {r.canSupervise && (
          <Anchor component={Link} to={`/responsibility/rounds/${r.id}`} size="sm" aria-label={`督办 ${r.title}`}>
            督办
          </Anchor>
        )}
      </Group>
    ),
  },
];

/** 责任分工表: the rounds the user opened or has to report in. */
export function RoundsPage() {
  const trpc = useTRPC();
  const me = useMe().data;
  const rounds = useQuery(trpc.responsibility.listRounds.queryOptions());
  const canOpen = !!me && can(me.role, 'responsibility.openRound') && (me.orgLevel === 'province' || me.orgLevel === 'city');
  return (
    <Stack>
      <Group justify="space-between">
        <div>
          <Title order={3}>责任分工表</Title>
          <Text size="sm" c="dimmed">
            医疗保障扶贫责任分工表的发起、填报、报送与汇总（辽医保〔2019〕8号附件2 等）
          </Text>
        </div>
        <Group gap="xs">
          <Button variant="default" component={Link} to="/responsibility/search">
            责任人查询
          </Button>
          <Button variant="default" component={Link} to="/responsibility/templates">
            模板
          </Button>
          {canOpen && (
            <Button component={Link} to="/responsibility/rounds/new">
              发起填报
            </Button>
          )}
        </Group>
      </Group>
      <DataTable
        columns={COLUMNS}
        rows={rounds.data}
        getRowId={(r) => r.id}
        query={rounds}
        tableProps={{ verticalSpacing: 'sm' }}
        empty={canOpen ? '还没有填报任务。点击“发起填报”，选择模板、截止日期和填报单位。' : '目前没有需要本单位填报的责任分工表。'}
      />
      {me && can(me.role, 'responsibility.fill') && (
        <Alert variant="light" color="blue">
          填好后先“保存草稿”，打印加盖公章后，在“报送”时确认盖章并填写确认人。上级退回的表按意见修改后重新报送，每一版都会保留。
        </Alert>
      )}
    </Stack>
  );
}
