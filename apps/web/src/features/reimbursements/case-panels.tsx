import { Alert, Anchor, Box, Group, Paper, SimpleGrid, Text, Timeline } from '@mantine/core';
import { VISIT_TYPE_LABELS } from '@portal/rules';
import { Link } from 'react-router';
import { DataTable, type ColumnDef } from '../../components/data-table';
import { LabeledValue } from '../../components/labeled-value';
import { formatDate, formatDateRange } from '../../lib/dates';
import { formatYuan } from '../../lib/money';
import { SettlementTable } from '../claims';
import type { Case } from './use-case-action';

const ACTION_LABELS: Record<string, string> = {
  intake: '受理',
  receive_materials: '补交材料',
  register: '病案登记录入',
  investigate: '病案调查核实',
  first_review: '初审',
  second_review: '复核',
  pay: '支付',
  return: '退回',
  hold: '暂停计时',
  clear_hold: '恢复计时',
  payee_propose: '提出收款账户变更',
  payee_approve: '批准收款账户变更',
  payee_reject: '驳回收款账户变更',
};

type Suspension = Case['suspensions'][number];

const nowrap = { style: { whiteSpace: 'nowrap' } } as const;
const SUSPENSION_COLUMNS: ColumnDef<Suspension, never>[] = [
  { id: 'kind', header: '暂停计时', cell: ({ row }) => <span {...nowrap}>{row.original.label}</span> },
  { id: 'from', header: '起', cell: ({ row }) => <span {...nowrap}>{formatDate(row.original.from)}</span> },
  { id: 'to', header: '止', cell: ({ row }) => <span {...nowrap}>{row.original.to ? formatDate(row.original.to) : '暂停中'}</span> },
  {
    id: 'reason',
    header: '原因 / 处理结果',
    cell: ({ row: { original: s } }) => `${s.reason}${s.clearNote ? ` / ${s.clearNote}` : ''}`,
  },
];

/** The 25-working-day clock: start, due date, days used and left, and the holds that paused it. */
export function ClockPanel({ c }: { c: Case }) {
  return (
    <Paper withBorder p="md">
      <Text fw={600} mb="xs">
        办结时限（25 个工作日）
      </Text>
      {c.clock.error ? (
        <Alert color="red">{c.clock.error}</Alert>
      ) : (
        <SimpleGrid cols={2}>
          <LabeledValue label="受理日期" value={formatDate(c.receivedOn)} />
          <LabeledValue label="材料齐全日期（起算日）" value={c.materialsCompleteOn ? formatDate(c.materialsCompleteOn) : '材料未齐'} />
          <LabeledValue label="应办结日期" value={`${formatDate(c.clock.due)}${c.clock.provisional ? '（暂定）' : ''}`} testId="due-date" />
          <LabeledValue
            label="已用 / 剩余工作日"
            value={c.clock.started ? `${c.clock.used} / ${c.clock.left}` : '—'}
            testId="days-used-left"
          />
        </SimpleGrid>
      )}
      {c.clock.provisional && c.clock.provisionalReason && (
        <Alert color="orange" mt="sm" p="xs" data-testid="clock-provisional">
          {c.clock.provisionalReason}
        </Alert>
      )}
      {c.suspensions.length > 0 && (
        <Box mt="sm">
          <DataTable
            columns={SUSPENSION_COLUMNS}
            rows={c.suspensions}
            getRowId={(s) => s.id}
            empty="没有暂停计时"
            withPaper={false}
            tableProps={{ striped: false, withTableBorder: true, verticalSpacing: 4 }}
          />
        </Box>
      )}
      {c.clock.suspendedWorkingDays > 0 && (
        <Text size="xs" c="dimmed" mt={6}>
          暂停期间（含起止日）的 {c.clock.suspendedWorkingDays} 个工作日不计入时限，应办结日期相应顺延。
        </Text>
      )}
    </Paper>
  );
}

/** The person and the visit as received, the first review's settlement, and the payment. */
export function VisitPanel({ c }: { c: Case }) {
  return (
    <>
      <Paper withBorder p="md">
        <Text fw={600} mb="xs">
          参保人与就诊
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <LabeledValue label="参保人" value={`${c.person.name}　${c.person.idNumberMasked}`} />
          <LabeledValue label="就诊医院" value={`${c.hospital.name}（${c.hospital.regionName}）`} />
          <LabeledValue label="就诊类型" value={VISIT_TYPE_LABELS[c.visit.visitType]} />
          <LabeledValue label="住院日期" value={formatDateRange(c.visit.admissionDate, c.visit.dischargeDate)} />
          <LabeledValue label="诊断" value={c.visit.diagnosis} />
          <LabeledValue
            label="医疗总费用 / 政策范围内（元）"
            value={`${formatYuan(c.visit.totalCost)} / ${formatYuan(c.visit.inScopeCost)}`}
          />
          {c.kind === 'offsite_networked' && (
            <LabeledValue
              label="医院已结算基本医保 / 大病保险（元）"
              value={`${formatYuan(c.paidElsewhere.basic)} / ${formatYuan(c.paidElsewhere.critical)}`}
            />
          )}
          <LabeledValue
            label="参保人登记账户"
            value={c.person.registeredAccountMasked ? `${c.person.bankName ?? ''} ${c.person.registeredAccountMasked}` : '未登记'}
          />
        </SimpleGrid>
      </Paper>

      {c.settlement && (
        <Paper withBorder p="md">
          <Group justify="space-between" mb="xs">
            <Text fw={600}>初审结算{c.secondReviewByName ? '（已复核确认）' : ''}</Text>
            <Text size="sm">
              初审：{c.firstReviewByName ?? '—'}
              {c.secondReviewByName ? `　复核：${c.secondReviewByName}` : ''}
            </Text>
          </Group>
          <SettlementTable result={c.settlement.result} />
          <Text mt="sm" fw={600} data-testid="payable">
            应支付参保人：{formatYuan(c.settlement.payable)} 元{c.kind === 'offsite_networked' ? '（医疗救助部分）' : ''}
          </Text>
        </Paper>
      )}

      {c.payment && (
        <Alert color="green" title="已支付" data-testid="payment">
          {formatDate(c.payment.paidOn)} 支付 {formatYuan(c.payment.amount)} 元至 {c.payment.name ?? ''} 账户 {c.payment.accountMasked}
          ，凭证号 {c.payment.reference}。
          {c.payment.claimId && (
            <Anchor component={Link} to={`/claims/${c.payment.claimId}`} ml="xs">
              查看结算单
            </Anchor>
          )}
        </Alert>
      )}
    </>
  );
}

/** Who did what on which day. */
export function EventsPanel({ c }: { c: Case }) {
  return (
    <Paper withBorder p="md">
      <Text fw={600} mb="xs">
        办理记录
      </Text>
      <Timeline bulletSize={14} lineWidth={2} active={c.events.length}>
        {c.events.map((e) => (
          <Timeline.Item key={e.id} title={`${ACTION_LABELS[e.action] ?? e.action} · ${e.actorName}`}>
            <Text size="xs" c="dimmed">
              {formatDate(e.onDate)}
            </Text>
            {e.note && <Text size="sm">{e.note}</Text>}
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}
