import { Anchor, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { VISIT_TYPE_LABELS } from '@portal/rules';
import type { RouterOutputs } from '@portal/server/router';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { DataTable, type ColumnDef } from '../../components/data-table';
import { YearSelect } from '../../components/year-select';
import { formatDate } from '../../lib/dates';
import { formatYuan } from '../../lib/money';
import { useTRPC } from '../../lib/trpc';
import { useServerToday } from '../../lib/use-server-today';

type Claim = RouterOutputs['claims']['list']['items'][number];

const COLUMNS: ColumnDef<Claim, never>[] = [
  {
    id: 'claimNo',
    header: '结算单号',
    cell: ({ row: { original: c } }) => (
      <>
        <Anchor component={Link} to={`/claims/${c.id}`} size="sm">
          {c.claimNo}
        </Anchor>
        {c.kind === 'reversal' ? '（冲销）' : c.status === 'reversed' ? '（已冲销）' : ''}
      </>
    ),
  },
  { id: 'hospital', header: '医院', accessorKey: 'hospitalName' },
  { id: 'visitType', header: '类型', cell: ({ row }) => VISIT_TYPE_LABELS[row.original.visitType] },
  { id: 'dischargeDate', header: '出院日期', cell: ({ row }) => formatDate(row.original.dischargeDate) },
  { id: 'totalCost', header: '总费用', cell: ({ row }) => formatYuan(row.original.totalCost), meta: { numeric: true } },
  {
    id: 'funds',
    header: '基金及救助',
    cell: ({ row: { original: c } }) => formatYuan(c.basic + c.critical + c.assistance + c.tilted + c.hospitalReduction),
    meta: { numeric: true },
  },
  { id: 'patientPays', header: '个人自付', cell: ({ row }) => formatYuan(row.original.patientPays), meta: { numeric: true } },
];

function CapBar({ label, used, cap, capNote = '元（不设封顶）' }: { label: string; used: number; cap: number | null; capNote?: string }) {
  const pct = cap ? Math.min(100, (used / cap) * 100) : 0;
  return (
    <div>
      <Group justify="space-between">
        <Text size="sm">{label}</Text>
        <Text size="sm" className="num">
          {formatYuan(used)} {cap ? `/ ${formatYuan(cap)} 元` : capNote}
        </Text>
      </Group>
      {cap ? <Progress value={pct} color={pct >= 90 ? 'red' : 'blue'} size="sm" mt={4} /> : null}
    </div>
  );
}

/** A person's settlements of a year and what they used of each fund's annual cap. */
export function PersonClaimsPanel({ personId }: { personId: string }) {
  const trpc = useTRPC();
  const { year: thisYear } = useServerToday();
  const [year, setYear] = useState<number | null>(null);
  const all = useQuery(trpc.claims.list.queryOptions({ personId, pageSize: 200 }));
  const years = (all.data?.items ?? []).map((c) => Number(c.dischargeDate.slice(0, 4)));
  const latest = years.length ? Math.max(...years) : thisYear;
  const shownYear = year ?? latest;
  const ctx = useQuery({
    ...trpc.claims.context.queryOptions({ personId, date: `${shownYear}-12-31` }),
    enabled: shownYear !== undefined,
  });
  const claims = (all.data?.items ?? []).filter((c) => c.dischargeDate.startsWith(String(shownYear)));
  const ytd = ctx.data?.ytd;
  const params = ctx.data?.params;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={4}>医疗费用结算</Title>
        <YearSelect
          w={120}
          aria-label="年度"
          value={shownYear}
          onChange={setYear}
          min={years.length ? Math.min(...years) : undefined}
          max={Math.max(thisYear ?? 0, latest ?? 0) || undefined}
        />
      </Group>
      {ytd && params && (
        <Paper withBorder p="md" data-testid="accumulators">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <CapBar label="基本医保（住院）已支付" used={ytd.basic} cap={params.basic.annualCap} />
            <CapBar label="大病保险已支付" used={ytd.critical} cap={params.critical.annualCap} />
            <CapBar
              label="医疗救助已支付"
              used={ytd.assistance}
              cap={params.assistance.annualCap || null}
              capNote="元（限额按身份类别依文件规定）"
            />
            <CapBar label="大病保险累计基数" used={ytd.criticalBase} cap={null} capNote="元" />
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt="xs">
            封顶线为普通参保人员标准；扶贫对象取消或提高封顶的，按结算时适用身份计算。
          </Text>
        </Paper>
      )}
      <DataTable
        columns={COLUMNS}
        rows={all.data ? claims : undefined}
        getRowId={(c) => c.id}
        query={all}
        empty={`${shownYear ?? ''} 年暂无结算记录`}
      />
    </Stack>
  );
}
