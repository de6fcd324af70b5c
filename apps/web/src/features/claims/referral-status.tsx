import { Alert, Checkbox, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { useClaimPreview } from './use-claim-preview';

const TITLES = {
  registry: '已查到转诊转院备案',
  override: '审核认定视同转诊',
  none: '县域外住院须办理转诊转院备案',
} as const;
const COLORS = { registry: 'green', override: 'blue', none: 'orange' } as const;

/** Whether the registry holds a referral for an out-of-county stay: read from it, never ticked by hand (issue 7). */
export function ReferralStatus({ preview }: { preview: ReturnType<typeof useClaimPreview> }) {
  const { referral, admissionDate, context } = preview;
  const source = referral && referral.source !== 'not_required' ? referral.source : 'none';
  const isReferred = (referral?.referred ?? false) || (referral?.offsiteRegistered ?? false);
  return (
    <Alert color={COLORS[source]} p="xs" title={TITLES[source]} data-testid="referral-status">
      <Checkbox label="按已转诊结算" checked={isReferred} disabled readOnly description="由转诊备案登记自动判定，不能手工勾选" />
      <Text size="sm" mt={6}>
        {!admissionDate
          ? '填写入院日期后查询转诊备案。'
          : context.isFetching && !referral
            ? '正在查询转诊备案…'
            : (referral?.note ?? '正在查询转诊备案…')}
      </Text>
      {referral?.blockedReason && (
        <Text size="sm" c="red" mt={4} data-testid="referral-blocked">
          {referral.blockedReason}
        </Text>
      )}
      {referral?.source === 'none' && (
        <Text size="xs" c="dimmed" mt={4}>
          未转诊的，不享受降低起付线、提高报销比例等倾斜政策（000 §二(七)）；咸宁口径不享受倾斜救助（002 §三(三)）。请先
          <Text component={Link} to="/referrals/new" size="xs" c="blue" span>
            登记转诊备案
          </Text>
          ，急诊等特殊情况由审核人员办理视同转诊认定。
        </Text>
      )}
    </Alert>
  );
}
