import { Badge } from '@mantine/core';
import { OFFSITE_STATUS_LABELS, REFERRAL_STATUS_LABELS, type TReferralEffectiveStatus } from '@portal/rules';

const REFERRAL_COLORS: Record<TReferralEffectiveStatus, string> = {
  submitted: 'yellow',
  registered: 'green',
  rejected: 'red',
  cancelled: 'gray',
  expired: 'orange',
};
const OFFSITE_COLORS = { registered: 'green', pending: 'blue', cancelled: 'gray', expired: 'orange' } as const;

export function ReferralStatusBadge({ status }: { status: TReferralEffectiveStatus }) {
  return (
    <Badge color={REFERRAL_COLORS[status]} variant="light">
      {REFERRAL_STATUS_LABELS[status]}
    </Badge>
  );
}

export function OffsiteStatusBadge({ status }: { status: keyof typeof OFFSITE_COLORS }) {
  return (
    <Badge color={OFFSITE_COLORS[status]} variant="light">
      {OFFSITE_STATUS_LABELS[status]}
    </Badge>
  );
}
