import { Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { CATEGORY_IDS, CATEGORY_LABELS } from '@portal/rules';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { categoryLabel, HUKOU_LABELS, SEX_LABELS } from '../../components/labels';
import { QueryState } from '../../components/query-state';
import { useTRPC } from '../../lib/trpc';
import { PagedFooter } from '../../components/data-table';

const PAGE_SIZE = 20;
const ENROLLMENT_LABELS = { enrolled: '已参保', not_enrolled: '未参保', unrecorded: '未登记' } as const;

export function PersonListPage() {
  const trpc = useTRPC();
  const [q, setQ] = useState('');
  const [category, setCategory] = useState<string | null>(null);
  const [orgUnitId, setOrgUnitId] = useState<string | null>(null);
  const [enrollmentStatus, setEnrollmentStatus] = useState<string | null>(null);
  const me = useQuery(trpc.auth.me.queryOptions());
  const canCreate = me.data?.role === 'clerk' || me.data?.role === 'reviewer';
  const [page, setPage] = useState(1);
  const [debouncedQ] = useDebouncedValue(q, 300);
  const units = useQuery(trpc.admin.listOrgUnits.queryOptions());
  const list = useQuery({
    ...trpc.persons.list.queryOptions({
      q: debouncedQ || undefined,
      category: (category ?? undefined) as never,
      orgUnitId: orgUnitId ?? undefined,
      enrollmentStatus: (enrollmentStatus ?? undefined) as never,
      page,
      pageSize: PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });
  const unitOptions = (units.data ?? [])
    .filter((u) => u.level !== 'system')
    .map((u) => ({ value: u.id, label: `${'　'.repeat(Math.max(0, u.depth - 1))}${u.name}` }));

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>人员登记</Title>
        {canCreate && (
          <Button component={Link} to="/persons/new">
            新增人员
          </Button>
        )}
      </Group>
      <Paper withBorder p="sm">
        <Group align="flex-end">
          <TextInput
            label="姓名或身份证号"
            placeholder="输入姓名、完整身份证号或后几位"
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setPage(1);
            }}
            w={260}
          />
          <Select
            label="所属区划"
            placeholder="全部"
            data={unitOptions}
            value={orgUnitId}
            onChange={(v) => {
              setOrgUnitId(v);
              setPage(1);
            }}
            clearable
            searchable
            w={220}
          />
          <Select
            label="身份类别（当前有效）"
            placeholder="全部"
            data={CATEGORY_IDS.filter((c) => c !== 'ordinary').map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
            value={category}
            onChange={(v) => {
              setCategory(v);
              setPage(1);
            }}
            clearable
            w={240}
          />
          <Select
            label={`参保状态（${list.data?.enrollmentYear ?? ''} 年度）`}
            placeholder="全部"
            data={[
              { value: 'enrolled', label: '已参保' },
              { value: 'not_enrolled', label: '未参保' },
              { value: 'unrecorded', label: '未登记' },
            ]}
            value={enrollmentStatus}
            onChange={(v) => {
              setEnrollmentStatus(v);
              setPage(1);
            }}
            clearable
            w={180}
          />
        </Group>
      </Paper>
      <QueryState query={list}>
        {() =>
          list.data && list.data.items.length === 0 ? (
            <Paper withBorder p="xl">
              <Text c="dimmed" ta="center">
                没有符合条件的人员
              </Text>
            </Paper>
          ) : (
            <Paper withBorder>
              <Table striped highlightOnHover verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>姓名</Table.Th>
                    <Table.Th>身份证号</Table.Th>
                    <Table.Th>性别</Table.Th>
                    <Table.Th>出生日期</Table.Th>
                    <Table.Th>户籍</Table.Th>
                    <Table.Th>所属区划</Table.Th>
                    <Table.Th>当前身份类别</Table.Th>
                    <Table.Th>参保</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data?.items.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>{p.name}</Table.Td>
                      <Table.Td ff="monospace">{p.idNumberMasked}</Table.Td>
                      <Table.Td>{SEX_LABELS[p.sex]}</Table.Td>
                      <Table.Td>{p.birthDate}</Table.Td>
                      <Table.Td>{HUKOU_LABELS[p.hukouType]}</Table.Td>
                      <Table.Td>{p.orgUnitName}</Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {p.categories.length ? (
                            p.categories.map((c) => (
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
                      </Table.Td>
                      <Table.Td>
                        <Badge
                          size="sm"
                          variant="light"
                          color={p.enrollmentStatus === 'enrolled' ? 'green' : p.enrollmentStatus === 'not_enrolled' ? 'red' : 'gray'}
                        >
                          {ENROLLMENT_LABELS[p.enrollmentStatus]}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Button component={Link} to={`/persons/${p.id}`} size="compact-xs" variant="subtle">
                          查看
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <PagedFooter total={list.data?.total ?? 0} page={page} pageSize={PAGE_SIZE} onChange={setPage} unit="人" />
            </Paper>
          )
        }
      </QueryState>
    </Stack>
  );
}
