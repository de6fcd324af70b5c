import { Alert, SimpleGrid, Stack, Text } from '@mantine/core';
import { DataTable, type ColumnDef } from '../../components/data-table';
import { LabeledValue } from '../../components/labeled-value';
import { formatDate } from '../../lib/dates';
import { formatYuan } from '../../lib/money';
import type { Advance } from './advance-forms';

type Movement = {
  id: string;
  kind: string;
  on: string;
  amount: number;
  reference: string;
  who: string;
  note: string | null;
};

const COLUMNS: ColumnDef<Movement, never>[] = [
  { id: 'on', header: '日期', cell: ({ row }) => formatDate(row.original.on) },
  { id: 'kind', header: '事项', cell: ({ row }) => row.original.kind },
  { id: 'amount', header: '金额（元）', meta: { numeric: true }, cell: ({ row }) => formatYuan(row.original.amount) },
  { id: 'reference', header: '凭证号', cell: ({ row }) => row.original.reference },
  { id: 'who', header: '经办人', cell: ({ row }) => row.original.who },
  { id: 'note', header: '说明', cell: ({ row }) => <span style={{ whiteSpace: 'normal' }}>{row.original.note ?? ''}</span> },
];

/** One declaration: its tiers, the ledger, and every approval, payment and recovery with its true date and who recorded it. */
export function AdvanceDetail({ a }: { a: Advance }) {
  const movements: Movement[] = [
    ...a.approvals.map((x, i) => ({
      id: `approval-${i}`,
      kind: x.stage === 'first' ? '批准 70% 预付' : '审核确认总额',
      on: x.approvedOn,
      amount: x.amount,
      reference: '—',
      who: x.approvedByName,
      note: x.note,
    })),
    ...a.payments.map((p) => ({
      id: p.id,
      kind: p.instalment === 'first' ? '拨付 70% 预付款' : '拨付剩余资金',
      on: p.paidOn,
      amount: p.amount,
      reference: p.paymentRef,
      who: p.recordedByName,
      note: null,
    })),
    ...a.recoveries.map((r) => ({
      id: r.id,
      kind: '追回',
      on: r.recoveredOn,
      amount: -r.amount,
      reference: r.reference,
      who: r.recordedByName,
      note: r.reason,
    })),
  ].sort((x, y) => x.on.localeCompare(y.on));
  return (
    <Stack>
      <Text size="sm">
        {a.hospitalName}　结算期间 {formatDate(a.periodFrom)} 至 {formatDate(a.periodTo)}，{formatDate(a.receivedOn)} 收到，
        {a.declaredByName} 登记
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 3 }}>
        <LabeledValue label="基本医保" value={formatYuan(a.basic)} />
        <LabeledValue label="大病保险" value={formatYuan(a.critical)} />
        <LabeledValue label="医疗救助" value={formatYuan(a.assistance)} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 2, sm: 5 }} data-testid="advance-ledger">
        <LabeledValue label="申报" value={formatYuan(a.ledger.declared)} />
        <LabeledValue label="已批准" value={formatYuan(a.ledger.approved)} />
        <LabeledValue label="已付" value={formatYuan(a.ledger.paid)} />
        <LabeledValue label="已追回" value={formatYuan(a.ledger.recovered)} />
        <LabeledValue
          label={a.ledger.outstanding < 0 ? '应追回' : '未付'}
          value={formatYuan(Math.abs(a.ledger.outstanding))}
          testId="advance-outstanding"
        />
      </SimpleGrid>
      {a.limitReason && (
        <Alert color="orange" p="sm" title="超过合理上限的说明">
          {a.limitReason}
        </Alert>
      )}
      <DataTable
        columns={COLUMNS}
        rows={movements}
        getRowId={(m) => m.id}
        empty="尚未批准或拨付"
        minWidth={760}
        tableProps={{ style: { whiteSpace: 'nowrap' } }}
      />
    </Stack>
  );
}
