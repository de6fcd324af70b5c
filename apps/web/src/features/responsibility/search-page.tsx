import { Anchor, Badge, Breadcrumbs, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryState } from '../../components/query-state';
import { useTRPC } from '../../lib/trpc';
import { cnDateTime } from './shared';

/** "Who is responsible for X in Y?" over the latest submitted tables in the user's scope. */
export function SearchPage() {
  const trpc = useTRPC();
  const [q, setQ] = useState('');
  const [unit, setUnit] = useState<string | null>(null);
  const [query, setQuery] = useState<{ q: string; orgUnitId?: string }>({ q: '' });
  const units = useQuery(trpc.admin.listOrgUnits.queryOptions());
  const result = useQuery({ ...trpc.responsibility.search.queryOptions(query), placeholderData: keepPreviousData });
  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/responsibility">
          责任分工表
        </Anchor>
        <Text>责任人查询</Text>
      </Breadcrumbs>
      <Title order={3}>责任人查询</Title>
      <Text size="sm" c="dimmed">
        在各单位最近一次报送的责任分工表中查找：某项工作在某地由谁负责。
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setQuery({ q: q.trim(), ...(unit ? { orgUnitId: unit } : {}) });
        }}
      >
        <Group align="flex-end">
          <TextInput
            label="责任 / 姓名 / 职务"
            placeholder="如：一站式、大排查、台账"
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            w={260}
          />
          <Select
            label="地区"
            placeholder="全部"
            clearable
            searchable
            data={(units.data ?? []).map((u) => ({ value: u.id, label: `${'　'.repeat(Math.max(0, u.depth - 1))}${u.name}` }))}
            value={unit}
            onChange={setUnit}
            w={240}
            nothingFoundMessage="没有匹配的地区"
          />
          <Button type="submit">查询</Button>
        </Group>
      </form>
      <QueryState query={result}>
        {() => (
          <Paper withBorder>
            <Table striped verticalSpacing="xs" aria-label="查询结果">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>地区</Table.Th>
                  <Table.Th>责任分工</Table.Th>
                  <Table.Th>姓名</Table.Th>
                  <Table.Th>单位及部门</Table.Th>
                  <Table.Th>职务</Table.Th>
                  <Table.Th>联系电话</Table.Th>
                  <Table.Th>来源</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.data?.items.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={7}>
                      <Text c="dimmed" ta="center" py="md">
                        没有找到已报送的责任人
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {result.data?.items.map((h, n) => (
                  <Table.Tr key={n}>
                    <Table.Td>{h.unitName}</Table.Td>
                    <Table.Td>{h.responsibility}</Table.Td>
                    <Table.Td fw={600}>{h.name}</Table.Td>
                    <Table.Td>{h.unitAndDepartment}</Table.Td>
                    <Table.Td>{h.post}</Table.Td>
                    <Table.Td ff="monospace">{h.phone}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/responsibility/submissions/${h.submissionId}`} size="xs">
                        {h.roundTitle} 第 {h.version} 版
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {cnDateTime(h.submittedAt)}
                      </Text>
                      {h.isReturned && (
                        <Badge size="xs" color="orange">
                          已退回修改中
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {result.data && result.data.total > result.data.items.length && (
              <Text size="xs" c="dimmed" p="xs">
                共 {result.data.total} 条，仅显示前 {result.data.items.length} 条，请缩小范围
              </Text>
            )}
          </Paper>
        )}
      </QueryState>
    </Stack>
  );
}
