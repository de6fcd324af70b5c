import { Anchor, Badge, Breadcrumbs, Button, Group, Modal, Select, Stack, Text, Title } from '@mantine/core';
import { can } from '@portal/rules';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../app/use-me';
import { DataTable, type ColumnDef } from '../../components/data-table';
import { formatDate } from '../../lib/dates';
import { formatYuan } from '../../lib/money';
import { useTRPC } from '../../lib/trpc';
import { useUrlFilters } from '../../lib/use-url-filters';
import { DeclarationForm, FirstPaymentForm, RestPaymentForm, type Advance } from './advance-forms';

const TONE = { ok: 'green', amber: 'orange', red: 'red', none: 'gray' } as const;

function Instalment({ a, part }: { a: Advance; part: 'first' | 'rest' }) {
  const i = a[part];
  const state = i.paidOn
    ? `${i.overdue ? '超期' : '按时'}已付 ${formatYuan(i.paidAmount ?? 0)}`
    : i.overdue
      ? '已超期'
      : part === 'first'
        ? `应付 ${formatYuan(a.first.dueAmount)}`
        : '待审核结清';
  return (
    <Stack gap={2} align="flex-start">
      <Badge color={TONE[i.tone]} variant="light">
        {state}
      </Badge>
      <Text size="xs" c="dimmed">
        期限 {i.due ? formatDate(i.due) : a.calendarError}
      </Text>
      {i.paidOn && (
        <Text size="xs" c="dimmed">
          {formatDate(i.paidOn)} 支付
        </Text>
      )}
      {part === 'rest' && a.rest.approvedTotal !== null && (
        <Text size="xs" c="dimmed">
          审核确认 {formatYuan(a.rest.approvedTotal)}
        </Text>
      )}
    </Stack>
  );
}

const money = (id: 'basic' | 'critical' | 'assistance' | 'total', header: string): ColumnDef<Advance, never> => ({
  id,
  header,
  cell: ({ row }) => formatYuan(row.original[id]),
  meta: { numeric: true },
});

/** Hospital advance settlement (`000 §二(五)1`): 70 % in 10 working days, the rest in the next 15. */
export function AdvancesPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useMe().data;
  const canWrite = !!me && can(me.role, 'advances.write');
  const [f, setFilters] = useUrlFilters({ status: 'open' });
  const status = f.status === 'all' ? 'all' : 'open';
  const list = useQuery({ ...trpc.advances.list.queryOptions({ status }), placeholderData: keepPreviousData });
  const [creating, setCreating] = useState(false);
  const [paying, setPaying] = useState<{ advance: Advance; instalment: 'first' | 'rest' } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.advances.pathKey() });

  const columns: ColumnDef<Advance, never>[] = [
    { id: 'declarationNo', header: '申报号', accessorKey: 'declarationNo' },
    { id: 'hospital', header: '医院', accessorKey: 'hospitalName' },
    {
      id: 'period',
      header: '结算期间',
      cell: ({ row: { original: a } }) => (
        <Text size="sm">
          {formatDate(a.periodFrom)} 至
          <br />
          {formatDate(a.periodTo)}
        </Text>
      ),
    },
    {
      id: 'receivedOn',
      header: '收到日期',
      cell: ({ row }) => formatDate(row.original.receivedOn),
    },
    money('basic', '基本医保'),
    money('critical', '大病保险'),
    money('assistance', '医疗救助'),
    money('total', '合计'),
    { id: 'first', header: '70% 预付（期限）', cell: ({ row }) => <Instalment a={row.original} part="first" /> },
    { id: 'rest', header: '结清（期限）', cell: ({ row }) => <Instalment a={row.original} part="rest" /> },
    {
      id: 'actions',
      header: '',
      cell: ({ row: { original: a } }) =>
        canWrite && a.status === 'received' ? (
          <Button size="xs" onClick={() => setPaying({ advance: a, instalment: 'first' })}>
            支付 70%
          </Button>
        ) : canWrite && a.status === 'first_paid' ? (
          <Button size="xs" onClick={() => setPaying({ advance: a, instalment: 'rest' })}>
            审核结清
          </Button>
        ) : null,
    },
  ];

  const payProps = paying && {
    advance: paying.advance,
    onCancel: () => setPaying(null),
    onConflict: refresh,
    onDone: async () => {
      setPaying(null);
      await refresh();
    },
  };

  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/reimbursements">
          零星报销
        </Anchor>
        <Text>医院垫付资金结算</Text>
      </Breadcrumbs>
      <Group justify="space-between">
        <Title order={3}>定点医疗机构垫付资金结算</Title>
        {canWrite && <Button onClick={() => setCreating(true)}>登记垫付申报</Button>}
      </Group>
      <Text size="sm" c="dimmed">
        自收到申报材料之日起 10 个工作日内支付申报总额的 70%，之后 15 个工作日内完成审核确认并支付剩余资金（000 §二(五)1）。
      </Text>
      <Select
        w={160}
        data={[
          { value: 'open', label: '未结清' },
          { value: 'all', label: '全部' },
        ]}
        value={status}
        onChange={(v) => setFilters({ status: v ?? 'open' })}
        allowDeselect={false}
        aria-label="状态"
      />
      <DataTable
        columns={columns}
        rows={list.data?.items}
        getRowId={(a) => a.id}
        query={list}
        empty="暂无垫付申报"
        minWidth={1200}
        tableProps={{ style: { whiteSpace: 'nowrap' } }}
        rowAttributes={() => ({ 'data-testid': 'advance-row' })}
      />

      <Modal opened={creating} onClose={() => setCreating(false)} title="登记垫付申报" size="lg">
        {creating && (
          <DeclarationForm
            onCancel={() => setCreating(false)}
            onDone={async () => {
              setCreating(false);
              await refresh();
            }}
          />
        )}
      </Modal>
      <Modal
        opened={paying !== null}
        onClose={() => setPaying(null)}
        title={paying?.instalment === 'first' ? '支付 70% 预付款' : '审核确认并结清'}
      >
        {payProps && (paying?.instalment === 'first' ? <FirstPaymentForm {...payProps} /> : <RestPaymentForm {...payProps} />)}
      </Modal>
    </Stack>
  );
}
