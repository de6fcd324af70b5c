import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { REFERRAL_TIER_LABELS } from '@portal/rules';
import type { RouterOutputs } from '@portal/server/router';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { DataTable, type ColumnDef } from '../../components/data-table';
import { YearSelect } from '../../components/year-select';
import { formatDate, formatDateRange, formatMonth } from '../../lib/dates';
import { formatYuan } from '../../lib/money';
import { useTRPC } from '../../lib/trpc';
import { useServerToday } from '../../lib/use-server-today';
import { useUrlFilters } from '../../lib/use-url-filters';

type Expiring = RouterOutputs['referrals']['reportExpiring']['items'][number];
type MonthRow = RouterOutputs['referrals']['reportByMonth']['rows'][number];
type Unreferred = RouterOutputs['referrals']['reportUnreferred'][number];

const LOCATION_LABELS = { in_county: '县域内', in_city: '市内县外', in_province: '省内市外', out_of_province: '省外' } as const;

const EXPIRING_COLUMNS: ColumnDef<Expiring, never>[] = [
  {
    id: 'kind',
    header: '类别',
    cell: ({ row }) =>
      row.original.kind === 'referral' ? (
        <Badge variant="light">转诊</Badge>
      ) : (
        <Badge variant="light" color="grape">
          异地
        </Badge>
      ),
  },
  { id: 'number', header: '编号', accessorKey: 'number', meta: { mono: true } },
  { id: 'name', header: '姓名', accessorKey: 'personName' },
  { id: 'idNumber', header: '身份证号', accessorKey: 'idNumberMasked', meta: { mono: true } },
  { id: 'county', header: '所属区划', accessorKey: 'countyName' },
  { id: 'target', header: '转往医院 / 就医地', accessorKey: 'target' },
  { id: 'lastDay', header: '最后有效日', cell: ({ row }) => formatDate(row.original.lastDay) },
];

const MONTH_COLUMNS: ColumnDef<MonthRow, never>[] = [
  { id: 'month', header: '月份', cell: ({ row }) => formatMonth(row.original.month) },
  { id: 'county', header: '区县', accessorKey: 'countyName' },
  { id: 'destination', header: '转往医院', accessorKey: 'destinationName' },
  { id: 'tier', header: '定点级别', cell: ({ row }) => REFERRAL_TIER_LABELS[row.original.tier] },
  { id: 'count', header: '人次', cell: ({ row }) => String(row.original.count), meta: { numeric: true } },
];

const UNREFERRED_COLUMNS: ColumnDef<Unreferred, never>[] = [
  { id: 'claimNo', header: '结算单号', accessorKey: 'claimNo', meta: { mono: true } },
  { id: 'name', header: '姓名', accessorKey: 'personName' },
  { id: 'idNumber', header: '身份证号', accessorKey: 'idNumberMasked', meta: { mono: true } },
  { id: 'county', header: '区县', accessorKey: 'countyName' },
  { id: 'hospital', header: '就诊医院', accessorKey: 'hospitalName' },
  { id: 'location', header: '就医地', cell: ({ row }) => LOCATION_LABELS[row.original.location] },
  { id: 'admissionDate', header: '入院日期', cell: ({ row }) => formatDate(row.original.admissionDate) },
  { id: 'diagnosis', header: '诊断', accessorKey: 'diagnosis' },
  { id: 'patientPays', header: '个人负担（元）', cell: ({ row }) => formatYuan(row.original.patientPays), meta: { numeric: true } },
];

/** 统计报表 tab: what expires this week, the year's registrations by month, and the stays settled without one. */
export function ReferralReports() {
  const { year: thisYear } = useServerToday();
  const [f, setFilters] = useUrlFilters({ year: 0 });
  const shown = f.year || thisYear;
  return (
    <Stack>
      <YearSelect label="年度" w={120} value={shown} ahead={0} onChange={(year) => year && setFilters({ year })} />
      <ExpiringSoon />
      {shown && <ByMonth year={shown} />}
      {shown && <Unreferred year={shown} />}
    </Stack>
  );
}

function Section({ title, children, extra }: { title: string; children: ReactNode; extra?: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={5}>{title}</Title>
        {extra}
      </Group>
      {children}
    </Paper>
  );
}

function ExpiringSoon() {
  const trpc = useTRPC();
  const q = useQuery(trpc.referrals.reportExpiring.queryOptions());
  return (
    <Section
      title="7 天内到期的备案"
      extra={
        q.data && (
          <Text size="sm" c="dimmed">
            {formatDateRange(q.data.today, q.data.until)}
          </Text>
        )
      }
    >
      <DataTable
        columns={EXPIRING_COLUMNS}
        rows={q.data?.items}
        getRowId={(i) => `${i.kind}-${i.id}`}
        query={q}
        empty="7 天内没有到期的备案"
        withPaper={false}
      />
    </Section>
  );
}

function ByMonth({ year }: { year: number }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.referrals.reportByMonth.queryOptions({ year }));
  const byMonth = new Map<string, number>();
  for (const r of q.data?.rows ?? []) byMonth.set(r.month, (byMonth.get(r.month) ?? 0) + Number(r.count));
  return (
    <Section title={`${year} 年转诊备案（按月份、转往医院、区县）`} extra={q.data && <Text size="sm">合计 {q.data.total} 人次</Text>}>
      <Stack>
        {byMonth.size > 0 && (
          <SimpleGrid cols={{ base: 3, sm: 6 }}>
            {[...byMonth].map(([m, n]) => (
              <Paper key={m} withBorder p="xs">
                <Text size="xs" c="dimmed">
                  {formatMonth(m)}
                </Text>
                <Text fw={700}>{n} 人次</Text>
              </Paper>
            ))}
          </SimpleGrid>
        )}
        <DataTable
          columns={MONTH_COLUMNS}
          rows={q.data?.rows}
          getRowId={(r) => `${r.month}-${r.countyName}-${r.destinationName}`}
          query={q}
          empty="本年度尚无已备案的转诊"
          withPaper={false}
        />
      </Stack>
    </Section>
  );
}

function Unreferred({ year }: { year: number }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.referrals.reportUnreferred.queryOptions({ year }));
  return (
    <Section title="县域外住院未转诊名单（未享受转诊优惠，需跟进）">
      <DataTable
        columns={UNREFERRED_COLUMNS}
        rows={q.data}
        getRowId={(r) => r.claimId}
        query={q}
        empty="本年度没有未转诊的县域外住院"
        withPaper={false}
      />
    </Section>
  );
}
