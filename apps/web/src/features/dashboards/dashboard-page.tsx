import { Anchor, Badge, Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { BarChart } from '@mantine/charts';
import { can } from '@portal/rules';
import type { RouterOutputs } from '@portal/server/router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { DataTable, type ColumnDef } from '../../components/data-table';
import { OrgUnitSelect, type OrgUnit } from '../../components/org-unit-select';
import { YearSelect } from '../../components/year-select';
import { formatAmount, formatWanYuan, formatYuan } from '../../lib/money';
import { useTRPC } from '../../lib/trpc';
import { useServerToday } from '../../lib/use-server-today';
import { useUrlFilters } from '../../lib/use-url-filters';
import { useMe } from '../../app/use-me';

type Benefits = RouterOutputs['dashboards']['benefits'];
type Child = Benefits['children'][number];
type Month = Benefits['months'][number];
type Category = Benefits['categories'][number];
type Hospital = Benefits['hospitals'][number];

const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`);
const wan = (fen: number) => formatWanYuan(fen);
const isDashboardUnit = (u: OrgUnit) => u.level === 'province' || u.level === 'city' || u.level === 'county';
const yearRange = (year: number) => `from=${year}-01-01&to=${year}-12-31`;
const monthRange = (year: number, m: number) => {
  const mm = String(m).padStart(2, '0');
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `from=${year}-${mm}-01&to=${year}-${mm}-${last}`;
};

const money = <T,>(id: keyof T & string, header: string): ColumnDef<T, never> => ({
  id,
  header: `${header}（万元）`,
  cell: ({ row }) => wan(row.original[id] as number),
  meta: { numeric: true },
});
const num = <T,>(id: keyof T & string, header: string): ColumnDef<T, never> => ({
  id,
  header,
  cell: ({ row }) => String(row.original[id]),
  meta: { numeric: true },
});

const TIER_SERIES = [
  { name: 'basic', label: '基本医保', color: 'blue.6' },
  { name: 'critical', label: '大病保险', color: 'teal.6' },
  { name: 'assistance', label: '医疗救助', color: 'orange.6' },
  { name: 'other', label: '减免及倾斜救助', color: 'grape.5' },
];

/** A panel with a chart and, one click away, the same figures as a table (and both when printed). */
function ChartPanel({ title, chart, table, testId }: { title: string; chart: ReactNode; table: ReactNode; testId: string }) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{title}</Text>
        <SegmentedControl
          className="no-print"
          size="xs"
          value={view}
          onChange={(v) => setView(v as 'chart' | 'table')}
          data={[
            { value: 'chart', label: '图表' },
            { value: 'table', label: '表格' },
          ]}
        />
      </Group>
      {view === 'chart' ? chart : table}
    </Paper>
  );
}

function Figure({ label, value, note, testId }: { label: string; value: ReactNode; note?: ReactNode; testId: string }) {
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </Paper>
  );
}

/** 监管看板: benefits, hospitals, referrals and deadlines of a region and year, drilling down to the records. */
export function DashboardPage() {
  const trpc = useTRPC();
  const { year: serverYear } = useServerToday();
  const me = useMe();
  const [f, setFilters] = useUrlFilters({ orgUnitId: '', year: '' });
  const year = Number(f.year) || serverYear || 0;
  const q = useQuery({
    ...trpc.dashboards.benefits.queryOptions({ orgUnitId: f.orgUnitId || undefined, year }),
    enabled: year > 0,
    placeholderData: keepPreviousData,
  });
  const d = q.data;
  const drill = (orgUnitId: string) => `/dashboards?orgUnitId=${orgUnitId}&year=${year}`;
  const claimsOf = (orgUnitId: string, extra = '') => `/claims?orgUnitId=${orgUnitId}&${yearRange(year)}${extra}`;
  const canBoard = me.data ? can(me.data.role, 'reimbursements.board') : false;

  const childColumns: ColumnDef<Child, never>[] = [
    {
      id: 'name',
      header: '区划',
      cell: ({ row: { original: c } }) =>
        c.orgUnitId === d?.scope.orgUnitId ? (
          <Text span size="sm" style={{ whiteSpace: 'nowrap' }}>
            {c.name}
          </Text>
        ) : (
          <Anchor component={Link} to={drill(c.orgUnitId)} data-testid={`drill-${c.name}`} style={{ whiteSpace: 'nowrap' }}>
            {c.name}
          </Anchor>
        ),
    },
    {
      id: 'claims',
      header: '结算人次',
      cell: ({ row: { original: c } }) => (
        <Anchor component={Link} to={claimsOf(c.orgUnitId)}>
          {c.claims}
        </Anchor>
      ),
      meta: { numeric: true },
    },
    money('totalCost', '医疗总费用'),
    money('basic', '基本医保'),
    money('critical', '大病保险'),
    money('assistance', '医疗救助'),
    money('patientPays', '个人自付'),
    {
      id: 'inpatientRatio',
      header: '住院报销比例',
      cell: ({ row }) => pct(row.original.inpatientRatio),
      meta: { numeric: true },
    },
    ...(canBoard
      ? [
          {
            id: 'deadlines',
            header: '办结时限',
            cell: ({ row: { original: c } }: { row: { original: Child } }) => (
              <Anchor
                component={Link}
                to={`/reimbursements/board?orgUnitId=${c.orgUnitId}`}
                data-testid={`deadlines-${c.name}`}
                style={{ whiteSpace: 'nowrap' }}
              >
                超期案件
              </Anchor>
            ),
          } satisfies ColumnDef<Child, never>,
        ]
      : []),
  ];
  const monthColumns: ColumnDef<Month, never>[] = [
    {
      id: 'month',
      header: '月份',
      cell: ({ row: { original: m } }) =>
        d ? (
          <Anchor component={Link} to={`/claims?orgUnitId=${d.scope.orgUnitId}&${monthRange(year, m.month)}`}>
            {m.month} 月
          </Anchor>
        ) : null,
    },
    num('claims', '结算人次'),
    money('totalCost', '医疗总费用'),
    money('basic', '基本医保'),
    money('critical', '大病保险'),
    money('assistance', '医疗救助'),
    money('other', '减免及倾斜救助'),
    money('patientPays', '个人自付'),
  ];
  const categoryColumns: ColumnDef<Category, never>[] = [
    { id: 'label', header: '身份类别', accessorKey: 'label' },
    num('claims', '结算人次'),
    money('totalCost', '医疗总费用'),
    money('basic', '基本医保'),
    money('critical', '大病保险'),
    money('assistance', '医疗救助'),
    money('patientPays', '个人自付'),
  ];
  const hospitalColumns: ColumnDef<Hospital, never>[] = [
    {
      id: 'name',
      header: '医疗机构',
      cell: ({ row: { original: h } }) =>
        d ? (
          <Anchor component={Link} to={claimsOf(d.scope.orgUnitId, `&hospitalId=${h.hospitalId}`)}>
            {h.name}
          </Anchor>
        ) : null,
    },
    num('claims', '结算人次'),
    money('totalCost', '医疗总费用'),
    money('outOfScope', '目录外费用'),
    {
      id: 'share',
      header: '目录外费用占比',
      cell: ({ row: { original: h } }) => (h.isOverLimit ? <Badge color="red">{pct(h.sharePercent)} 超限</Badge> : pct(h.sharePercent)),
      meta: { numeric: true },
    },
    {
      id: 'limit',
      header: '控制比例',
      cell: ({ row }) => (row.original.limitPercent === null ? '不设' : pct(row.original.limitPercent)),
      meta: { numeric: true },
    },
    money('hospitalBorne', '医院承担'),
  ];

  const chartProps = {
    h: 260,
    withLegend: true,
    valueFormatter: (v: number) => `${wan(v)} 万元`,
    yAxisProps: { tickFormatter: (v: number) => wan(v), width: 80 },
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>监管看板{d ? `：${d.scope.name} ${d.year} 年` : ''}</Title>
        <Group className="no-print">
          {d && canBoard && (
            <Button
              component={Link}
              variant="default"
              to={`/reimbursements/board?orgUnitId=${d.scope.orgUnitId}`}
              data-testid="to-deadlines"
            >
              办结时限与超期案件
            </Button>
          )}
          {d && (
            <Button component="a" variant="default" href={`/api/exports/dashboard.xlsx?orgUnitId=${d.scope.orgUnitId}&year=${d.year}`}>
              导出 Excel
            </Button>
          )}
          <Button variant="default" onClick={() => window.print()}>
            打印（A4）
          </Button>
        </Group>
      </Group>
      <Paper withBorder p="sm" className="no-print">
        <Group align="flex-end">
          <OrgUnitSelect
            label="区划"
            placeholder="本单位"
            clearable
            w={240}
            include={isDashboardUnit}
            value={f.orgUnitId}
            onChange={(v) => setFilters({ orgUnitId: v ?? '' })}
          />
          <YearSelect label="年度" w={140} value={year || null} ahead={0} onChange={(v) => setFilters({ year: v ? String(v) : '' })} />
          <Text size="sm" c="dimmed">
            按出院（就诊）日期所在月份统计，冲销单已抵减。点击区划逐级下钻，点击人次查看结算单。
          </Text>
        </Group>
      </Paper>
      {q.isError && <Text c="red">{q.error.message}</Text>}
      {d && (
        <>
          <SimpleGrid cols={{ base: 2, md: 5 }}>
            <Figure
              testId="fig-claims"
              label="结算人次"
              value={d.totals.claims.toLocaleString('zh-CN')}
              note={`医疗总费用 ${formatAmount(d.totals.totalCost)}`}
            />
            <Figure
              testId="fig-inpatient-ratio"
              label="住院政策范围内实际报销比例"
              value={pct(d.ratios.inpatientInScope.percent)}
              note={
                <>
                  {d.ratios.inpatientInScope.explain}
                  {d.ratios.target && (
                    <>
                      <br />
                      {d.ratios.target.label}
                      {d.ratios.inpatientInScope.percent !== null && d.ratios.inpatientInScope.percent < d.ratios.target.percent && (
                        <Badge ml={4} size="xs" color="orange">
                          低于目标
                        </Badge>
                      )}
                    </>
                  )}
                </>
              }
            />
            <Figure testId="fig-combined" label="综合保障比例" value={pct(d.ratios.combined.percent)} note={d.ratios.combined.explain} />
            <Figure
              testId="fig-oop"
              label="次均个人自付"
              value={d.ratios.averageOutOfPocket === null ? '—' : `${formatYuan(d.ratios.averageOutOfPocket)} 元`}
              note={`自付占比 ${pct(d.ratios.outOfPocketShare.percent)}：${d.ratios.outOfPocketShare.explain}`}
            />
            <Figure
              testId="fig-referrals"
              label="县域外住院"
              value={`${d.referrals.outOfCounty} 人次`}
              note={`已转诊 ${d.referrals.referred}（其中视同转诊 ${d.referrals.overrides}），未转诊 ${d.referrals.unreferred}`}
            />
          </SimpleGrid>
          <Paper withBorder p="md">
            <Text fw={600} mb="xs">
              下级区划
            </Text>
            <DataTable
              columns={childColumns}
              rows={d.children}
              getRowId={(c) => c.orgUnitId}
              query={q}
              empty="没有下级区划"
              withPaper={false}
              minWidth={1000}
            />
          </Paper>
          <ChartPanel
            testId="panel-months"
            title="各月待遇支付（分制度，万元）"
            chart={
              <BarChart
                {...chartProps}
                type="stacked"
                data={d.months.map((m) => ({ ...m, label: `${m.month}月` }))}
                dataKey="label"
                series={TIER_SERIES}
              />
            }
            table={
              <DataTable
                columns={monthColumns}
                rows={d.months}
                getRowId={(m) => String(m.month)}
                query={q}
                empty="无数据"
                withPaper={false}
              />
            }
          />
          <ChartPanel
            testId="panel-categories"
            title="分身份类别待遇支付（万元）"
            chart={<BarChart {...chartProps} type="stacked" data={d.categories} dataKey="label" series={TIER_SERIES.slice(0, 3)} />}
            table={
              <DataTable
                columns={categoryColumns}
                rows={d.categories}
                getRowId={(c) => c.category}
                query={q}
                empty="本年度没有结算"
                withPaper={false}
              />
            }
          />
          <Paper withBorder p="md" data-testid="panel-hospitals">
            <Text fw={600} mb="xs">
              医疗机构目录外费用控制（超限在前，最多 50 家）
            </Text>
            <DataTable
              columns={hospitalColumns}
              rows={d.hospitals}
              getRowId={(h) => h.hospitalId}
              query={q}
              empty="本年度没有结算"
              withPaper={false}
              minWidth={820}
            />
          </Paper>
        </>
      )}
    </Stack>
  );
}
