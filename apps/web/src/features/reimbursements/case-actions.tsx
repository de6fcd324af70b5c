import { Alert, Button, Group, Input, Modal, Paper, SegmentedControl, Text } from '@mantine/core';
import { HOLD_KIND_LABELS, HOLD_KINDS, ZClearHoldInput, ZHoldInput, ZPayInput, ZReturnCaseInput, ZStepInput } from '@portal/rules';
import { ConfirmDialog, type ConfirmFact } from '../../components/confirm-dialog';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useController } from 'react-hook-form';
import { TextareaField, TextField } from '../../components/fields';
import { FormShell } from '../../components/form-shell';
import { ReasonDialog } from '../../components/reason-dialog';
import { formatYuan } from '../../lib/money';
import { useTRPC } from '../../lib/trpc';
import { useZodForm, type ZodForm } from '../../lib/use-zod-form';
import { useCaseAction, type Case } from './use-case-action';

type Step = NonNullable<Case['can']['step']>;

const ZStepForm = ZStepInput.pick({ note: true });
const ZPayForm = ZPayInput.pick({ paymentRef: true });

/** The payee as every confirmation shows it: holder, bank and the masked account. */
export function payeeFacts(c: Case): ConfirmFact[] {
  return [
    { label: '收款人', value: c.payee.name ?? '—', testId: 'confirm-payee-name' },
    { label: '开户行', value: c.payee.bankName ?? '—' },
    { label: '收款账号', value: c.payee.accountMasked ?? '未登记', testId: 'confirm-account' },
    { label: '参保人', value: `${c.person.name}　${c.person.idNumberMasked}` },
  ];
}
const ZHoldForm = ZHoldInput.pick({ kind: true, reason: true });

/**
 * 病案登记录入 / 调查核实 / 初审 / 复核: an optional note and the button that completes the step. 复核
 * asks for confirmation first: the amount payable and the payee (masked), checked against the
 * 银行存折（卡）复印件 (decision 0009).
 */
function StepForm({ c, step }: { c: Case; step: Step }) {
  const trpc = useTRPC();
  const { base, run } = useCaseAction(c);
  const form = useZodForm(ZStepForm, { defaultValues: { note: '' } });
  const [confirming, setConfirming] = useState<string | null>(null);
  const mutations = {
    register: useMutation(trpc.reimbursements.register.mutationOptions()),
    investigate: useMutation(trpc.reimbursements.investigate.mutationOptions()),
    first_review: useMutation(trpc.reimbursements.firstReview.mutationOptions()),
    second_review: useMutation(trpc.reimbursements.secondReview.mutationOptions()),
  };
  if (step.step === 'pay') return null;
  const current = step.step;
  return (
    <>
      <FormShell
        form={form}
        submitLabel={`完成${step.label}`}
        onSubmit={(values) => {
          if (current === 'second_review') {
            setConfirming(values.note);
            return;
          }
          return run(() => mutations[current].mutateAsync({ ...base, note: values.note }));
        }}
      >
        <TextareaField control={form.control} name="note" label={`${step.label}意见`} placeholder="可填写办理意见" autosize minRows={2} />
        {current === 'first_review' && (
          <Text size="xs" c="dimmed">
            初审时按参保人当前年度累计计算各项支付，复核时核对确认。
          </Text>
        )}
      </FormShell>
      <ConfirmDialog
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title="确认复核"
        amountLabel="复核确认应支付参保人"
        amount={c.settlement?.payable ?? null}
        facts={payeeFacts(c)}
        acknowledge="已核对收款人、开户行和账号与银行存折（卡）复印件一致"
        confirmLabel="确认复核"
        description="复核通过后，案件交由未参与受理、初审和复核的人员支付到以下账户。"
        onConfirm={async () => {
          await run(() => mutations.second_review.mutateAsync({ ...base, note: confirming ?? '', payeeVerified: true }));
          setConfirming(null);
        }}
      />
    </>
  );
}

/** 支付: the payment reference, then a confirmation of the amount and the case's payee (masked); nobody types an account. */
function PayForm({ c, payable }: { c: Case; payable: number }) {
  const trpc = useTRPC();
  const { base, run } = useCaseAction(c);
  const pay = useMutation(trpc.reimbursements.pay.mutationOptions());
  const form = useZodForm(ZPayForm, { defaultValues: { paymentRef: '' } });
  const [paymentRef, setPaymentRef] = useState<string | null>(null);
  return (
    <>
      <FormShell form={form} submitLabel="支付" submitColor="green" onSubmit={(values) => setPaymentRef(values.paymentRef)}>
        <Text size="sm">
          应支付 <b>{formatYuan(payable)}</b> 元至 {c.payee.name ?? ''} {c.payee.accountMasked ?? '（无收款账户）'}
        </Text>
        <TextField control={form.control} name="paymentRef" label="支付凭证号" withAsterisk />
        <Text size="xs" c="dimmed">
          只支付到受理时登记、复核核对（或经审批变更）的收款账户；账户有误请先提出收款账户变更。
        </Text>
      </FormShell>
      <ConfirmDialog
        opened={paymentRef !== null}
        onClose={() => setPaymentRef(null)}
        title="确认支付"
        amountLabel="支付金额"
        amount={payable}
        facts={[...payeeFacts(c), { label: '支付凭证号', value: paymentRef ?? '' }]}
        confirmLabel="确认支付"
        description="请核对金额和收款账户（只显示后四位）后确认，支付后结算单计入参保人本年度累计。"
        onConfirm={async () => {
          await run(() => pay.mutateAsync({ ...base, paymentRef: paymentRef ?? '' }));
          setPaymentRef(null);
        }}
      />
    </>
  );
}

