import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { can, OFFSITE_TYPE_LABELS, ZCancelRegistrationInput } from '@portal/rules';
import type { RouterOutputs } from '@portal/server/router';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../app/use-me';
import { DataTable, type ColumnDef } from '../../components/data-table';
import { ReasonDialog } from '../../components/reason-dialog';
import { formatDateRange } from '../../lib/dates';
import { useTRPC } from '../../lib/trpc';
import { useUrlFilters } from '../../lib/use-url-filters';
import { OffsiteStatusBadge } from './status-badges';

type Offsite = RouterOutputs['referrals']['listOffsite']['items'][number];

const PAGE_SIZE = 20;

const COLUMNS: ColumnDef<Offsite, never>[] = [
  { id: 'registrationNo', header: '备案编号', accessorKey: 'registrationNo', meta: { mono: true } },
  { id: 'name', header: '姓名', accessorKey: 'personName' },
  { id: 'idNumber', header: '身份证号', accessorKey: 'idNumberMasked', meta: { mono: true } },
  { id: 'type', header: '类型', cell: ({ row }) => OFFSITE_TYPE_LABELS[row.original.type] },
  { id: 'destination', header: '就医地', accessorKey: 'destination' },
  { id: 'period', header: '期间', cell: ({ row }) => formatDateRange(row.original.startDate, row.original.endDate) },
  {
    id: 'document',
    header: '证明材料',
    cell: ({ row: { original: r } }) => (
      <>
        {r.documentType}
        <Text size="xs" c="dimmed">
          {r.documentNo}
        </Text>
      </>
    ),
  },
  { id: 'status', header: '状态', cell: ({ row }) => <OffsiteStatusBadge status={row.original.effectiveStatus} /> },
];

/** 异地就医备案 tab: registrations by name, ID digits or number; registered ones can be cancelled with a reason. */
export function OffsiteList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useMe().data;
  const canWrite = !!me && can(me.role, 'referrals.write');
  const [f, setFilters] = useUrlFilters({ q: '', page: 1 });
  const [q, setQ] = useState(f.q);
  const setQuery = useDebouncedCallback((text: string) => setFilters({ q: text.trim() }, { replace: true }), 300);
  const list = useQuery({
    ...trpc.referrals.listOffsite.queryOptions({ q: f.q || undefined, page: f.page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const cancel = useMutation(trpc.referrals.cancelOffsite.mutationOptions());
  const [cancelling, setCancelling] = useState<Offsite | null>(null);
  const columns: ColumnDef<Offsite, never>[] = [
    ...COLUMNS,
    {
      id: 'actions',
      header: '',
      cell: ({ row: { original: r } }) =>
        canWrite &&
        r.status === 'registered' && (
          <Button size="compact-xs" variant="subtle" color="red" onClick={() => setCancelling(r)}>
            撤销
          </Button>
        ),
    },
  ];
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <TextInput
          label="姓名、身份证号后几位或备案编号"
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setQuery(e.currentTarget.value);
          }}
          w={280}
        />
        {canWrite && (
          <Button component={Link} to="/referrals/offsite/new">
            登记异地就医备案
          </Button>
        )}
      </Group>
      <DataTable
        columns={columns}
        rows={list.data?.items}
        getRowId={(r) => r.id}
        query={list}
        empty="没有异地就医备案"
        minWidth={1100}
        tableProps={{ style: { whiteSpace: 'nowrap' } }}
        paging={{
          mode: 'pages',
          page: f.page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          onPageChange: (page) => setFilters({ page }),
        }}
      />
      <ReasonDialog
        opened={cancelling !== null}
        onClose={() => setCancelling(null)}
        title={`撤销异地就医备案 ${cancelling?.registrationNo ?? ''}`}
        label="撤销原因"
        schema={ZCancelRegistrationInput.shape.reason}
        confirmLabel="确认撤销"
        onSubmit={async (reason) => {
          if (!cancelling) return;
          await cancel.mutateAsync({ id: cancelling.id, reason });
          await queryClient.invalidateQueries({ queryKey: trpc.referrals.pathKey() });
          notifications.show({ color: 'green', message: '撤销完成' });
          setCancelling(null);
        }}
      />
    </Stack>
  );
}
