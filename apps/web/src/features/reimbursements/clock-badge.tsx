import { Badge, Text } from '@mantine/core';
import type { RouterOutputs } from '@portal/server/router';
import { formatDate } from '../../lib/dates';

/** The 25-working-day clock of a case, as the server computes it. */
export type ClockView = RouterOutputs['reimbursements']['get']['clock'];

const COLORS = { ok: 'green', amber: 'orange', red: 'red', none: 'gray' } as const;

/** Working days left on the 25-day clock, coloured: amber ≤ 5 left, red overdue. */
export function ClockBadge({ clock, status }: { clock: ClockView; status: string }) {
  if (clock.error)
    return (
      <Badge color="red" variant="light">
        缺少节假日数据
      </Badge>
    );
  if (!clock.started)
    return (
      <Badge color="gray" variant="light">
        未起算（待补材料）
      </Badge>
    );
  if (status === 'paid') {
    return (
      <Badge color={clock.paidOnTime ? 'green' : 'red'} variant="light" data-testid="clock-badge">
        {clock.paidOnTime ? '按时办结' : `超期办结（${clock.overdueWorkingDays} 个工作日）`}
      </Badge>
    );
  }
  const text = clock.overdue ? `已超期 ${clock.overdueWorkingDays} 个工作日` : `剩余 ${clock.left} 个工作日`;
  return (
    <Badge color={COLORS[clock.tone]} variant={clock.tone === 'ok' ? 'light' : 'filled'} data-testid="clock-badge" data-tone={clock.tone}>
      {clock.isSuspended ? `暂停计时 · ${text}` : text}
    </Badge>
  );
}

export function DueText({ clock }: { clock: ClockView }) {
  if (!clock.started || !clock.due)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  return (
    <Text size="sm" title={clock.provisionalReason ?? undefined} data-provisional={clock.provisional || undefined}>
      {formatDate(clock.due)}
      {clock.provisional && (
        <Text span size="xs" c="orange.8" fw={600} ml={4}>
          暂定
        </Text>
      )}
    </Text>
  );
}
