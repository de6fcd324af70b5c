import { Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import type { TListCount, TWorkbenchItem } from '@portal/rules';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { QueryState } from '../../components/query-state';
import { useTRPC } from '../../lib/trpc';

/** A bounded count as shown on the workbench: exact, or the planner's estimate (约). */
function countText(count: TListCount): string {
  return `${count.isEstimate ? '约 ' : ''}${count.value.toLocaleString('zh-CN')}`;
}

/** The workbench items: each a count linking to the list of exactly those records. */
function WorkbenchItems({ items }: { items: TWorkbenchItem[] }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
      {items.map((item) => {
        const pending = item.count.value > 0;
        return (
          <Card
            key={item.key}
            withBorder
            component={Link}
            to={item.to}
            aria-label={`${item.label} ${countText(item.count)}`}
            data-workbench-item={item.key}
            style={{ textDecoration: 'none', borderLeft: `4px solid var(--mantine-color-${pending ? 'orange' : 'gray'}-5)` }}
          >
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Text fw={600}>{item.label}</Text>
              <Text fw={700} size="xl" c={pending ? 'orange.7' : 'dimmed'}>
                {countText(item.count)}
              </Text>
            </Group>
            <Text size="sm" c="dimmed" mt={4}>
              {item.hint}
            </Text>
          </Card>
        );
      })}
    </SimpleGrid>
  );
}

/** The administrator's pending work (workbench.admin). */
export function AdminWorkbench() {
  const trpc = useTRPC();
  const query = useQuery(trpc.workbench.admin.queryOptions());
  return (
    <div>
      <Title order={4} mb="xs">
        待办事项
      </Title>
      <QueryState query={query}>{() => <WorkbenchItems items={query.data!.items} />}</QueryState>
    </div>
  );
}
