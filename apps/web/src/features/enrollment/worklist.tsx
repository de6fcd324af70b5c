import { Anchor, Badge, Button, Group, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { can, ZResolveEnrollmentInput } from '@portal/rules';
import type { RouterOutputs } from '@portal/server/router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../app/use-me';
import { DataTable, type ColumnDef } from '../../components/data-table';
import { ReasonDialog } from '../../components/reason-dialog';
import { formatDate } from '../../lib/dates';
import { useTRPC } from '../../lib/trpc';
import { useUrlFilters } from '../../lib/use-url-filters';

type Item = RouterOutputs['enrollment']['worklist'][number];

/** 未参保工作台账: registered, given a deadline, closed when resolved (`000 §二(一)`). */
export function Worklist() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [f, setFilters] = useUrlFilters({ tab: 'subsidy', resolved: false });
  const list = useQuery(trpc.enrollment.worklist.queryOptions({ includeResolved: f.resolved }));
  const me = useMe().data;
  const canEdit = !!me && can(me.role, 'enrollment.write');
  const [resolving, setResolving] = useState<Item | null>(null);
  const resolve = useMutation(
    trpc.enrollment.resolve.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.enrollment.worklist.queryKey() }),
    }),
  );
  const columns: ColumnDef<Item, never>[] = [
    {
      id: 'name',
      header: '姓名',
      cell: ({ row: { original: i } }) => (
        <Anchor component={Link} to={`/persons/${i.personId}`}>
          {i.name}
        </Anchor>
      ),
    },
    { id: 'idNumber', header: '身份证号', accessorKey: 'idNumberMasked', meta: { mono: true } },
    { id: 'orgUnit', header: '区划', accessorKey: 'orgUnitName' },
    { id: 'year', header: '年度', accessorKey: 'year' },
    { id: 'reason', header: '未参保原因', accessorKey: 'reasonLabel' },
    {
      id: 'deadline',
      header: '解决时限',
      cell: ({ row: { original: i } }) =>
        i.resolvedAt ? (
          <Badge color="gray" variant="light">
            已销号：{i.resolution}
          </Badge>
        ) : (
          <Text size="sm" c={i.isOverdue ? 'red' : undefined} fw={i.isOverdue ? 600 : undefined}>
            {formatDate(i.resolutionDeadline)}
            {i.isOverdue ? '（已逾期）' : ''}
          </Text>
        ),
    },
    {
      id: 'actions',
      header: '',
      cell: ({ row: { original: i } }) =>
        canEdit &&
        !i.resolvedAt && (
          <Button size="compact-xs" variant="subtle" onClick={() => setResolving(i)}>
            对账销号
          </Button>
        ),
    },
  ];
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          未参保人员登记造册、明确解决时限、按时对账销号（000 §二(一)）。按解决时限排序，逾期标红。
        </Text>
        <Switch label="显示已销号" checked={f.resolved} onChange={(e) => setFilters({ resolved: e.currentTarget.checked })} />
      </Group>
      <DataTable columns={columns} rows={list.data} getRowId={(i) => i.id} query={list} empty="没有待解决的未参保人员" />
      <ReasonDialog
        opened={!!resolving}
        onClose={() => setResolving(null)}
        title={`对账销号：${resolving?.name ?? ''}`}
        label="销号说明"
        placeholder="如：已在就读学校参保，核对学校参保名单无误"
        confirmLabel="确认销号"
        confirmColor="blue"
        schema={ZResolveEnrollmentInput.shape.resolution}
        serverField="resolution"
        onSubmit={async (resolution) => {
          await resolve.mutateAsync({ id: resolving!.id, resolution });
          notifications.show({ color: 'green', message: '已销号' });
          setResolving(null);
        }}
      />
    </Stack>
  );
}
