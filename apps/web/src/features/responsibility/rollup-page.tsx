import { Anchor, Badge, Breadcrumbs, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { EmptyState } from '../../components/data-table';
import { QueryState } from '../../components/query-state';
import { formatDate } from '../../lib/dates';
import { useTRPC } from '../../lib/trpc';
import { ResponsibilityTable } from './responsibility-table';
import { exportUrls, StatusBadge } from './shared';

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
                        填报时间 {formatDate(u.version.filledDate)} · 盖章确认人 {u.version.sealConfirmedBy}
                      </Text>
                    )}
                  </Group>
                  {u.version ? (
                    <ResponsibilityTable template={r.template} rows={u.version.rows} label={`${u.unitName}责任分工表`} />
                  ) : (
                    <EmptyState>尚未报送</EmptyState>
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
