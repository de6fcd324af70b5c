import { Code, Group, Pagination, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { QueryState } from '../../components/query-state';
import { useTRPC } from '../../lib/trpc';

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

export function AuditPage() {
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const audit = useQuery({ ...trpc.audit.list.queryOptions({ page, pageSize: 50 }), placeholderData: keepPreviousData });
  return (
    <Stack>
      <Title order={3}>操作日志</Title>
      <QueryState query={audit}>
        {() => (
          <Paper withBorder>
            <Table striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={170}>时间</Table.Th>
                  <Table.Th>操作人</Table.Th>
                  <Table.Th>操作</Table.Th>
                  <Table.Th>对象</Table.Th>
                  <Table.Th>变更内容</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {audit.data?.items.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={5}>
                      <Text c="dimmed" ta="center" py="md">
                        暂无操作记录
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {audit.data?.items.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>{dayjs(a.at).format('YYYY-MM-DD HH:mm:ss')}</Table.Td>
                    <Table.Td>{a.username ?? '—'}</Table.Td>
                    <Table.Td>{ACTION_LABELS[a.action] ?? a.action}</Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dimmed">
                        {a.entity} {a.entityId?.slice(0, 8)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {a.after || a.before ? (
                        <Code block fz="xs" mah={80} style={{ overflow: 'auto' }}>
                          {JSON.stringify(a.after ?? a.before)}
                        </Code>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Group justify="flex-end" p="sm">
              <Pagination total={Math.max(1, Math.ceil((audit.data?.total ?? 0) / 50))} value={page} onChange={setPage} size="sm" />
            </Group>
          </Paper>
        )}
      </QueryState>
    </Stack>
  );
}
