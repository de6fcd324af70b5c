import { Button, Group, Stack, Text, Title } from '@mantine/core';
import type { RouterOutputs } from '@portal/server/router';
import { PROFILES } from '@portal/rules';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { DataTable, type ColumnDef } from '../../components/data-table';
import { categoryLabel } from '../../components/labels';
import { QueryState } from '../../components/query-state';
import { formatYuan } from '../../lib/money';
import { useTRPC } from '../../lib/trpc';

type RunResult = RouterOutputs['subsidies']['getRun'];
type Summary = RunResult['summary'][number];
type Item = RunResult['items'][number];

const PAGE_SIZE = 10;
const money =
  (pick: (s: Summary) => number): ColumnDef<Summary, never>['cell'] =>
  ({ row }) =>
    formatYuan(pick(row.original));

const ITEM_COLUMNS: ColumnDef<Item, never>[] = [
  { id: 'name', header: '姓名', accessorKey: 'name' },
  { id: 'idNumber', header: '身份证号', accessorKey: 'idNumberMasked', meta: { mono: true } },
  { id: 'category', header: '适用类别', cell: ({ row }) => categoryLabel(row.original.appliedCategory) },
  { id: 'amount', header: '资助（元）', cell: ({ row }) => formatYuan(row.original.amount), meta: { numeric: true } },
  {
    id: 'explain',
    header: '计算说明',
    cell: ({ row: { original: i } }) => (
      <Text size="xs">
        {i.explain}（{i.clause}）
      </Text>
    ),
  },
];

/** One run: the summary by county and category (with the shares by government level or fund where the profile has them) and the paged detail. */
export function RunDetail({ id }: { id: string }) {
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const run = useQuery({ ...trpc.subsidies.getRun.queryOptions({ id, page, pageSize: PAGE_SIZE }), placeholderData: keepPreviousData });
  return (
    <QueryState query={run}>
      {() => {
        const r = run.data!;
        const hasShares = r.summary.some((s) => s.province + s.prefecture + s.county > 0);
        const hasFunding = r.summary.some((s) => s.assistanceFund + s.fiscal > 0);
        const summaryColumns: ColumnDef<Summary, never>[] = [
          { id: 'county', header: '县（市、区）', accessorKey: 'countyName' },
          { id: 'category', header: '适用类别', cell: ({ row }) => categoryLabel(row.original.category) },
          { id: 'persons', header: '人数', accessorKey: 'persons', meta: { numeric: true } },
          { id: 'amount', header: '资助金额（元）', cell: money((s) => s.amount), meta: { numeric: true } },
          { id: 'personPays', header: '个人缴费（元）', cell: money((s) => s.personPays), meta: { numeric: true } },
          ...(hasShares
            ? [
                { id: 'province', header: '省级', cell: money((s) => s.province), meta: { numeric: true } },
                { id: 'prefecture', header: '州级', cell: money((s) => s.prefecture), meta: { numeric: true } },
                { id: 'countyShare', header: '县级', cell: money((s) => s.county), meta: { numeric: true } },
              ]
            : []),
          ...(hasFunding
            ? [
                { id: 'fund', header: '医疗救助资金', cell: money((s) => s.assistanceFund), meta: { numeric: true } },
                { id: 'fiscal', header: '财政补贴', cell: money((s) => s.fiscal), meta: { numeric: true } },
              ]
            : []),
        ];
        return (
          <Stack>
            <Group justify="space-between">
              <Text size="sm">
                {r.orgUnitName} · {r.year} 年度 · {r.personCount} 人 · 资助合计 <b>{formatYuan(r.totalAmount)}</b> 元
              </Text>
              <Button component="a" href={`/api/exports/subsidy-runs/${r.id}.xlsx`} variant="light" size="xs">
                导出 Excel
              </Button>
            </Group>
            <Title order={5}>按县和类别汇总</Title>
            <Text size="sm" c="dimmed" data-testid="subsidy-funding">
              资金分担：{PROFILES[r.profile].capabilities.subsidyFunding}
            </Text>
            <DataTable
              columns={summaryColumns}
              rows={r.summary}
              getRowId={(s) => `${s.countyName}-${s.category}`}
              empty="没有资助对象"
              tableProps={{ striped: false, withColumnBorders: true, verticalSpacing: 4 }}
            />
            <Title order={5}>明细</Title>
            <DataTable
              columns={ITEM_COLUMNS}
              rows={r.items}
              getRowId={(i) => i.id}
              query={run}
              empty="没有明细"
              unit="人"
              tableProps={{ verticalSpacing: 4 }}
              paging={{ mode: 'pages', page, pageSize: PAGE_SIZE, total: r.total, onPageChange: setPage }}
            />
          </Stack>
        );
      }}
    </QueryState>
  );
}
