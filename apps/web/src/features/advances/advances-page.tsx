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
import { AdvanceDetail } from './advance-detail';
import { ApproveFirstPanel, ApproveTotalPanel, DeclarationForm, PaymentPanel, RecoveryPanel, type Advance } from './advance-forms';

const TONE = { ok: 'green', amber: 'orange', red: 'red', none: 'gray' } as const;

type Dialog = 'approveFirst' | 'approveTotal' | 'pay' | 'recover' | 'detail';
const DIALOG_TITLES: Record<Dialog, (a: Advance) => string> = {
  approveFirst: () => '批准 70% 预付',
  approveTotal: () => '审核确认总额（结清）',
  pay: (a) => (a.ledger.nextInstalment === 'first' ? '登记 70% 预付拨付' : '登记剩余资金拨付'),
  recover: () => '登记追回款',
  detail: (a) => `垫付申报 ${a.declarationNo}`,
};

const paidOf = (a: Advance, part: 'first' | 'rest') => a.payments.filter((p) => p.instalment === part).reduce((s, p) => s + p.amount, 0);

function Instalment({ a, part }: { a: Advance; part: 'first' | 'rest' }) {
  const i = a[part];
  const paid = paidOf(a, part);
  const onTime = i.overdue ? '超期' : '按时';
  const open = a.ledger.outstanding;
  // The rest column after review: what remains to pay, or the overpayment to recover; settled by a recovery alone, nothing was paid.
  const state = i.paidOn
    ? paid > 0
      ? `${onTime}已付 ${formatYuan(paid)}`
      : `${onTime}结清`
    : i.overdue
      ? '已超期'
      : part === 'first'
        ? `应付 ${formatYuan(a.first.dueAmount)}`
        : a.rest.approvedTotal === null
          ? '待审核结清'
          : open < 0
            ? `应追回 ${formatYuan(-open)}`
            : `应付 ${formatYuan(open)}`;
  return (
    <Stack gap={2} align="flex-start">
      <Badge color={TONE[i.tone]} variant="light">
        {state}
      </Badge>
      <Text size="xs" c="dimmed">
        期限 {i.due ? formatDate(i.due) : a.calendarError}
      </Text>
      {i.approvedByName && (
        <Text size="xs" c="dimmed">
          {i.approvedByName} {part === 'first' ? '批准' : `审核确认 ${formatYuan(a.rest.approvedTotal ?? 0)}`}
        </Text>
      )}
      {i.paidOn && (
        <Text size="xs" c="dimmed">
          {formatDate(i.paidOn)} {part === 'first' ? '付清' : '结清'}
        </Text>
      )}
    </Stack>
  );
}