function HoldKindField({ form }: { form: ZodForm<typeof ZHoldForm> }) {
  const { field } = useController({ control: form.control, name: 'kind' });
  return (
    <Input.Wrapper label="病案类型">
      <div>
        <SegmentedControl
          value={field.value}
          onChange={(v) => field.onChange(HOLD_KINDS.find((k) => k === v) ?? 'doubtful')}
          data={[
            { value: 'doubtful', label: HOLD_KIND_LABELS.doubtful },
            { value: 'special', label: HOLD_KIND_LABELS.special },
          ]}
        />
      </div>
    </Input.Wrapper>
  );
}

/** 标记特殊/疑问病案: which kind and why; the clock stops until the hold is cleared. */
function HoldForm({ c, onClose }: { c: Case; onClose: () => void }) {
  const trpc = useTRPC();
  const { base, run } = useCaseAction(c);
  const hold = useMutation(trpc.reimbursements.hold.mutationOptions());
  const form = useZodForm(ZHoldForm, { defaultValues: { kind: 'doubtful', reason: '' } });
  return (
    <FormShell
      form={form}
      submitLabel="确定"
      onCancel={onClose}
      onSubmit={async (values) => {
        await run(() => hold.mutateAsync({ ...base, ...values }));
        onClose();
      }}
    >
      <HoldKindField form={form} />
      <TextareaField control={form.control} name="reason" label="原因" withAsterisk autosize minRows={3} data-autofocus />
    </FormShell>
  );
}

/** 办理: the next step for this user, payment, and return / hold / clear-hold. */
export function ActionsPanel({ c }: { c: Case }) {
  const trpc = useTRPC();
  const { base, run } = useCaseAction(c);
  const returnCase = useMutation(trpc.reimbursements.returnCase.mutationOptions());
  const clearHold = useMutation(trpc.reimbursements.clearHold.mutationOptions());
  const [dialog, setDialog] = useState<null | 'return' | 'hold' | 'clear'>(null);
  const close = () => setDialog(null);
  const step = c.can.step;
  return (
    <Paper withBorder p="md">
      <Text fw={600} mb="xs">
        办理
      </Text>
      {c.hold && (
        <Alert color="grape" mb="sm" p="xs">
          {c.hold.label}：{c.hold.reason}（暂停计时，解除后方可继续办理）
        </Alert>
      )}
      {step && step.step !== 'pay' && <StepForm key={`${c.version}-${step.step}`} c={c} step={step} />}
      {step?.step === 'pay' && c.settlement && <PayForm key={c.version} c={c} payable={c.settlement.payable} />}
      {!step && c.can.stepBlockedReason && !c.hold && (
        <Alert color="yellow" p="xs" data-testid="step-blocked">
          {c.can.stepBlockedReason}
        </Alert>
      )}
      {c.status === 'paid' && (
        <Text size="sm" c="dimmed">
          案件已办结。
        </Text>
      )}
      {c.status === 'awaiting_documents' && (
        <Text size="sm" c="dimmed">
          材料补齐后开始计时，再办理病案登记录入。
        </Text>
      )}
      <Group mt="md" gap="xs">
        {c.can.returnCase && (
          <Button variant="light" color="orange" size="xs" onClick={() => setDialog('return')}>
            退回上一步
          </Button>
        )}
        {c.can.hold && (
          <Button variant="light" color="grape" size="xs" onClick={() => setDialog('hold')}>
            标记特殊/疑问病案
          </Button>
        )}
        {c.can.clearHold && (
          <Button variant="light" color="grape" size="xs" onClick={() => setDialog('clear')}>
            解除标记，恢复计时
          </Button>
        )}
      </Group>

      <ReasonDialog
        opened={dialog === 'return'}
        onClose={close}
        title="退回上一步"
        label="退回原因"
        schema={ZReturnCaseInput.shape.reason}
        confirmLabel="确定"
        confirmColor="orange"
        onSubmit={async (reason) => {
          await run(() => returnCase.mutateAsync({ ...base, reason }));
          close();
        }}
      />
      <Modal opened={dialog === 'hold'} onClose={close} title="标记特殊/疑问病案（暂停计时）">
        {dialog === 'hold' && <HoldForm c={c} onClose={close} />}
      </Modal>
      <ReasonDialog
        opened={dialog === 'clear'}
        onClose={close}
        title="解除标记，恢复计时"
        label="处理结果"
        schema={ZClearHoldInput.shape.note}
        serverField="note"
        confirmLabel="确定"
        confirmColor="grape"
        onSubmit={async (note) => {
          await run(() => clearHold.mutateAsync({ ...base, note }));
          close();
        }}
      />
    </Paper>
  );
}
