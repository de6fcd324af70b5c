import { Alert, Anchor, Breadcrumbs, Button, CopyButton, Group, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import type { RouterOutputs } from '@portal/server/router';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { DataTable, type ColumnDef } from '../../components/data-table';
import { QueryState } from '../../components/query-state';
import { formatDate, formatDateTime } from '../../lib/dates';
import { useTRPC } from '../../lib/trpc';
import { exportUrls, StatusCell } from './shared';

type Unit = RouterOutputs['responsibility']['getRound']['units'][number];

const COLUMNS: ColumnDef<Unit, never>[] = [
  {
    id: 'unit',
    header: '填报单位',
    cell: ({ row: { original: u } }) => (
      <>
        <Text size="sm" fw={600}>
          {u.unitName}
        </Text>
        <Text size="xs" c="dimmed">
          {u.unitCode}
        </Text>
      </>
    ),
  },
  {
    id: 'status',
    header: '状态',
    cell: ({ row: { original: u } }) => (
      <>
        <StatusCell s={u} />
        {u.returnComment && (
          <Text size="xs" c="orange">
            退回意见：{u.returnComment}
          </Text>
        )}
      </>
    ),
  },
  { id: 'version', header: '版本', cell: ({ row }) => (row.original.currentVersion ? `第 ${row.original.currentVersion} 版` : '—') },
  { id: 'submittedAt', header: '最近报送', cell: ({ row }) => formatDateTime(row.original.submittedAt) },
  {
    id: 'updatedAt',
    header: '最近修改',
    cell: ({ row: { original: u } }) =>
      u.updatedAt ? `${formatDateTime(u.updatedAt)}${u.updatedByName ? ` · ${u.updatedByName}` : ''}` : '—',
  },
  {
    id: 'open',
    header: '',
    cell: ({ row: { original: u } }) => (
      <Anchor component={Link} to={`/responsibility/submissions/${u.submissionId}`} size="sm" aria-label={`查看 ${u.unitName}`}>
        查看
      </Anchor>
    ),
  },
];

function Stat({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" c={color}>
        {value}
      </Text>
    </Paper>
  );
}

/** Supervision of one round: every unit's status, the reminder list to copy, exports. */
export function RoundPage() {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const round = useQuery(trpc.responsibility.getRound.queryOptions({ id }));
  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/responsibility">
          责任分工表
        </Anchor>
        <Text>{round.data?.title ?? '填报任务'}</Text>
      </Breadcrumbs>
      <QueryState query={round}>
        {() => {
          const r = round.data!;
          return (
            <>
              <Group justify="space-between" align="flex-start">
                <div>
                  <Title order={3}>{r.title}</Title>
                  <Text size="sm" c="dimmed">
                    {r.openerName}发起 · 模板：{r.template.name} · 截止 {formatDate(r.dueDate)} · 今天 {formatDate(r.today)}
                  </Text>
                  {r.instructions && <Text size="sm">{r.instructions}</Text>}
                </div>
                <Group gap="xs">
                  <Button variant="default" component={Link} to={`/responsibility/rounds/${r.id}/rollup`}>
                    汇总视图
                  </Button>
                  <Button component="a" href={exportUrls.rollupXlsx(r.id)} download>
                    导出汇总（Excel）
                  </Button>
                </Group>
              </Group>
              <SimpleGrid cols={{ base: 2, sm: 5 }}>
                <Stat label="填报单位" value={r.counts.total} />
                <Stat label="已报送" value={r.counts.submitted} color="green" />
                <Stat label="草稿 / 未填报" value={r.counts.draft + r.counts.not_started} />
                <Stat label="已退回" value={r.counts.returned} color="orange" />
                <Stat label="逾期" value={r.counts.overdue} color="red" />
              </SimpleGrid>
              <DataTable
                columns={COLUMNS}
                rows={r.units}
                getRowId={(u) => u.submissionId}
                empty="本次填报没有填报单位"
                unit="个单位"
                tableProps={{ verticalSpacing: 'sm', 'aria-label': '填报情况' }}
                rowAttributes={(u) => ({ 'data-unit': u.unitName })}
              />
              <Title order={4}>催报提醒</Title>
              {r.reminder ? (
                <Paper withBorder p="md">
                  <Stack gap="xs">
                    <Textarea value={r.reminder} readOnly autosize minRows={3} aria-label="催报提醒内容" />
                    <Group justify="flex-end">
                      <CopyButton value={r.reminder}>
                        {({ copied, copy }) => (
                          <Button color={copied ? 'teal' : 'blue'} variant="light" onClick={copy}>
                            {copied ? '已复制' : '复制催报提醒'}
                          </Button>
                        )}
                      </CopyButton>
                    </Group>
                  </Stack>
                </Paper>
              ) : (
                <Alert color="green" variant="light">
                  所有填报单位均已报送。
                </Alert>
              )}
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}
