import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { can, REFERRAL_TIER_LABELS, ZCancelRegistrationInput, ZRejectReferralInput } from '@portal/rules';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useMe } from '../../app/use-me';
import { QueryState } from '../../components/query-state';
import { ReasonDialog } from '../../components/reason-dialog';
import { formatDate } from '../../lib/dates';
import { applyServerError } from '../../lib/form-errors';
import { useTRPC } from '../../lib/trpc';
import { ReferralStatusBadge } from './status-badges';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="div">{children}</Text>
    </Stack>
  );
}

/** One referral as a printable receipt, with registration, refusal and cancellation for casework staff. */
export function ReferralDetailPage() {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const me = useMe().data;
  const queryClient = useQueryClient();
  const referral = useQuery(trpc.referrals.get.queryOptions({ id }));
  const [dialog, setDialog] = useState<'reject' | 'cancel' | null>(null);
  const register = useMutation(trpc.referrals.register.mutationOptions());
  const reject = useMutation(trpc.referrals.reject.mutationOptions());
  const cancel = useMutation(trpc.referrals.cancel.mutationOptions());
  const canWrite = !!me && can(me.role, 'referrals.write');
  const done = async (message: string) => {
    await queryClient.invalidateQueries({ queryKey: trpc.referrals.pathKey() });
    notifications.show({ color: 'green', message });
    setDialog(null);
  };
  return (
    <Stack maw={880}>
      <Group justify="space-between" className="no-print">
        <Title order={3}>转诊转院备案</Title>
        <Group>
          <Button variant="default" onClick={() => window.print()}>
            打印回执
          </Button>
          <Button component={Link} to="/referrals" variant="default">
            返回列表
          </Button>
        </Group>
      </Group>
      <QueryState query={referral}>
        {() => {
          const r = referral.data!;
          return (
            <>
              <Paper withBorder p="lg">
                <Stack>
                  <Group justify="space-between">
                    <Text fw={700} size="lg">
                      电子转诊编号：
                      <Text span ff="monospace" fw={700} data-testid="referral-no">
                        {r.referralNo ?? '（待备案）'}
                      </Text>
                    </Text>
                    <ReferralStatusBadge status={r.effectiveStatus} />
                  </Group>
                  <SimpleGrid cols={{ base: 1, sm: 3 }}>
                    <Field label="姓名">{r.personName}</Field>
                    <Field label="身份证号">
                      <Text ff="monospace">{r.idNumberMasked}</Text>
                    </Field>
                    <Field label="所属区划">{r.countyName}</Field>
                    <Field label="出具医院">{r.issuingHospitalName}</Field>
                    <Field label="转往医院">
                      {r.destinationHospitalName}（{REFERRAL_TIER_LABELS[r.destinationTier]}）
                    </Field>
                    <Field label="诊断">{r.diagnosis}</Field>
                    <Field label="开具日期">{formatDate(r.issueDate)}</Field>
                    <Field label="计划入院日期">{formatDate(r.plannedAdmissionDate)}</Field>
                    <Field label="有效期">
                      {r.validityDays} 天，至 {formatDate(r.validUntil)}
                    </Field>
                  </SimpleGrid>
                  <Field label="转诊原因">{r.reason}</Field>
                  {r.rejectReason && <Field label="不予备案原因">{r.rejectReason}</Field>}
                  {r.cancelReason && <Field label="撤销原因">{r.cancelReason}</Field>}
                  {r.effectiveStatus === 'registered' && (
                    <Text size="sm" c="dimmed">
                      有效期内在转往医院住院结算时，系统自动按“经转诊”政策计算。
                    </Text>
                  )}
                </Stack>
              </Paper>
              {canWrite && (
                <Group className="no-print">
                  {r.effectiveStatus === 'submitted' && (
                    <>
                      <Button
                        loading={register.isPending}
                        onClick={async () => {
                          try {
                            const registered = await register.mutateAsync({ id: r.id });
                            await done(`已备案，转诊编号 ${registered.referralNo}`);
                          } catch (err) {
                            applyServerError(err);
                          }
                        }}
                      >
                        备案
                      </Button>
                      <Button color="red" variant="light" onClick={() => setDialog('reject')}>
                        不予备案
                      </Button>
                    </>
                  )}
                  {(r.effectiveStatus === 'submitted' || r.effectiveStatus === 'registered') && (
                    <Button color="red" variant="subtle" onClick={() => setDialog('cancel')}>
                      撤销备案
                    </Button>
                  )}
                </Group>
              )}
              <ReasonDialog
                opened={dialog === 'reject'}
                onClose={() => setDialog(null)}
                title="不予备案"
                label="不予备案的原因"
                schema={ZRejectReferralInput.shape.reason}
                confirmLabel="确认不予备案"
                onSubmit={async (reason) => {
                  await reject.mutateAsync({ id: r.id, reason });
                  await done('不予备案完成');
                }}
              />
              <ReasonDialog
                opened={dialog === 'cancel'}
                onClose={() => setDialog(null)}
                title={`撤销转诊备案 ${r.referralNo ?? ''}`}
                label="撤销原因"
                schema={ZCancelRegistrationInput.shape.reason}
                confirmLabel="确认撤销"
                onSubmit={async (reason) => {
                  await cancel.mutateAsync({ id: r.id, reason });
                  await done('撤销完成');
                }}
              />
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}
