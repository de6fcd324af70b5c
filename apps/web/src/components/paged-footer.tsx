import { Group, Pagination, Text } from '@mantine/core';

/** The "共 N 条" count and page buttons under a server-paged table. */
export function PagedFooter({
  total,
  page,
  pageSize,
  onChange,
  unit = '条',
}: {
  total: number;
  page: number;
  pageSize: number;
  onChange: (page: number) => void;
  unit?: string;
}) {
  return (
    <Group justify="space-between" p="sm">
      <Text size="sm" c="dimmed">
        共 {total} {unit}
      </Text>
      <Pagination total={Math.max(1, Math.ceil(total / pageSize))} value={page} onChange={onChange} size="sm" />
    </Group>
  );
}
