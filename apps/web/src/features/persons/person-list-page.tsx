import { Badge, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { can, CATEGORY_IDS, CATEGORY_LABELS, type TCategoryId } from '@portal/rules';
import type { RouterInputs, RouterOutputs } from '@portal/server/router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../app/use-me';
import { DataTable, type ColumnDef } from '../../components/data-table';
import { categoryLabel, HUKOU_LABELS, SEX_LABELS } from '../../components/labels';
import { OrgUnitSelect } from '../../components/org-unit-select';
import { formatDate } from '../../lib/dates';
import { useTRPC } from '../../lib/trpc';
import { useCursorPager, useUrlFilters } from '../../lib/use-url-filters';

type Person = RouterOutputs['persons']['list']['items'][number];
type EnrollmentStatus = NonNullable<RouterInputs['persons']['list']['enrollmentStatus']>;

const PAGE_SIZE = 20;
const ENROLLMENT_LABELS: Record<EnrollmentStatus, string> = { enrolled: '已参保', not_enrolled: '未参保', unrecorded: '未登记' };
const ENROLLMENT_COLORS: Record<EnrollmentStatus, string> = { enrolled: 'green', not_enrolled: 'red', unrecorded: 'gray' };

const COLUMNS: ColumnDef<Person, never>[] = [
  { id: 'name', header: '姓名', accessorKey: 'name', enableHiding: false },
  { id: 'idNumber', header: '身份证号', accessorKey: 'idNumberMasked', meta: { mono: true }, enableHiding: false },
  { id: 'sex', header: '性别', cell: ({ row }) => SEX_LABELS[row.original.sex] },
  { id: 'birthDate', header: '出生日期', cell: ({ row }) => formatDate(row.original.birthDate) },
  { id: 'hukou', header: '户籍', cell: ({ row }) => HUKOU_LABELS[row.original.hukouType] },
  { id: 'orgUnit', header: '所属区划', accessorKey: 'orgUnitName' },
  {
    id: 'categories',
    header: '当前身份类别',
    cell: ({ row }) => (
      <Group gap={4}>
        {row.original.categories.length ? (
          row.original.categories.map((c) => (
            <Badge key={c} variant="light" size="sm">
              {categoryLabel(c)}
            </Badge>
          ))
        ) : (
          <Text size="xs" c="dimmed">
            无
          </Text>
        )}
      </Group>
    ),
  },
  {
    id: 'enrollment',
    header: '参保',
    cell: ({ row }) => (
      <Badge size="sm" variant="light" color={ENROLLMENT_COLORS[row.original.enrollmentStatus]}>
        {ENROLLMENT_LABELS[row.original.enrollmentStatus]}
      </Badge>
    ),
  },
  {
    id: 'open',
    header: '',
    enableHiding: false,
    cell: ({ row }) => (
      <Button component={Link} to={`/persons/${row.original.id}`} size="compact-xs" variant="subtle">
        查看
      </Button>
    ),
  },
];

export function PersonListPage() {
  const trpc = useTRPC();
  const me = useMe().data;
  const [f, setFilters] = useUrlFilters({ q: '', orgUnitId: '', category: '', enrollmentStatus: '' });
  const pager = useCursorPager();
  const [q, setQ] = useState(f.q);
  const setQuery = useDebouncedCallback((text: string) => setFilters({ q: text }, { replace: true }), 300);
  const list = useQuery({
    ...trpc.persons.list.queryOptions({
      q: f.q || undefined,
      category: (f.category || undefined) as TCategoryId | undefined,
      orgUnitId: f.orgUnitId || undefined,
      enrollmentStatus: (f.enrollmentStatus || undefined) as EnrollmentStatus | undefined,
      cursor: pager.cursor ?? undefined,
      pageSize: PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>人员登记</Title>
        {me && can(me.role, 'persons.write') && (
          <Button component={Link} to="/persons/new">
            新增人员
          </Button>
        )}
      </Group>
      <Paper withBorder p="sm">
        <Group align="flex-end">
          <TextInput
            label="姓名或身份证号"
            placeholder="姓名开头、身份证号或后几位"
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setQuery(e.currentTarget.value);
            }}
            w={260}
          />
          <OrgUnitSelect
            label="所属区划"
            placeholder="全部"
            value={f.orgUnitId}
            onChange={(v) => setFilters({ orgUnitId: v ?? '' })}
            clearable
            w={220}
          />
          <Select
            label="身份类别（当前有效）"
            placeholder="全部"
            data={CATEGORY_IDS.filter((c) => c !== 'ordinary').map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
            value={f.category || null}
            onChange={(v) => setFilters({ category: v ?? '' })}
            clearable
            w={240}
          />
          <Select
            label={`参保状态（${list.data?.enrollmentYear ?? ''} 年度）`}
            placeholder="全部"
            data={Object.entries(ENROLLMENT_LABELS).map(([value, label]) => ({ value, label }))}
            value={f.enrollmentStatus || null}
            onChange={(v) => setFilters({ enrollmentStatus: v ?? '' })}
            clearable
            w={180}
          />
        </Group>
      </Paper>
      <DataTable
        columns={COLUMNS}
        rows={list.data?.items}
        getRowId={(p) => p.id}
        query={list}
        empty="没有符合条件的人员"
        unit="人"
        columnChooserKey="persons.list"
        rowHref={(p) => `/persons/${p.id}`}
        paging={{ mode: 'cursor', pager, nextCursor: list.data?.nextCursor, count: list.data?.count }}
      />
    </Stack>
  );
}
