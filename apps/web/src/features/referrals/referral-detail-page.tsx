import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { REFERRAL_TIER_LABELS } from '@portal/rules';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useMe } from '../../app/use-me';
import { QueryState } from '../../components/query-state';
import { applyServerError } from '../../lib/form-errors';
import { useTRPC } from '../../lib/trpc';
import { ReasonModal } from './reason-modal';
import { ReferralStatusBadge } from './shared';

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

export function ReferralDetailPage() {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const me = useMe();
  const queryClient = useQueryClient();
  const referral = useQuery(trpc.referrals.get.queryOptions({ id }));
  const [modal, setModal] = useState<'reject' | 'cancel' | null>(null);
  const register = useMutation(trpc.referrals.register.mutationOptions());
  const canWrite = me.data?.role === 'clerk' || me.data?.role === 'reviewer';
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
                    <Group>
                      <Text fw={700} size="lg">
                        电子转诊编号：
                        <Text span ff="monospace" fw={700} data-testid="referral-no">
                          {r.referralNo ?? '（待备案）'}
                        </Text>
                      </Text>
                    </Group>
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
                    <Field label="开具日期">{r.issueDate}</Field>
                    <Field label="计划入院日期">{r.plannedAdmissionDate}</Field>
                    <Field label="有效期">
                      {r.validityDays} 天，至 {r.validUntil}
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
                            const done = await register.mutateAsync({ id: r.id });
                            await queryClient.invalidateQueries({ queryKey: trpc.referrals.pathKey() });
                            notifications.show({ color: 'green', message: `已备案，转诊编号 ${done.referralNo}` });
                          } catch (err) {
                            applyServerError(err);
                          }
                        }}
                      >
                        备案
                      </Button>
                      <Button color="red" variant="light" onClick={() => setModal('reject')}>
                        不予备案
                      </Button>
                    </>
                  )}
                  {(r.effectiveStatus === 'submitted' || r.effectiveStatus === 'registered') && (
                    <Button color="red" variant="subtle" onClick={() => setModal('cancel')}>
                      撤销备案
                    </Button>
                  )}
                </Group>
              )}
              <ReasonModal
                opened={modal === 'reject'}
                onClose={() => setModal(null)}
                title="不予备案"
                label="不予备案的原因"
                confirm="确认不予备案"
                id={r.id}
                mutation={trpc.referrals.reject.mutationOptions()}
                invalidate={trpc.referrals.pathKey()}
              />
              <ReasonModal
                opened={modal === 'cancel'}
                onClose={() => setModal(null)}
                title={`撤销转诊备案 ${r.referralNo ?? ''}`}
                label="撤销原因"
                confirm="确认撤销"
                id={r.id}
                mutation={trpc.referrals.cancel.mutationOptions()}
                invalidate={trpc.referrals.pathKey()}
              />
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}
