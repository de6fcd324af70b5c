import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMe } from '../../app/use-me';
import { formatYuan, LEDGER_COLUMNS, LEDGER_GROUPS, LEDGER_TITLE } from '@portal/rules';
import type { RouterOutputs } from '@portal/server/router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DataTable, type ColumnDef } from '../../components/data-table';
import { OrgUnitSelect } from '../../components/org-unit-select';
import { YearSelect } from '../../components/year-select';
import { useTRPC } from '../../lib/trpc';
import { useServerToday } from '../../lib/use-server-today';
import { useUrlFilters } from '../../lib/use-url-filters';

type LedgerRow = RouterOutputs['ledger']['list']['items'][number];

const PAGE_SIZE = 20;

const COLUMNS: ColumnDef<LedgerRow, never>[] = LEDGER_COLUMNS.map((c, i) => ({
  id: String(c.no),
  header: c.heading,
  meta: { numeric: c.kind === 'money' || c.kind === 'count', mono: i === 4 },
  cell: ({ row }) => {
    const v = row.original.cells[i];
    if (c.kind === 'money') return v === null || v === undefined ? '' : formatYuan(v as number);
    return v ?? '';
  },
}));

/** The ledger's three heading rows: the first 18 columns span two rows, the rest sit under their group; then the column numbers. */
const HEADER_ROWS = (
  <>
    <Table.Tr>
      {LEDGER_COLUMNS.slice(0, 18).map((c) => (
        <Table.Th key={c.no} rowSpan={2} style={{ minWidth: c.no === 5 ? 150 : 80 }}>
          {c.heading}
        </Table.Th>
      ))}
      {LEDGER_GROUPS.map((g) => (
        <Table.Th key={g} colSpan={6} ta="center">
          {g}
        </Table.Th>
      ))}
    </Table.Tr>
    <Table.Tr>
      {LEDGER_COLUMNS.slice(18).map((c) => (
        <Table.Th key={c.no}>{c.heading}</Table.Th>
      ))}
    </Table.Tr>
    <Table.Tr>
      {LEDGER_COLUMNS.map((c) => (
        <Table.Th key={c.no} ta="center" c="dimmed">
          {c.no}
        </Table.Th>
      ))}
    </Table.Tr>
  </>
);

/** 综合管理台账 (Liaoning annex 1): 36 columns, filter by region and year, export as .xlsx. */
export function LedgerPage() {
  const me = useMe().data;
  const trpc = useTRPC();
  const { year: serverYear } = useServerToday();
  const [f, setFilters] = useUrlFilters({ year: 0, orgUnitId: '', page: 1 });
  const year = f.year || serverYear;
  const ledger = useQuery({
    ...trpc.ledger.list.queryOptions({ year: year ?? 0, orgUnitId: f.orgUnitId || undefined, page: f.page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
    enabled: !!year,
  });
  const exportUrl = `/api/exports/ledger.xlsx?${new URLSearchParams({ year: String(year ?? ''), ...(f.orgUnitId ? { orgUnitId: f.orgUnitId } : {}) })}`;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{LEDGER_TITLE}</Title>
        <Group gap="xs">
          <Text size="xs" c="dimmed" data-testid="export-masking">
            {me?.canExportFull
              ? '导出文件含完整身份证号，每次导出记入操作日志'
              : '导出文件中的身份证号已脱敏；如需完整号码，请管理员开通完整导出'}
          </Text>
          <Button component="a" href={exportUrl} download>
            导出 Excel
          </Button>
        </Group>
      </Group>
      <Paper withBorder p="sm">
        <Group align="flex-end">
          <OrgUnitSelect
            label="区划"
            placeholder="本级全部"
            value={f.orgUnitId}
            onChange={(v) => setFilters({ orgUnitId: v ?? '' })}
            clearable
            w={260}
          />
          <YearSelect label="年度" value={year} onChange={(y) => setFilters({ year: y ?? 0 })} w={120} />
          <Text size="xs" c="dimmed" maw={520}>
            一行一名当年享受过扶贫身份的人员；第 19–36
            列按已结算的就诊记录汇总（冲正记录相抵），“其他保障”含倾斜救助与医疗机构减免。金额单位：元。
          </Text>
        </Group>
      </Paper>
      <DataTable
        columns={COLUMNS}
        rows={ledger.data?.items}
        getRowId={(r) => r.personId}
        query={ledger}
        empty="该区划该年度没有扶贫对象"
        unit="人"
        minWidth={3600}
        headerRows={HEADER_ROWS}
        tableProps={{ striped: false, withColumnBorders: true, withTableBorder: true, verticalSpacing: 4, fz: 'xs' }}
        paging={{
          mode: 'pages',
          page: f.page,
          pageSize: PAGE_SIZE,
          total: ledger.data?.total ?? 0,
          onPageChange: (page) => setFilters({ page }),
        }}
      />
    </Stack>
  );
}