/** Declared / approved / paid / recovered / outstanding, one line each, in yuan. */
function Ledger({ a }: { a: Advance }) {
  const lines: [string, string, string?][] = [
    ['申报', formatYuan(a.ledger.declared)],
    ['已批准', formatYuan(a.ledger.approved)],
    ['已付', formatYuan(a.ledger.paid)],
    ['已追回', formatYuan(a.ledger.recovered)],
    a.ledger.outstanding < 0 ? ['应追回', formatYuan(-a.ledger.outstanding), 'red'] : ['未付', formatYuan(a.ledger.outstanding)],
  ];
  return (
    <Stack gap={0} data-testid="advance-ledger-cell">
      {lines.map(([label, value, color]) => (
        <Group key={label} justify="space-between" gap={8} wrap="nowrap">
          <Text size="xs" c={color ?? 'dimmed'}>
            {label}
          </Text>
          <Text size="sm" c={color} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
            {value}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

/**
 * Hospital advance settlement (`000 §二(五)1`): 70 % in 10 working days, the rest in the next 15.
 * Each declaration shows declared / approved / paid / recovered / outstanding; each approval is a
 * reviewer's who did not declare, and whoever approved an instalment does not pay it (decision 0009).
 */
export function AdvancesPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useMe().data;
  const canWrite = !!me && can(me.role, 'advances.write');
  const [f, setFilters] = useUrlFilters({ status: 'open' });
  const status = f.status === 'all' ? 'all' : 'open';
  const list = useQuery({ ...trpc.advances.list.queryOptions({ status }), placeholderData: keepPreviousData });
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<{ id: string; dialog: Dialog } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.advances.pathKey() });
  const current = open ? (list.data?.items.find((a) => a.id === open.id) ?? null) : null;

  const columns: ColumnDef<Advance, never>[] = [
    {
      id: 'declaration',
      header: '申报 / 医院',
      cell: ({ row: { original: a } }) => (
        <Stack gap={0} align="flex-start">
          <Group gap={6}>
            <Anchor component="button" size="sm" onClick={() => setOpen({ id: a.id, dialog: 'detail' })}>
              {a.declarationNo}
            </Anchor>
            {a.isAboveLimit && (
              <Badge color="orange" variant="light" size="xs">
                超过合理上限
              </Badge>
            )}
          </Group>
          <Text size="sm">{a.hospitalName}</Text>
          <Text size="xs" c="dimmed">
            {formatDate(a.periodFrom)} 至 {formatDate(a.periodTo)}
          </Text>
          <Text size="xs" c="dimmed">
            {formatDate(a.receivedOn)} 收到 · {a.declaredByName} 登记
          </Text>
        </Stack>
      ),
    },
    { id: 'ledger', header: '金额（元）', meta: { width: 180 }, cell: ({ row }) => <Ledger a={row.original} /> },
    { id: 'first', header: '70% 预付（期限）', meta: { width: 170 }, cell: ({ row }) => <Instalment a={row.original} part="first" /> },
    { id: 'rest', header: '结清（期限）', meta: { width: 170 }, cell: ({ row }) => <Instalment a={row.original} part="rest" /> },
    {
      id: 'actions',
      header: '办理',
      cell: ({ row: { original: a } }) => (
        <Stack gap={4} align="flex-start" maw={210}>
          <Badge variant="outline" color={a.status === 'settled' ? 'green' : 'blue'}>
            {a.statusLabel}
          </Badge>
          <Group gap={4}>
            {a.can.approve === 'first' && (
              <Button size="xs" onClick={() => setOpen({ id: a.id, dialog: 'approveFirst' })}>
                批准 70% 预付
              </Button>
            )}
            {a.can.approve === 'total' && (
              <Button size="xs" onClick={() => setOpen({ id: a.id, dialog: 'approveTotal' })}>
                审核结清
              </Button>
            )}
            {a.can.pay && (
              <Button size="xs" color="green" onClick={() => setOpen({ id: a.id, dialog: 'pay' })}>
                {a.ledger.nextInstalment === 'first' ? '支付 70%' : '支付剩余资金'}
              </Button>
            )}
            {a.can.recover && (
              <Button size="xs" variant="light" color="orange" onClick={() => setOpen({ id: a.id, dialog: 'recover' })}>
                登记追回
              </Button>
            )}
          </Group>
          {a.can.blockedReason && (
            <Text size="xs" c="red" data-testid="advance-blocked">
              {a.can.blockedReason}
            </Text>
          )}
        </Stack>
      ),
    },
  ];

  const actionProps = current && {
    advance: current,
    onCancel: () => setOpen(null),
    onConflict: refresh,
    onDone: async () => {
      setOpen(null);
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
        自收到申报材料之日起 10 个工作日内支付申报总额的 70%，之后 15 个工作日内完成审核确认并支付剩余资金（000 §二(五)1）。70%
        预付和审核结清由申报登记人以外的审核人员批准，批准人不登记该笔拨付。
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
        minWidth={960}
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
        opened={open !== null && current !== null}
        onClose={() => setOpen(null)}
        title={current && open ? DIALOG_TITLES[open.dialog](current) : ''}
        size={open?.dialog === 'detail' ? 'xl' : 'md'}
      >
        {actionProps && open?.dialog === 'approveFirst' && <ApproveFirstPanel {...actionProps} />}
        {actionProps && open?.dialog === 'approveTotal' && <ApproveTotalPanel {...actionProps} />}
        {actionProps && open?.dialog === 'pay' && <PaymentPanel {...actionProps} />}
        {actionProps && open?.dialog === 'recover' && <RecoveryPanel {...actionProps} />}
        {current && open?.dialog === 'detail' && <AdvanceDetail a={current} />}
      </Modal>
    </Stack>
  );
}
