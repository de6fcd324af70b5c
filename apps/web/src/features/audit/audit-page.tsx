import { Code, Stack, Text, Title } from '@mantine/core';
import type { RouterOutputs } from '@portal/server/router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DataTable, type ColumnDef } from '../../components/data-table';
import { formatDateTime } from '../../lib/dates';
import { useTRPC } from '../../lib/trpc';
import { useUrlFilters } from '../../lib/use-url-filters';

type Entry = RouterOutputs['audit']['list']['items'][number];

const PAGE_SIZE = 50;
const ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.logout': '退出登录',
  'user.create': '新增用户',
  'user.update': '修改用户',
  'user.reset_password': '重置密码',
  'user.change_password': '修改密码',
  'org_unit.create': '新增机构',
  'org_unit.update': '修改机构',
};

const COLUMNS: ColumnDef<Entry, never>[] = [
  { id: 'at', header: '时间', cell: ({ row }) => formatDateTime(row.original.at), meta: { width: 170 } },
  { id: 'user', header: '操作人', cell: ({ row }) => row.original.username ?? '—' },
  { id: 'action', header: '操作', cell: ({ row }) => ACTION_LABELS[row.original.action] ?? row.original.action },
  {
    id: 'entity',
    header: '对象',
    cell: ({ row: { original: a } }) => (
      <Text size="xs" c="dimmed">
        {a.entity} {a.entityId?.slice(0, 8)}
      </Text>
    ),
  },
  {
    id: 'change',
    header: '变更内容',
    cell: ({ row: { original: a } }) =>
      a.after || a.before ? (
        <Code block fz="xs" mah={80} style={{ overflow: 'auto' }}>
          {JSON.stringify(a.after ?? a.before)}
        </Code>
      ) : null,
  },
];

export function AuditPage() {
  const trpc = useTRPC();
  const [f, setFilters] = useUrlFilters({ page: 1 });
  const audit = useQuery({ ...trpc.audit.list.queryOptions({ page: f.page, pageSize: PAGE_SIZE }), placeholderData: keepPreviousData });
  return (
    <Stack>
      <Title order={3}>操作日志</Title>
      <DataTable
        columns={COLUMNS}
        rows={audit.data?.items}
        getRowId={(a) => a.id}
        query={audit}
        empty="暂无操作记录"
        paging={{
          mode: 'pages',
          page: f.page,
          pageSize: PAGE_SIZE,
          total: audit.data?.total ?? 0,
          onPageChange: (page) => setFilters({ page }),
        }}
      />
    </Stack>
  );
}
