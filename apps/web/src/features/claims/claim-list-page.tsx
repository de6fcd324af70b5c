import { Anchor, Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { can, TIER_LABELS, VISIT_TYPE_LABELS, ZListClaimsInput } from '@portal/rules';
import type { RouterOutputs } from '@portal/server/router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../app/use-me';
import { DataTable, type ColumnDef } from '../../components/data-table';
import { DateInput } from '../../components/date-input';
import { categoryLabel } from '../../components/labels';
import { OrgUnitSelect } from '../../components/org-unit-select';
import { formatDate } from '../../lib/dates';
import { formatYuan } from '../../lib/money';
import { useTRPC } from '../../lib/trpc';
import { useCursorPager, useUrlFilters } from '../../lib/use-url-filters';

type Claim = RouterOutputs['claims']['list']['items'][number];
type Totals = NonNullable<RouterOutputs['claims']['list']['totals']>;

const PAGE_SIZE = 20;

const money = (id: string, header: string, fen: (c: Claim) => number): ColumnDef<Claim, never> => ({
  id,
  header,
  cell: ({ row }) => formatYuan(fen(row.original)),
  meta: { numeric: true },
});

const COLUMNS: ColumnDef<Claim, never>[] = [
  {
    id: 'claimNo',
    header: '结算单号',
    cell: ({ row: { original: c } }) => (
      <>
        <Anchor component={Link} to={`/claims/${c.id}`} size="sm">
          {c.claimNo}
        </Anchor>
        {c.kind === 'reversal' && (
          <Badge ml={4} size="xs" color="red">
            冲销
          </Badge>
        )}
        {c.status === 'reversed' && (
          <Badge ml={4} size="xs" color="gray">
            已冲销
          </Badge>
        )}
      </>
    ),
  },
  {
    id: 'person',
    header: '参保人',
    cell: ({ row: { original: c } }) => (
      <>
        {c.personName}
        <Text size="xs" c="dimmed">
          {c.idNumberMasked}
        </Text>
      </>
    ),
  },
  { id: 'hospital', header: '医院', accessorKey: 'hospitalName' },
  { id: 'visitType', header: '类型', cell: ({ row }) => VISIT_TYPE_LABELS[row.original.visitType] },
  { id: 'dischargeDate', header: '出院日期', cell: ({ row }) => formatDate(row.original.dischargeDate) },
  { id: 'category', header: '适用身份', cell: ({ row }) => categoryLabel(row.original.appliedCategory) },
  money('totalCost', '总费用', (c) => c.totalCost),
  money('basic', '基本医保', (c) => c.basic),
  money('critical', '大病保险', (c) => c.critical),
  money('assistance', '医疗救助', (c) => c.assistance),
  money('other', '其他', (c) => c.tilted + c.hospitalReduction),
  money('patientPays', '个人自付', (c) => c.patientPays),
];

function TotalsRow({ totals, count }: { totals: Totals | null; count: RouterOutputs['claims']['list']['count'] }) {
  if (!totals) {
    return (
      <Table.Tr>
        <Table.Td colSpan={12} c="dimmed">
          合计：筛选范围较大（约 {count.value.toLocaleString('zh-CN')} 笔），请按区划、医院或出院日期缩小范围后查看合计；全年汇总见台账
        </Table.Td>
      </Table.Tr>
    );
  }
  return (
    <Table.Tr fw={700}>
      <Table.Td colSpan={6}>合计（{count.value.toLocaleString('zh-CN')} 笔，冲销单以负数计）</Table.Td>
      {[
        totals.totalCost,
        totals.basic,
        totals.critical,
        totals.assistance,
        totals.tilted + totals.hospitalReduction,
        totals.patientPays,
      ].map((fen, i) => (
        <Table.Td key={i} className="num">
          {formatYuan(fen)}
        </Table.Td>
      ))}
    </Table.Tr>
  );
}

/** 一站式结算: the settlements of the caller's region, filtered in the URL, with the filtered totals. */
export function ClaimListPage() {
  const trpc = useTRPC();
  const me = useMe().data;
  const [f, setFilters] = useUrlFilters({ q: '', orgUnitId: '', hospitalId: '', tier: '', from: '', to: '' });
  const pager = useCursorPager();
  const [q, setQ] = useState(f.q);
  const setQuery = useDebouncedCallback((text: string) => setFilters({ q: text.trim() }, { replace: true }), 300);
  const hospitals = useQuery(trpc.hospitals.list.queryOptions({ includeInactive: true }));
  const tier = ZListClaimsInput.shape.tier.safeParse(f.tier || undefined).data;
  const list = useQuery({
    ...trpc.claims.list.queryOptions({
      orgUnitId: f.orgUnitId || undefined,
      hospitalId: f.hospitalId || undefined,
      tier,
      from: f.from || undefined,
      to: f.to || undefined,
      q: f.q || undefined,
      cursor: pager.cursor ?? undefined,
      pageSize: PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>一站式结算</Title>
        {me && can(me.role, 'claims.settle') && (
          <Button component={Link} to="/claims/new">
            新增结算
          </Button>
        )}
      </Group>
      <Paper withBorder p="sm">
        <Group align="flex-end">
          <TextInput
            label="参保人"
            placeholder="姓名、身份证号或后几位"
            w={200}
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setQuery(e.currentTarget.value);
            }}
          />
          <OrgUnitSelect
            label="区划"
            placeholder="全部"
            clearable
            w={170}
            value={f.orgUnitId}
            onChange={(v) => setFilters({ orgUnitId: v ?? '' })}
          />
          <Select
            label="医院"
            placeholder="全部"
            clearable
            searchable
            w={200}
            data={(hospitals.data ?? []).map((h) => ({ value: h.id, label: h.name }))}
            value={f.hospitalId || null}
            onChange={(v) => setFilters({ hospitalId: v ?? '' })}
          />
          <DateInput
            label="出院日期起"
            w={180}
            placeholder="如 2026-12-01"
            value={f.from}
            onChange={(v) => setFilters({ from: v ?? '' })}
          />
          <DateInput
            label="至"
            w={180}
            placeholder="如 2026-12-31"
            value={f.to}
            minDate={f.from || undefined}
            onChange={(v) => setFilters({ to: v ?? '' })}
          />
          <Select
            label="有支付的项目"
            placeholder="全部"
            clearable
            w={170}
            data={Object.entries(TIER_LABELS).map(([value, label]) => ({ value, label }))}
            value={f.tier || null}
            onChange={(v) => setFilters({ tier: v ?? '' })}
          />
        </Group>
      </Paper>
      <DataTable
        columns={COLUMNS}
        rows={list.data?.items}
        getRowId={(c) => c.id}
        query={list}
        empty="没有符合条件的结算单"
        unit="笔"
        minWidth={1250}
        tableProps={{ style: { whiteSpace: 'nowrap' } }}
        rowHref={(c) => `/claims/${c.id}`}
        footerRows={list.data && list.data.count.value > 0 && <TotalsRow totals={list.data.totals} count={list.data.count} />}
        paging={{ mode: 'cursor', pager, nextCursor: list.data?.nextCursor, count: list.data?.count }}
      />
    </Stack>
  );
}
