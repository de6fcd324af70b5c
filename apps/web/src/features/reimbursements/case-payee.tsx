import { Alert, Box, Button, Group, Modal, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { ZDecidePayeeChangeInput, ZPayeeDetails, ZProposePayeeChangeInput } from '@portal/rules';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { TextareaField, TextField } from '../../components/fields';
import { FormShell } from '../../components/form-shell';
import { LabeledValue } from '../../components/labeled-value';
import { ReasonDialog } from '../../components/reason-dialog';
import { formatDateTime } from '../../lib/dates';
import { useTRPC } from '../../lib/trpc';
import { useZodForm } from '../../lib/use-zod-form';
import { useCaseAction, type Case } from './use-case-action';

type Change = Case['payeeChanges'][number];
type Payee = Change['old'];

const ZProposeForm = ZPayeeDetails.extend({ reason: ZProposePayeeChangeInput.shape.reason });
const PROPOSE_SERVER_FIELDS = { 'payee.name': 'name', 'payee.bankName': 'bankName', 'payee.account': 'account' } as const;

const describe = (p: Payee) => (p.accountMasked ? `${p.name ?? ''} ${p.bankName ?? ''} ${p.accountMasked}` : '无');

/** One decided change, as a line of the panel's history (the column is narrow: no table). */
function ChangeLine({ change }: { change: Change }) {
  return (
    <Box data-testid="payee-change">
      <Text size="xs" fw={600}>
        {change.statusLabel} · {formatDateTime(change.decidedAt ?? change.proposedAt)} · {change.proposedByName ?? '—'} 提出，
        {change.decidedByName ?? '—'} {change.status === 'approved' ? '批准' : '驳回'}
      </Text>
      <Text size="xs" c="dimmed">
        {describe(change.old)} → {describe(change.new)}
      </Text>
      <Text size="xs" c="dimmed">
        原因：{change.reason}
        {change.decisionNote ? `；${change.status === 'approved' ? '审批意见' : '驳回原因'}：${change.decisionNote}` : ''}
      </Text>
    </Box>
  );
}

/** 提出收款账户变更: the new holder, bank and account from the 存折 copy, and why. */
function ProposeForm({ c, onClose }: { c: Case; onClose: () => void }) {
  const trpc = useTRPC();
  const { base, run } = useCaseAction(c);
  const propose = useMutation(trpc.reimbursements.proposePayeeChange.mutationOptions());
  const form = useZodForm(ZProposeForm, { defaultValues: { name: c.payee.name ?? c.person.name, bankName: '', account: '', reason: '' } });
  return (
    <FormShell
      form={form}
      submitLabel="提交审批"
      onCancel={onClose}
      serverFields={PROPOSE_SERVER_FIELDS}
      onSubmit={async ({ reason, ...payee }) => {
        await run(() => propose.mutateAsync({ ...base, payee, reason }));
        onClose();
      }}
    >
      <Text size="sm" c="dimmed">
        当前收款账户：{c.payee.accountMasked ? `${c.payee.name ?? ''} ${c.payee.bankName ?? ''} ${c.payee.accountMasked}` : '无'}
        。变更须由另一名审核人员审批后生效。
      </Text>
      <TextField control={form.control} name="name" label="收款人" withAsterisk />
      <TextField control={form.control} name="bankName" label="开户行" withAsterisk />
      <TextField
        control={form.control}
        name="account"
        label="银行账号"
        withAsterisk
        description="按银行存折（卡）复印件填写，保存后只显示后四位"
      />
      <TextareaField control={form.control} name="reason" label="变更原因" withAsterisk autosize minRows={2} />
    </FormShell>
  );
}

/**
 * Where the money goes: the payee captured at 受理 (masked), who checked it at 复核, and the
 * reviewed changes — proposed by one person with a reason, approved or rejected by another.
 */
export function PayeePanel({ c }: { c: Case }) {
  const trpc = useTRPC();
  const { base, run } = useCaseAction(c);
  const decide = useMutation(trpc.reimbursements.decidePayeeChange.mutationOptions());
  const [dialog, setDialog] = useState<null | 'propose' | 'approve' | 'reject'>(null);
  const close = () => setDialog(null);
  const pending = c.payeeChanges.find((p) => p.status === 'pending') ?? null;
  const decided = c.payeeChanges.filter((p) => p.status !== 'pending');
  return (
    <Paper withBorder p="md" data-testid="payee-panel">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>收款账户</Text>
        {c.can.proposePayee && (
          <Button size="xs" variant="light" onClick={() => setDialog('propose')}>
            提出收款账户变更
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <LabeledValue label="收款人" value={c.payee.name ?? '—'} />
        <LabeledValue label="开户行" value={c.payee.bankName ?? '—'} />
        <LabeledValue label="收款账号" value={c.payee.accountMasked ?? '未登记'} testId="payee-account" />
        <LabeledValue
          label="来源 / 复核核对"
          value={`${c.payee.sourceLabel ?? '—'} / ${c.payee.verifiedByName ? `${c.payee.verifiedByName}已核对` : '待复核核对'}`}
        />
      </SimpleGrid>
      {pending && (
        <Alert color="orange" mt="sm" p="sm" title="收款账户变更待审批" data-testid="payee-pending">
          <Stack gap={4}>
            <Text size="sm">原账户：{describe(pending.old)}</Text>
            <Text size="sm">新账户：{describe(pending.new)}</Text>
            <Text size="sm">
              原因：{pending.reason}（{pending.proposedByName ?? '—'} 提出）
            </Text>
            {c.can.approvePayeeBlockedReason && (
              <Text size="sm" c="red" data-testid="payee-approve-blocked">
                {c.can.approvePayeeBlockedReason}
              </Text>
            )}
            {(c.can.approvePayee || c.can.rejectPayee) && (
              <Group gap="xs" mt={4}>
                {c.can.approvePayee && (
                  <Button size="xs" color="green" onClick={() => setDialog('approve')}>
                    批准变更
                  </Button>
                )}
                {c.can.rejectPayee && (
                  <Button size="xs" variant="light" color="red" onClick={() => setDialog('reject')}>
                    驳回变更
                  </Button>
                )}
              </Group>
            )}
          </Stack>
        </Alert>
      )}
      {decided.length > 0 && (
        <Stack gap={6} mt="sm">
          <Text size="xs" c="dimmed">
            收款账户变更记录
          </Text>
          {decided.map((p) => (
            <ChangeLine key={p.id} change={p} />
          ))}
        </Stack>
      )}

      <Modal opened={dialog === 'propose'} onClose={close} title="提出收款账户变更">
        {dialog === 'propose' && <ProposeForm c={c} onClose={close} />}
      </Modal>
      {pending && (
        <>
          <ConfirmDialog
            opened={dialog === 'approve'}
            onClose={close}
            title="批准收款账户变更"
            amountLabel="本案应支付参保人"
            amount={c.settlement?.payable ?? null}
            facts={[
              { label: '原收款账户', value: describe(pending.old) },
              { label: '新收款账户', value: describe(pending.new), testId: 'confirm-new-account' },
              { label: '变更原因', value: pending.reason },
              { label: '提出人', value: pending.proposedByName ?? '—' },
            ]}
            acknowledge="已核对新账户与银行存折（卡）复印件一致"
            confirmLabel="批准变更"
            description="批准后本案只支付到新账户。"
            onConfirm={async () => {
              await run(() => decide.mutateAsync({ ...base, changeId: pending.id, decision: 'approve', note: '' }));
              close();
            }}
          />
          <ReasonDialog
            opened={dialog === 'reject'}
            onClose={close}
            title="驳回收款账户变更"
            label="驳回原因"
            serverField="note"
            schema={z.string().trim().min(4, '请填写驳回原因（至少 4 个字）').max(500, '驳回原因最多 500 字')}
            confirmLabel="驳回"
            onSubmit={async (note) => {
              await run(() =>
                decide.mutateAsync(ZDecidePayeeChangeInput.parse({ ...base, changeId: pending.id, decision: 'reject', note })),
              );
              close();
            }}
          />
        </>
      )}
    </Paper>
  );
}
