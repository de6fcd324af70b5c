import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { can, REFERRAL_STATUS_LABELS, REFERRAL_TIER_LABELS } from '@portal/rules';
import type { RouterOutputs } from '@portal/server/router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../app/use-me';
import { DataTable, type ColumnDef } from '../../components/data-table';
import { formatDateRange } from '../../lib/dates';
import { useTRPC } from '../../lib/trpc';
import { useCursorPager, useUrlFilters } from '../../lib/use-url-filters';
import { ReferralStatusBadge } from './status-badges';

type Referral = RouterOutputs['referrals']['list']['items'][number];

const PAGE_SIZE = 20;
const STATUSES = ['submitted', 'registered', 'expired', 'rejected', 'cancelled'] as const;

const COLUMNS: ColumnDef<Referral, never>[] = [
  { id: 'referralNo', header: '转诊编号', cell: ({ row }) => row.original.referralNo ?? '—', meta: { mono: true } },
  { id: 'name', header: '姓名', accessorKey: 'personName' },
  { id: 'idNumber', header: '身份证号', accessorKey: 'idNumberMasked', meta: { mono: true } },
  { id: 'county', header: '所属区划', accessorKey: 'countyName' },
  { id: 'issuer', header: '出具医院', accessorKey: 'issuingHospitalName' },
  {
    id: 'destination',
    header: '转往医院',
    cell: ({ row: { original: r } }) => (
      <>
        {r.destinationHospitalName}
        <Text size="xs" c="dimmed">
          {REFERRAL_TIER_LABELS[r.destinationTier]}
        </Text>
      </>
    ),
  },
  { id: 'validity', header: '有效期', cell: ({ row }) => formatDateRange(row.original.issueDate, row.original.validUntil) },
  { id: 'status', header: '状态', cell: ({ row }) => <ReferralStatusBadge status={row.original.effectiveStatus} /> },
  {
    id: 'open',
    header: '',
    cell: ({ row }) => (
      <Button component={Link} to={`/referrals/${row.original.id}`} size="compact-xs" variant="subtle">
        查看
      </Button>
    ),
  },
];

/** 转诊转院备案 tab: referrals by name (its start), ID digits or number and by status, newest first by keyset, filtered in the URL. */
export function ReferralList() {
  const trpc = useTRPC();
  const me = useMe().data;
  const [f, setFilters] = useUrlFilters({ q: '', status: '' });
  const pager = useCursorPager();
  const [q, setQ] = useState(f.q);
  const setQuery = useDebouncedCallback((text: string) => setFilters({ q: text.trim() }, { replace: true }), 300);
  const list = useQuery({
    ...trpc.referrals.list.queryOptions({
      q: f.q || undefined,
      status: STATUSES.find((s) => s === f.status),
      cursor: pager.cursor ?? undefined,
      pageSize: PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <TextInput
            label="姓名、身份证号后几位或转诊编号"
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setQuery(e.currentTarget.value);
            }}
            w={280}
          />
          <Select
            label="状态"
            placeholder="全部"
            clearable
            data={STATUSES.map((s) => ({ value: s, label: REFERRAL_STATUS_LABELS[s] }))}
            value={f.status || null}
            onChange={(v) => setFilters({ status: v ?? '' })}
            w={160}
          />
        </Group>
        {me && can(me.role, 'referrals.write') && (
          <Button component={Link} to="/referrals/new">
            登记转诊
          </Button>
        )}
      </Group>
      <DataTable
        columns={COLUMNS}
        rows={list.data?.items}
        getRowId={(r) => r.id}
        query={list}
        empty="没有符合条件的转诊备案"
        minWidth={1150}
        tableProps={{ style: { whiteSpace: 'nowrap' } }}
        rowHref={(r) => `/referrals/${r.id}`}
        paging={{ mode: 'cursor', pager, nextCursor: list.data?.nextCursor, count: list.data?.count }}
      />
    </Stack>
  );
}
