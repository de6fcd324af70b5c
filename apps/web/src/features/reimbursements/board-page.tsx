import { Anchor, Badge, Breadcrumbs, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { RouterOutputs } from '@portal/server/router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { DataTable, type ColumnDef } from '../../components/data-table';
import { MonthInput } from '../../components/date-input';
import { OrgUnitSelect, type OrgUnit } from '../../components/org-unit-select';
import { formatDate } from '../../lib/dates';
import { useTRPC } from '../../lib/trpc';
import { useServerToday } from '../../lib/use-server-today';
import { useUrlFilters } from '../../lib/use-url-filters';

type Board = RouterOutputs['reimbursements']['board'];
type County = Board['counties'][number];
type Overdue = Board['overdueCases'][number];

const rate = (r: number | null) => (r === null ? '—' : `${r.toFixed(1)}%`);
const count = (id: keyof County & string, header: string): ColumnDef<County, never> => ({
  id,
  header,
  cell: ({ row }) => String(row.original[id]),
  meta: { numeric: true },
});
const isBoardUnit = (u: OrgUnit) => u.level === 'city' || u.level === 'county' || u.level === 'province';

const COUNTY_COLUMNS: ColumnDef<County, never>[] = [
  { id: 'name', header: '县（市、区）', accessorKey: 'name' },
  count('received', '受理'),
  count('paidOnTime', '按时支付'),
  count('paidLate', '超期支付'),
  count('open', '办理中'),
  count('awaitingDocuments', '其中待补材料'),
  {
    id: 'overdue',
    header: '已超期未付',
    cell: ({ row }) => (row.original.overdue > 0 ? <Badge color="red">{row.original.overdue}</Badge> : 0),
    meta: { numeric: true },
  },
  { id: 'onTimeRate', header: '按时办结率', cell: ({ row }) => rate(row.original.onTimeRate), meta: { numeric: true } },
];

const OVERDUE_COLUMNS: ColumnDef<Overdue, never>[] = [
  {
    id: 'caseNo',
    header: '案件号',
    cell: ({ row: { original: o } }) => (
      <Anchor component={Link} to={`/reimbursements/${o.id}`}>
        {o.caseNo}
      </Anchor>
    ),
  },
  { id: 'county', header: '县（市、区）', accessorKey: 'countyName' },
  {
    id: 'person',
    header: '参保人',
    cell: ({ row: { original: o } }) => (
      <>
        {o.personName}{' '}
        <Text span size="xs" c="dimmed">
          {o.idNumberMasked}
        </Text>
      </>
    ),
  },
  { id: 'status', header: '状态', cell: ({ row: { original: o } }) => (o.paidOn ? `已支付（${formatDate(o.paidOn)}）` : o.statusLabel) },
  { id: 'receivedOn', header: '受理日期', cell: ({ row }) => formatDate(row.original.receivedOn) },
  { id: 'due', header: '应办结日期', cell: ({ row }) => formatDate(row.original.due) },
  {
    id: 'overdueWorkingDays',
    header: '超期工作日',
    cell: ({ row }) => <Badge color="red">{row.original.overdueWorkingDays}</Badge>,
    meta: { numeric: true },
  },
];

function TotalRow({ total }: { total: Board['total'] }) {
  return (
    <Table.Tr fw={700}>
      <Table.Td>合计</Table.Td>
      {[total.received, total.paidOnTime, total.paidLate, total.open, total.awaitingDocuments, total.overdue].map((n, i) => (
        <Table.Td key={i} className="num">
          {n}
        </Table.Td>
      ))}
      <Table.Td className="num">{rate(total.onTimeRate)}</Table.Td>
    </Table.Tr>
  );
}

/** Supervisor board: per county, cases received in a month and how they stand against 25 days. */
export function ReimbursementBoardPage() {
  const trpc = useTRPC();
  const { today } = useServerToday();
  const [f, setFilters] = useUrlFilters({ month: '', orgUnitId: '' });
  const month = f.month || today?.slice(0, 7) || '';
  const board = useQuery({
    ...trpc.reimbursements.board.queryOptions({ month, orgUnitId: f.orgUnitId || undefined }),
    enabled: month !== '',
    placeholderData: keepPreviousData,
  });
  const b = board.data;
  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/reimbursements">
          零星报销
        </Anchor>
        <Text>办结时限看板</Text>
      </Breadcrumbs>
      <Title order={3}>零星报销办结时限看板</Title>
      <Paper withBorder p="sm">
        <Group align="flex-end">
          <MonthInput
            label="受理月份"
            w={180}
            value={month}
            maxMonth={today?.slice(0, 7)}
            required
            onChange={(v) => setFilters({ month: v ?? '' })}
          />
          <OrgUnitSelect
            label="区划"
            placeholder="全部"
            clearable
            w={220}
            include={isBoardUnit}
            value={f.orgUnitId}
            onChange={(v) => setFilters({ orgUnitId: v ?? '' })}
          />
          {b && (
            <Text size="sm" c="dimmed">
              统计至 {formatDate(b.today)}。按时办结率 = 按时支付 ÷（已支付 + 未支付已超期）。
            </Text>
          )}
        </Group>
      </Paper>
      <DataTable
        columns={COUNTY_COLUMNS}
        rows={b?.counties}
        getRowId={(r) => r.orgUnitId}
        query={board}
        empty="本月没有受理的案件"
        minWidth={820}
        rowAttributes={(r) => ({ 'data-testid': `board-row-${r.code}` })}
        footerRows={b && <TotalRow total={b.total} />}
      />
      <Paper withBorder p="md">
        <Text fw={600} mb="xs">
          超期案件
        </Text>
        {b && b.overdueCases.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="no-overdue">
            本月受理的案件没有超期。
          </Text>
        ) : (
          <DataTable
            columns={OVERDUE_COLUMNS}
            rows={b?.overdueCases}
            getRowId={(o) => o.id}
            query={board}
            empty="本月受理的案件没有超期。"
            withPaper={false}
          />
        )}
      </Paper>
    </Stack>
  );
}
