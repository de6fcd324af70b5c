import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { QueryState } from '../../components/query-state';
import { useTRPC } from '../../lib/trpc';

export function AuditPage() {
  const trpc = useTRPC();
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const audit = useQuery({ ...trpc.audit.list.queryOptions({ cursor, limit: 50 }), placeholderData: keepPreviousData });
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
                    <Table.Td>{a.actionLabel}</Table.Td>
                    <Table.Td>
                      <Text size="xs">{a.entityLabel}</Text>
                      {a.unitName && (
                        <Text size="xs" c="dimmed">
                          {a.unitName}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {a.changes.map((c) => (
                        <Text key={c.field} size="xs">
                          {c.label}：{c.before === '—' ? '' : `${c.before} → `}
                          {c.after}
                        </Text>
                      ))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Group justify="flex-end" p="sm">
              <Button variant="default" size="xs" disabled={!cursor} onClick={() => setCursor(undefined)}>
                回到最新
              </Button>
              <Button
                variant="default"
                size="xs"
                disabled={!audit.data?.nextCursor}
                onClick={() => setCursor(audit.data?.nextCursor ?? undefined)}
              >
                更早的记录
              </Button>
            </Group>
          </Paper>
        )}
      </QueryState>
    </Stack>
  );
}
