import { Anchor, Badge, Breadcrumbs, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { rowLabel } from '@portal/rules';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { QueryState } from '../../components/query-state';
import { useTRPC } from '../../lib/trpc';
import { cnDate, exportUrls, StatusBadge } from './shared';

/** All units' latest submitted tables of a round, one under the other. */
export function RollupPage() {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const rollup = useQuery(trpc.responsibility.rollup.queryOptions({ id }));
  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/responsibility">
          责任分工表
        </Anchor>
        <Anchor component={Link} to={`/responsibility/rounds/${id}`}>
          {rollup.data?.title ?? '填报任务'}
        </Anchor>
        <Text>汇总</Text>
      </Breadcrumbs>
      <QueryState query={rollup}>
        {() => {
          const r = rollup.data!;
          return (
            <>
              <Group justify="space-between">
                <Title order={3}>{r.title} · 汇总</Title>
                <Button component="a" href={exportUrls.rollupXlsx(r.id)} download>
                  导出汇总（Excel，每单位一页）
                </Button>
              </Group>
              {r.units.map((u) => (
                <Paper withBorder p="md" key={u.submissionId}>
                  <Group justify="space-between" mb="xs">
                    <Group gap="xs">
                      <Text fw={700}>{u.unitName}</Text>
                      <StatusBadge status={u.status} stage={u.stage} />
                      {u.version && <Badge variant="outline">第 {u.version.version} 版</Badge>}
                    </Group>
                    {u.version && (
                      <Text size="sm" c="dimmed">
                        填报时间 {cnDate(u.version.filledDate)} · 盖章确认人 {u.version.sealConfirmedBy}
                      </Text>
                    )}
                  </Group>
                  {!u.version ? (
                    <Text size="sm" c="dimmed">
                      尚未报送
                    </Text>
                  ) : (
                    <Table withTableBorder withColumnBorders verticalSpacing={4} fz="sm">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th w="30%">责任分工</Table.Th>
                          <Table.Th>姓名</Table.Th>
                          <Table.Th>单位及部门</Table.Th>
                          <Table.Th>职务</Table.Th>
                          <Table.Th>联系电话</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {u.version.rows.map((row, n) => (
                          <Table.Tr key={n}>
                            <Table.Td>{rowLabel(r.template, row)}</Table.Td>
                            <Table.Td>{row.name}</Table.Td>
                            <Table.Td>{row.unitAndDepartment}</Table.Td>
                            <Table.Td>{row.post}</Table.Td>
                            <Table.Td ff="monospace">{row.phone}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  )}
                </Paper>
              ))}
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}
