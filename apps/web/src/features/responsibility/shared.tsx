import { Badge, Group, Text } from '@mantine/core';
import { REPORTING_STATUS_LABELS, type TReportingStatus, type TSubmissionStage } from '@portal/rules';
import type { RouterOutputs } from '@portal/server/router';

/** Where a unit's table stands, as the server computes it (rounds, supervision, the table itself). */
type StatusFacts = Pick<
  RouterOutputs['responsibility']['getRound']['units'][number],
  'status' | 'stage' | 'workingDaysLeft' | 'workingDaysOverdue' | 'isLate'
>;

const COLORS: Record<TReportingStatus, string> = {
  not_started: 'gray',
  draft: 'blue',
  submitted: 'green',
  returned: 'orange',
  overdue: 'red',
};

/** Status of a unit's table; overdue also shows the stage it is stuck in. */
export function StatusBadge({ status, stage }: { status: TReportingStatus; stage?: TSubmissionStage }) {
  const label = status === 'overdue' && stage ? `逾期（${REPORTING_STATUS_LABELS[stage]}）` : REPORTING_STATUS_LABELS[status];
  return (
    <Badge color={COLORS[status]} variant={status === 'overdue' ? 'filled' : 'light'}>
      {label}
    </Badge>
  );
}

/** "还剩 3 个工作日" / "已逾期 2 个工作日" / "提交晚于截止日" next to the status. */
export function DaysNote({ s }: { s: StatusFacts }) {
  let text: string | null = null;
  if (s.status === 'overdue') text = s.workingDaysOverdue != null ? `已逾期 ${s.workingDaysOverdue} 个工作日` : '已逾期';
  else if (s.status === 'submitted') text = s.isLate ? '逾期后报送' : null;
  else if (s.workingDaysLeft != null) text = s.workingDaysLeft === 0 ? '今天截止' : `还剩 ${s.workingDaysLeft} 个工作日`;
  if (!text) return null;
  return (
    <Text size="xs" c={s.status === 'overdue' || s.isLate ? 'red' : 'dimmed'} span>
      {text}
    </Text>
  );
}

export function StatusCell({ s }: { s: StatusFacts }) {
  return (
    <Group gap={6} wrap="nowrap">
      <StatusBadge status={s.status} stage={s.stage} />
      <DaysNote s={s} />
    </Group>
  );
}

export const exportUrls = {
  tableXlsx: (id: string) => `/api/responsibility/submissions/${id}/table.xlsx`,
  tablePdf: (id: string) => `/api/responsibility/submissions/${id}/table.pdf`,
  rollupXlsx: (id: string) => `/api/responsibility/rounds/${id}/rollup.xlsx`,
};
