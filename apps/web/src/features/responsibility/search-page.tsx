import { Anchor, Badge, Breadcrumbs, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import type { RouterOutputs } from '@portal/server/router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { DataTable, type ColumnDef } from '../../components/data-table';
import { OrgUnitSelect } from '../../components/org-unit-select';
import { formatDateTime } from '../../lib/dates';
import { useTRPC } from '../../lib/trpc';
import { useUrlFilters } from '../../lib/use-url-filters';

type Hit = RouterOutputs['responsibility']['search']['items'][number];

const COLUMNS: ColumnDef<Hit, never>[] = [
  { id: 'unit', header: '地区', accessorKey: 'unitName' },
  { id: 'responsibility', header: '责任分工', accessorKey: 'responsibility' },
  {
    id: 'name',
    header: '姓名',
    cell: ({ row }) => (
      <Text size="sm" fw={600}>
        {row.original.name}
      </Text>
    ),
  },
  { id: 'department', header: '单位及部门', accessorKey: 'unitAndDepartment' },
  { id: 'post', header: '职务', accessorKey: 'post' },
  { id: 'phone', header: '联系电话', accessorKey: 'phone', meta: { mono: true } },
  {
    id: 'source',
    header: '来源',
    cell: ({ row: { original: h } }) => (
      <>
        <Anchor component={Link} to={`/responsibility/submissions/${h.submissionId}`} size="xs">
          {h.roundTitle} 第 {h.version} 版
        </Anchor>
        <Text size="xs" c="dimmed">
          {formatDateTime(h.submittedAt)}
        </Text>
        {h.isReturned && (
          <Badge size="xs" color="orange">
            已退回修改中
          </Badge>
        )}
      </>
    ),
  },
];

/** "Who is responsible for X in Y?" over the latest submitted tables in the user's scope. */
export function SearchPage() {
  const trpc = useTRPC();
  const [f, setFilters] = useUrlFilters({ q: '', orgUnitId: '' });
  const [q, setQ] = useState(f.q);
  const [unit, setUnit] = useState(f.orgUnitId);
  const result = useQuery({
    ...trpc.responsibility.search.queryOptions({ q: f.q, orgUnitId: f.orgUnitId || undefined }),
    placeholderData: keepPreviousData,
  });
  const data = result.data;
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
          setFilters({ q: q.trim(), orgUnitId: unit });
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
          <OrgUnitSelect label="地区" placeholder="全部" clearable w={240} value={unit} onChange={(v) => setUnit(v ?? '')} />
          <Button type="submit">查询</Button>
        </Group>
      </form>
      <DataTable
        columns={COLUMNS}
        rows={data?.items}
        getRowId={(h) => `${h.submissionId}-${h.responsibility}-${h.name}-${h.phone}`}
        query={result}
        empty="没有找到已报送的责任人"
        tableProps={{ 'aria-label': '查询结果' }}
      />
      {data && data.total > data.items.length && (
        <Text size="xs" c="dimmed">
          共 {data.total} 条，仅显示前 {data.items.length} 条，请缩小范围
        </Text>
      )}
    </Stack>
  );
}
